"""The files that belong to a database besides itself: SQLite's side files and its backups.

Backups (``db.safety.backup``) are written into the folder named here, and the rule for files
the app writes (``db.safety.output``) keeps every other writer out of it and off the side files.
"""

from __future__ import annotations

from pathlib import Path

SIDE_FILES = ("-wal", "-shm", "-journal")  # what SQLite keeps beside a database
BACKUP_FOLDER = "backups"


def backup_folder(db_path: Path) -> Path:
    """Where backups of ``db_path`` go by default: ``backups/`` beside the database."""
    return Path(db_path).parent / BACKUP_FOLDER
