"""The words of the records, indexed for full-text search (db/store/search.py asks it).

One FTS5 table per kind of record, ``<table>_fts``, made by sqlite-utils' ``enable_fts`` with
its triggers: the index holds only tokens (the text stays in the records, "external content"),
and SQLite's own triggers index each new row whoever writes it: this app, a sync bundle,
another process, the sqlite3 shell. Records are only ever appended (docs/architecture.md §3),
so of those triggers only the one on insert ever fires; nothing the triggers do rewrites a
record. Bulk inserts keep the trigger too: taking it out for a batch and putting it back (DDL,
as the daily totals do) made concurrent single-row writers in other processes fail with "no
such table: observations" when they re-read the changed schema (reproduced with three writer
processes; tests/db/test_safety_concurrency.py), for 0.3-0.6 s per 100,000 rows saved. The tokenizer folds case and accents (``unicode61 remove_diacritics 2``): "Tacna",
"TACNA" and "tácna" are one word to it.

The index is keyed by the records' rowids, as the daily totals are (db/flows/days.py): a
``VACUUM`` may renumber the rows of a table without an integer key, so nothing here runs one,
and ``rebuild`` puts an index right from the records if ever it is needed.
"""

from __future__ import annotations

import sqlite3

TOKENIZE = "unicode61 remove_diacritics 2"

# What an operator looks for in each kind of record, the column that names the record first.
INDEXED: dict[str, tuple[str, ...]] = {
    "events": ("title", "note", "source"),
    "sites": ("name", "note", "source"),
    "observations": ("note", "source"),
    "decrees": ("number", "title", "zone", "source"),
    "milestones": ("title", "note", "source"),
}


def fts_table(table: str) -> str:
    """The index of ``table`` (a name from ``INDEXED``, never user input)."""
    if table not in INDEXED:
        raise ValueError(f"no search index for {table}")
    return f"{table}_fts"


def create(conn: sqlite3.Connection) -> None:
    """Make every index and its triggers, and index the records already stored.

    Runs inside the caller's transaction (a migration): sqlite-utils runs its statements one
    by one when a transaction is open, so nothing commits half-way.
    """
    from sqlite_utils import Database

    # Neither plugins nor recursive triggers: this connection goes on being the store's.
    db = Database(conn, recursive_triggers=False, execute_plugins=False)
    for table, columns in INDEXED.items():
        db.table(table).enable_fts(list(columns), create_triggers=True, tokenize=TOKENIZE)


def rebuild(conn: sqlite3.Connection, table: str) -> None:
    """Index ``table`` again from its records (FTS5's own ``rebuild`` of external content)."""
    name = fts_table(table)
    conn.execute(f"INSERT INTO {name}({name}) VALUES('rebuild')")
