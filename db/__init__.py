"""Situation Room's store and every rule that needs no window.

Nothing in this package imports Qt: it is used the same way by the desktop app, the command
line, scripts and tests.
"""
