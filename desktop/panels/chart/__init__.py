"""The flow chart panel (DESIGN.md §6): ``ChartPanel``."""
