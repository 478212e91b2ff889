"""What an SQLite error means for the operator, in words they can act on.

SQLite's own messages ("database is locked", "database or disk is full") name neither the file
nor what to do next. Every path that opens or writes the database passes its ``sqlite3`` errors
through here, so the same cause always reads the same way, and by its error code rather than by
matching message text.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.errors import (
    SituationRoomError,
    StoreBusy,
    StoreFull,
    StoreReadOnly,
    StoreUnavailable,
)

RESTORE_HINT = "open another file or restore a backup"
# What reading a damaged file can raise: SQLite's errors, and Python failing to decode the text
# of an error message that quotes damaged bytes (no text_factory reaches that).
READ_FAILURES = (sqlite3.Error, UnicodeDecodeError)


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    """True when another connection holds the lock we need (worth waiting and retrying)."""
    return _primary_code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def busy_message(path: Path, waited_s: float) -> str:
    return (
        f"{path}: another program is holding the database (waited {waited_s:g} s): "
        "the entry was not saved; try again in a moment, and if it keeps happening close other "
        "Situation Room windows or imports using this file"
    )


def write_failure(path: Path, exc: sqlite3.Error, waited_s: float) -> SituationRoomError | None:
    """The operator's error for a failed write, or None if it is a programming error."""
    code = _primary_code(exc)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreBusy(busy_message(path, waited_s))
    if code == sqlite3.SQLITE_FULL:
        return StoreFull(
            f"{path}: the disk is full: the entry was not saved; free some space on the disk "
            "and enter it again"
        )
    if code == sqlite3.SQLITE_READONLY:
        return StoreReadOnly(
            f"{path}: the database cannot be written (read-only): the entry was not saved; "
            "open a writable copy to make entries"
        )
    if code == sqlite3.SQLITE_IOERR:
        return StoreUnavailable(
            f"{path}: the disk failed while saving ({exc}): the entry was not saved; check the "
            f"disk, then {RESTORE_HINT} if the database is damaged"
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return StoreUnavailable(f"{path}: the database is damaged ({exc}); {RESTORE_HINT}")
    return None


def open_failure(path: Path, exc: sqlite3.Error | UnicodeDecodeError) -> SituationRoomError:
    """The operator's error for a database that could not be opened."""
    if isinstance(exc, UnicodeDecodeError):
        return StoreUnavailable(
            f"{path}: the database is damaged (unreadable text); {RESTORE_HINT}"
        )
    code = _primary_code(exc)
    full_code = getattr(exc, "sqlite_errorcode", None)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreBusy(
            f"{path}: another program keeps this database locked: close it or wait for it to "
            "finish, then open the file again"
        )
    if full_code == sqlite3.SQLITE_READONLY_DIRECTORY:
        return StoreUnavailable(read_only_folder_message(path))
    if code == sqlite3.SQLITE_CANTOPEN:
        return StoreUnavailable(
            f"{path}: cannot be opened (check that the file and its folder may be read and "
            f"written); {RESTORE_HINT}"
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return StoreUnavailable(f"{path}: the database is damaged ({exc}); {RESTORE_HINT}")
    if code == sqlite3.SQLITE_FULL:
        return StoreFull(
            f"{path}: the disk is full, so the database cannot be opened: free some space on "
            "the disk and open it again"
        )
    return StoreUnavailable(f"{path}: cannot be opened as a database ({exc}); {RESTORE_HINT}")


def read_only_folder_message(path: Path) -> str:
    return (
        f"{path}: its folder {path.parent} is read-only, and the database needs to write its "
        f"journal ({path.name}-wal) beside it: copy the file to a writable folder and open the "
        "copy, or open another file"
    )
