"""The panels: map, decree countdown, flow chart, records (docs/architecture.md §6); each keeps
the contract in desktop/panel.py."""
