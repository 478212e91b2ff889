"""Opening a database file safely (docs/architecture.md §10).

Every check here only reads: a file that is refused keeps its bytes and its name. A read-only
file opens for viewing; a read-only folder is refused, because a WAL database must write its
``-wal`` and ``-shm`` files beside itself even to be read.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from db.errors import StoreUnavailable
from db.input_path import SQLITE_HEADER, input_problem
from db.store.failures import READ_FAILURES, RESTORE_HINT, open_failure, read_only_folder_message
from db.store.schema import check_identity
from db.store.writelock import execute_patiently

BUSY_TIMEOUT_MS = 5000
HEADER_BYTES = 100
_SCHEMA_HEADER = re.compile(r"^\*\*\* in database \w+ \*\*\*\s*")


def check_file(path: Path, *, new: bool = False) -> None:
    """Refuse, with a message an operator can act on, a file that is not a usable database.

    Reads only: the user's file is never modified, renamed or deleted here. An empty file is a
    database that lost its bytes (a full disk, a copy cut short), not a new one: only ``new``
    (``situation-room init``) may start a database in it. One that another program is creating
    (its ``-journal`` or ``-wal`` beside it) is left to SQLite, which waits for it.
    """
    if not path.exists():
        return
    problem = input_problem(path, "database file")
    if problem is not None:  # a FIFO must not be opened: reading it waits for ever
        raise StoreUnavailable(f"{path}: {problem}; open a database file")
    if not os.access(path, os.R_OK):
        raise StoreUnavailable(
            f"{path}: cannot be read (permissions): ask for read access, or open another file"
        )
    with path.open("rb") as fh:
        head = fh.read(HEADER_BYTES)
        size = os.fstat(fh.fileno()).st_size
    if len(head) == 0:
        if new or _being_created(path):
            return
        raise StoreUnavailable(
            f"{path}: the database is damaged: the file is empty (0 bytes); {RESTORE_HINT} "
            f"(or start a new database there with 'situation-room init {path}')"
        )
    if not head.startswith(SQLITE_HEADER):
        raise StoreUnavailable(
            f"{path}: is not a Situation Room database (not an SQLite file); {RESTORE_HINT}"
        )
    expected = _size_in_header(head)
    # With a -wal beside it the file may legitimately lag its header until the WAL is replayed.
    if expected is not None and size < expected and not wal_path(path).exists():
        raise StoreUnavailable(
            f"{path}: the database is damaged: the file is truncated ({size:,} of "
            f"{expected:,} bytes); {RESTORE_HINT}"
        )


def _size_in_header(head: bytes) -> int | None:
    """The file size the header promises, or None when the header cannot vouch for it."""
    if len(head) < HEADER_BYTES:
        return HEADER_BYTES
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count is only valid if "version-valid-for" matches the change counter.
    if pages == 0 or head[24:28] != head[92:96]:
        return None
    return page_size * pages


# Another program creating the file leaves it empty for a moment, between creating it and
# writing its first page: an empty file this young is waited for, not refused.
CREATING_GRACE_S = 2.0
CREATING_POLL_S = 0.02


def _being_created(path: Path) -> bool:
    """Whether another program is making ``path`` now: its journal or WAL is beside it, or the
    empty file is younger than the grace time and gains its first bytes within it."""
    deadline = time.monotonic() + CREATING_GRACE_S
    while True:
        if any(path.with_name(path.name + s).exists() for s in ("-journal", "-wal")):
            return True
        try:
            info = path.stat()
        except FileNotFoundError:
            return True  # gone again: whoever made it decides; the open creates it anew
        if info.st_size > 0:
            return True
        young = time.time() - info.st_mtime < CREATING_GRACE_S
        if not young or time.monotonic() > deadline:
            return False
        time.sleep(CREATING_POLL_S)


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def check_folder(path: Path) -> None:
    """Refuse a database whose folder cannot hold its ``-wal``/``-shm`` files."""
    folder = path.parent
    if not folder.exists():
        raise StoreUnavailable(f"{folder}: folder does not exist; choose another folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        if path.exists():
            raise StoreUnavailable(read_only_folder_message(path))
        raise StoreUnavailable(
            f"{path}: cannot be created: the folder {folder} is read-only; choose another folder"
        )


def opens_read_only(path: Path) -> bool:
    """True for an existing file we may read but not write: it opens for viewing only."""
    return path.exists() and not os.access(path, os.W_OK)


def connect(
    path: str | Path, *, readonly: bool = False, check: bool = True, new: bool = False
) -> sqlite3.Connection:
    """A connection with the pragmas every connection of ours uses.

    ``isolation_level=None``: we issue ``BEGIN IMMEDIATE`` ourselves, so a writer takes the
    write lock up front and waits (``busy_timeout``) instead of failing mid-transaction.
    The file is checked (identity, then ``quick_check``) before anything may write to it.
    ``check=False`` leaves ``quick_check`` (which reads the whole file: seconds for years of
    records) to the caller, who runs it soon after (the window: in a thread, with the backup
    taken on opening); a file a migration is about to write is checked here all the same.
    ``new``: an empty file may become the database (``check_file``).
    """
    path = Path(path)
    check_file(path, new=new)
    check_folder(path)
    try:
        if readonly:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as exc:
        raise open_failure(path, exc) from exc
    conn.text_factory = decode_text
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        try:
            check_identity(conn)  # before WAL: switching journal mode writes to the file
        except StoreUnavailable as exc:
            raise StoreUnavailable(f"{path}: {exc}") from None
        problem = quick_check(conn) if check or _will_migrate(conn) else "ok"
        if problem != "ok":
            raise StoreUnavailable(
                f"{path}: the database is damaged ({problem[:300]}); {RESTORE_HINT}"
            )
        if not readonly:
            execute_patiently(conn, "PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.row_factory = sqlite3.Row
    except StoreUnavailable:
        conn.close()
        raise
    except READ_FAILURES as exc:
        conn.close()
        raise open_failure(path, exc) from exc
    return conn


def _will_migrate(conn: sqlite3.Connection) -> bool:
    from db.store.schema import SCHEMA_VERSION, schema_version

    return schema_version(conn) < SCHEMA_VERSION


def decode_text(raw: bytes) -> str:
    """Text as stored, with any byte that is not UTF-8 shown as "�".

    quick_check does not look inside text: one damaged byte in a note (or in the text of a
    damaged schema that quick_check reports) must not make every read fail.
    """
    return raw.decode("utf-8", "replace")


def plain_rows(
    conn: sqlite3.Connection, sql: str, params: Sequence[object] | Mapping[str, object] = ()
) -> list[tuple[Any, ...]]:
    """All rows of ``sql`` as plain tuples, their text decoded by sqlite3 itself.

    For reads of tens of thousands of rows: ``decode_text``, the connection's text factory, is
    a Python call per text value (most of the time of such a read); here sqlite3 decodes in C.
    Text that is not UTF-8 makes that fail, and then the read is made again the tolerant way.
    """

    def fetch() -> list[tuple[Any, ...]]:
        cur = conn.cursor()
        cur.row_factory = None
        return cur.execute(sql, params).fetchall()

    tolerant = conn.text_factory
    conn.text_factory = str
    try:
        return fetch()
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
    finally:
        conn.text_factory = tolerant
    return fetch()


def quick_check(conn: sqlite3.Connection) -> str:
    """``ok``, or the first problems ``PRAGMA quick_check`` reports, on one line."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchmany(6)]
    if rows == ["ok"]:
        return "ok"
    return "; ".join(problem_lines(rows)[:3]) or "quick_check failed"


def problem_lines(rows: list[str]) -> list[str]:
    """One clean line per problem from ``quick_check``/``integrity_check`` rows."""
    lines = [line for r in rows for line in _SCHEMA_HEADER.sub("", r).splitlines()]
    return [" ".join(line.split()) for line in lines if line.strip()]
