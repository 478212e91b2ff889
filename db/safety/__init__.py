"""Backups, restore and the database check."""
