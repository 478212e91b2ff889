"""SQLite files the user hands us (an MBTiles basemap), read under a time limit.

Such a file carries its own schema: a ``tiles`` view may recurse without end, and a query on
it would then never return, freezing whatever waits for it (the window, for good). Every
statement on a connection from ``open_user_file`` is stopped once it has run ``QUERY_LIMIT_S``
(SQLite's progress handler, checked every few thousand steps) and raises ``QueryTooSlow``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

QUERY_LIMIT_S = 5.0  # a sound file answers any of our queries in milliseconds
_STEPS = 10_000  # SQLite VM steps between two looks at the clock (about a millisecond)


class QueryTooSlow(sqlite3.OperationalError):
    """A query on a user's file ran past ``QUERY_LIMIT_S`` and was stopped."""


class _LimitedConnection(sqlite3.Connection):
    """A connection whose every ``execute`` starts a fresh deadline (fetching included)."""

    deadline = 0.0

    def execute(  # type: ignore[override]
        self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = (), /
    ) -> sqlite3.Cursor:
        self.deadline = time.monotonic() + QUERY_LIMIT_S
        try:
            return super().execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            raise _too_slow(exc) from None


def _too_slow(exc: sqlite3.OperationalError) -> sqlite3.OperationalError:
    return QueryTooSlow(too_slow_text()) if was_stopped(exc) else exc


def was_stopped(exc: BaseException) -> bool:
    """True for the error of a query stopped by the time limit (raised while fetching, too)."""
    return isinstance(exc, QueryTooSlow) or (
        isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc)
    )


def too_slow_text() -> str:
    return (
        f"a query on this file ran longer than {QUERY_LIMIT_S:g} s and was stopped "
        "(its tables or views may loop)"
    )


def open_user_file(path: Path) -> sqlite3.Connection:
    """A read-only connection to the user's SQLite file at ``path``, every query time-limited."""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, factory=_LimitedConnection
    )
    limited: _LimitedConnection = conn
    conn.set_progress_handler(lambda: int(time.monotonic() > limited.deadline), _STEPS)
    return conn
