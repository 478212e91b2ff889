"""The real time of entries made under an exercise clock: the audit keeps the truth.

While the app runs on an exercise clock, a new record's report time (``entered_at``) is the
exercise clock's time, so what trainees enter appears at once and replays in order
(docs/architecture.md §4, the as-of rule). The real time at which it was typed stays here, in a
side table written in the same transaction as the record, and the history view shows it.

The table is local to the database (sync bundles carry records, not this audit) and is created
on the first such entry, so databases never used for an exercise carry none of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from db.clock import parse_instant

TABLE = "entry_real_times"


def remember(conn: sqlite3.Connection, ids: Iterable[str], real_at: str) -> None:
    """Note ``real_at`` (stored form, UTC) as the real entry time of records ``ids``; call it
    inside the write transaction that stores them."""
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        "(record_id TEXT PRIMARY KEY, real_entered_at TEXT NOT NULL)"
    )
    conn.executemany(
        f"INSERT OR IGNORE INTO {TABLE}(record_id, real_entered_at) VALUES(?, ?)",
        [(rid, real_at) for rid in ids],
    )


def real_times(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, datetime]:
    """Record id → the real time it was entered, for those entered under an exercise clock."""
    ids = list(ids)
    if not ids or not _exists(conn):
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT record_id, real_entered_at FROM {TABLE} WHERE record_id IN ({marks})", ids
    )
    return {rid: parse_instant(at) for rid, at in rows}


def typed_order(conn: sqlite3.Connection, alias: str) -> tuple[str, str]:
    """(a JOIN clause, an ORDER BY expression) that order rows of ``alias`` by when they were
    typed: the real time where one is kept, else ``entered_at``. ``alias`` is fixed SQL text
    written by the caller, never user input."""
    if not _exists(conn):
        return "", f"{alias}.entered_at"
    join = f"LEFT JOIN {TABLE} typed ON typed.record_id = {alias}.id"
    return join, f"coalesce(typed.real_entered_at, {alias}.entered_at)"


def _exists(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    return found is not None
