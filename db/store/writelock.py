"""Taking the database's write lock without letting "database is locked" reach anyone.

SQLite allows one writer at a time. ``busy_timeout`` makes ``BEGIN IMMEDIATE`` wait for the
lock, but some busy answers skip that wait (a WAL being recovered after a crash, a lock taken
in the same instant), and several GUIs plus a CLI import can queue for longer than one busy wait.
So a writer retries, with jittered backoff so queued writers do not wake in step, for at most
``WRITE_WAIT_S`` in all, and then raises ``StoreBusy`` naming the file: nothing was written.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from db.store.failures import is_busy, write_failure

WRITE_WAIT_S = 15.0
BACKOFF_FIRST_S = 0.005
BACKOFF_MAX_S = 0.25


def begin_write(conn: sqlite3.Connection, path: Path, wait_s: float | None = None) -> None:
    """``BEGIN IMMEDIATE`` on ``conn``, waiting at most ``wait_s`` (default ``WRITE_WAIT_S``)."""
    wait_s = WRITE_WAIT_S if wait_s is None else wait_s
    try:
        execute_patiently(conn, "BEGIN IMMEDIATE", wait_s)
    except sqlite3.OperationalError as exc:
        failure = write_failure(path, exc, wait_s)
        if failure is None:
            raise
        raise failure from exc


def execute_patiently(
    conn: sqlite3.Connection, statement: str, wait_s: float | None = None
) -> None:
    """Execute ``statement``, retrying while another connection holds a lock it needs.

    Besides waits, this covers the busy answers SQLite gives at once to avoid a deadlock (two
    connections upgrading their read locks together, as when two programs create one new file).
    After ``wait_s`` the last ``sqlite3.OperationalError`` is raised for the caller to explain.
    """
    wait_s = WRITE_WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + wait_s
    busy_ms = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    backoff_s = BACKOFF_FIRST_S
    shortened = False
    try:
        while True:
            # SQLite's own busy wait must not carry an attempt past our deadline.
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms < busy_ms:
                conn.execute(f"PRAGMA busy_timeout = {max(1, remaining_ms)}")
                shortened = True
            try:
                conn.execute(statement)
                return
            except sqlite3.OperationalError as exc:
                remaining_s = deadline - time.monotonic()
                if not is_busy(exc) or remaining_s <= 0:
                    raise
            # Full jitter (a sleep anywhere up to the backoff) spreads writers that failed together.
            time.sleep(min(remaining_s, random.uniform(0, backoff_s)))
            backoff_s = min(backoff_s * 2, BACKOFF_MAX_S)
    finally:
        if shortened:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
