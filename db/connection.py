"""Opening a database file safely (DESIGN.md §10)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from db.errors import StoreUnavailable
from db.schema import check_identity

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


def check_file(path: Path) -> None:
    """Refuse, with a message an operator can act on, a file that is not a usable database.

    Reads only: the user's file is never modified, renamed or deleted here.
    """
    if path.is_dir():
        raise StoreUnavailable(f"{path}: is a folder, not a database file")
    if not path.exists():
        return
    if not os.access(path, os.R_OK):
        raise StoreUnavailable(f"{path}: cannot be read (permissions)")
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) == 0:
        return  # an empty file is a new database
    if not head.startswith(SQLITE_HEADER):
        raise StoreUnavailable(
            f"{path}: is not a Situation Room database (not an SQLite file); "
            "open another file or restore a backup"
        )
    if len(head) < 100:
        raise StoreUnavailable(f"{path}: the file is truncated; restore a backup")


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the pragmas every connection of ours uses.

    ``isolation_level=None``: we issue ``BEGIN IMMEDIATE`` ourselves, so a writer takes the
    write lock up front and waits (``busy_timeout``) instead of failing mid-transaction.
    """
    path = Path(path)
    check_file(path)
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
    else:
        if not path.parent.exists():
            raise StoreUnavailable(f"{path.parent}: folder does not exist")
        conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        try:
            check_identity(conn)  # before WAL: switching journal mode writes to the file
        except StoreUnavailable as exc:
            raise StoreUnavailable(f"{path}: {exc}") from None
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.row_factory = sqlite3.Row
    except StoreUnavailable:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreUnavailable(
            f"{path}: cannot be opened as a database ({exc}); open another file or restore a backup"
        ) from exc
    return conn


def quick_check(conn: sqlite3.Connection) -> str:
    """``ok`` or the first problem ``PRAGMA quick_check`` reports."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "ok" if rows and rows[0][0] == "ok" else "; ".join(str(r[0]) for r in rows[:5])
