"""Situation Room's Qt application and its command line (docs/architecture.md §2).

Importing it does nothing else: the start-up machinery (desktop/startup/) is applied by the
entry point, ``desktop.cli.main``.
"""
