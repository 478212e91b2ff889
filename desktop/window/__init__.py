"""The main window and what hangs on it: menus, clock bar, key figures, wall display."""
