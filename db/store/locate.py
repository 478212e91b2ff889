"""Where a database lives when the command line names none (docs/architecture.md §8).

The operational database sits in the user data folder; the template that each ``--demo`` copies
(db/demo.py) in the user cache folder. ``platformdirs`` is imported only when one of them is
asked for: a start on a named file (``--db``) needs neither, and the import costs milliseconds.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "situation-room"


def default_db_path() -> Path:
    """The operational database, opened when neither ``--db`` nor ``--demo`` is given."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "situation-room.db"


def demo_template_dir() -> Path:
    """Where the built exercise is kept, to be copied by each ``--demo`` (db/demo.py)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "demo"
