"""The flow chart panel (docs/architecture.md §6): ``ChartPanel``."""
