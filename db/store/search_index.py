"""The words of the records, indexed for full-text search (db/store/search.py asks it).

One FTS5 table per kind of record, ``<table>_fts``, made by sqlite-utils' ``enable_fts`` with
its triggers: the index holds only tokens (the text stays in the records, "external content"),
and SQLite's own triggers index each new row whoever writes it: this app, a sync bundle,
another process, the sqlite3 shell. Records are only ever appended (docs/architecture.md §3),
so of those triggers only the one on insert ever fires; nothing the triggers do rewrites a
record.

Counts are the exception: the store indexes them itself, in the transaction that stores them
(``index_new``). A batch of counts joins the daily totals with their row trigger taken out and
put back (db/flows/days.py); with an FTS trigger on the same table, that schema change made
concurrent single-count writers in other processes fail with "no such table: observations"
on SQLite 3.40 (reproduced with three writer processes; tests/db/test_safety_concurrency.py).
Every count is stored through ``Store`` (forms, CSV, bundles), so nothing is missed. The tokenizer folds case and accents (``unicode61 remove_diacritics 2``): "Tacna",
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
    "milestones": ("title", "note", "source", "outcome", "outcome_source"),
}

# What the schema version 5 migration indexes: the milestones' index is made by version 6's,
# with their outcome, so a new database never drops one (a database an older app brought to
# version 5 has it over three columns: version 6 makes it again).
V5_INDEXED: dict[str, tuple[str, ...]] = {t: c for t, c in INDEXED.items() if t != "milestones"}

# Indexed by the store in the writing transaction, not by a trigger (see above).
INDEXED_BY_STORE = frozenset({"observations"})


def fts_table(table: str) -> str:
    """The index of ``table`` (a name from ``INDEXED``, never user input)."""
    if table not in INDEXED:
        raise ValueError(f"no search index for {table}")
    return f"{table}_fts"


def create(conn: sqlite3.Connection, indexed: dict[str, tuple[str, ...]] = INDEXED) -> None:
    """Make every index and its triggers, and index the records already stored.

    Runs inside the caller's transaction (a migration): sqlite-utils runs its statements one
    by one when a transaction is open, so nothing commits half-way.
    """
    from sqlite_utils import Database

    # Neither plugins nor recursive triggers: this connection goes on being the store's.
    db = Database(conn, recursive_triggers=False, execute_plugins=False)
    for table, columns in indexed.items():
        triggers = table not in INDEXED_BY_STORE
        db.table(table).enable_fts(list(columns), create_triggers=triggers, tokenize=TOKENIZE)


def reindex(conn: sqlite3.Connection, table: str) -> None:
    """Make ``table``'s index (again, if it has one) over the columns ``INDEXED`` names now (a
    migration that adds a searchable column), in the caller's transaction."""
    from sqlite_utils import Database

    db = Database(conn, recursive_triggers=False, execute_plugins=False)
    if db.table(table).detect_fts():
        db.table(table).disable_fts()
    db.table(table).enable_fts(
        list(INDEXED[table]),
        create_triggers=table not in INDEXED_BY_STORE,
        tokenize=TOKENIZE,
    )


def index_new(conn: sqlite3.Connection, table: str, after_rowid: int) -> None:
    """Index the rows of ``table`` stored after ``after_rowid`` (in the caller's write
    transaction), for the tables the store indexes itself; rows with no words are skipped."""
    if table not in INDEXED_BY_STORE:
        return
    columns = INDEXED[table]
    words = " OR ".join(f"coalesce({c}, '') <> ''" for c in columns)
    listed = ", ".join(columns)
    conn.execute(
        f"INSERT INTO {fts_table(table)}(rowid, {listed}) SELECT rowid, {listed} FROM {table} "
        f"WHERE rowid > ? AND ({words})",
        (after_rowid,),
    )


def rebuild(conn: sqlite3.Connection, table: str) -> None:
    """Index ``table`` again from its records (FTS5's own ``rebuild`` of external content)."""
    name = fts_table(table)
    conn.execute(f"INSERT INTO {name}({name}) VALUES('rebuild')")
