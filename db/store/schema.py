"""Tables and migrations.

The schema version is ``PRAGMA user_version``. Migrations only add; each runs in one
transaction together with the version bump, so a crash leaves the old or the new schema, never
half of one. A file whose version is newer than this app knows is refused, not "repaired".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from db.errors import StoreUnavailable

APPLICATION_ID = 0x53495452  # "SITR": tells our files from other SQLite files

RECORD_COLUMNS = """
    id TEXT PRIMARY KEY,
    entered_at TEXT NOT NULL,
    entered_by TEXT NOT NULL,
    station TEXT NOT NULL,
    supersedes TEXT
"""

RECORD_TABLES = ("sites", "observations", "events", "decrees", "milestones")


def _run(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the migration's transaction first; run statement by statement.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE sites ({RECORD_COLUMNS},
            name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL,
            lat REAL NOT NULL, lon REAL NOT NULL, approximate INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '');
        CREATE TABLE observations ({RECORD_COLUMNS},
            site_id TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL,
            direction TEXT NOT NULL, category TEXT NOT NULL, count INTEGER NOT NULL,
            nationality TEXT NOT NULL DEFAULT '', adults INTEGER, children INTEGER,
            unaccompanied INTEGER, source TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
            illustrative INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE events ({RECORD_COLUMNS},
            kind TEXT NOT NULL, title TEXT NOT NULL, occurred_at TEXT NOT NULL,
            lat REAL, lon REAL, people INTEGER, severity TEXT NOT NULL DEFAULT 'info',
            closed INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '', illustrative INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE decrees ({RECORD_COLUMNS},
            number TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', authority TEXT NOT NULL DEFAULT '',
            zone TEXT NOT NULL DEFAULT '', published_on TEXT, starts_on TEXT NOT NULL,
            days INTEGER NOT NULL, extends TEXT, tz TEXT NOT NULL DEFAULT 'America/Lima',
            source TEXT NOT NULL DEFAULT '');
        CREATE TABLE milestones ({RECORD_COLUMNS},
            title TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
            tz TEXT NOT NULL DEFAULT 'America/Lima', all_day INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '');
        CREATE TABLE voids (
            id TEXT PRIMARY KEY, record_id TEXT NOT NULL, record_kind TEXT NOT NULL,
            reason TEXT NOT NULL, entered_at TEXT NOT NULL, entered_by TEXT NOT NULL,
            station TEXT NOT NULL);
        CREATE INDEX voids_record ON voids(record_id);
        CREATE INDEX sites_supersedes ON sites(supersedes) WHERE supersedes IS NOT NULL;
        CREATE INDEX observations_supersedes ON observations(supersedes)
            WHERE supersedes IS NOT NULL;
        CREATE INDEX events_supersedes ON events(supersedes) WHERE supersedes IS NOT NULL;
        CREATE INDEX decrees_supersedes ON decrees(supersedes) WHERE supersedes IS NOT NULL;
        CREATE INDEX milestones_supersedes ON milestones(supersedes) WHERE supersedes IS NOT NULL;
        CREATE INDEX observations_time ON observations(period_start, site_id);
        CREATE INDEX observations_site_time ON observations(site_id, category, period_start);
        CREATE INDEX events_time ON events(occurred_at);
        """,
    )
    # The current picture: rows nothing supersedes and nothing voids.
    for table in RECORD_TABLES:
        conn.execute(
            f"""CREATE VIEW current_{table} AS SELECT t.* FROM {table} t
            WHERE NOT EXISTS (SELECT 1 FROM {table} s WHERE s.supersedes = t.id)
              AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.record_id = t.id)"""
        )


def _v2_overlays(conn: sqlite3.Connection) -> None:
    # Imported map layers (KML, KMZ, GeoJSON): read-only once stored. Removing one writes a
    # void (record_kind 'overlay'); its rows stay for the history.
    _run(
        conn,
        """
        CREATE TABLE overlays (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, source_file TEXT NOT NULL,
            imported_at TEXT NOT NULL, entered_by TEXT NOT NULL, station TEXT NOT NULL,
            feature_count INTEGER NOT NULL, skipped INTEGER NOT NULL DEFAULT 0,
            min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL,
            max_lat REAL NOT NULL);
        CREATE TABLE overlay_features (
            id TEXT PRIMARY KEY, overlay_id TEXT NOT NULL REFERENCES overlays(id),
            seq INTEGER NOT NULL, geometry_type TEXT NOT NULL, geometry TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '', properties TEXT NOT NULL DEFAULT '{}',
            style TEXT NOT NULL, folder TEXT NOT NULL DEFAULT '');
        CREATE INDEX overlay_features_overlay ON overlay_features(overlay_id, seq);
        CREATE VIEW current_overlays AS SELECT o.* FROM overlays o
            WHERE NOT EXISTS (SELECT 1 FROM voids v WHERE v.record_id = o.id)
        """,
    )


def _v3_sync(conn: sqlite3.Connection) -> None:
    """Field sync (db/sync/exchange.py): the bundles this database exported and imported.

    Local bookkeeping, never synced itself. An export row holds ``marks`` (the highest rowid
    sent per table) so the next ``--since LAST`` export sends only what came after; an import
    row holds the bundle file's SHA-256 so the same bundle imported twice is recognised.
    """
    _run(
        conn,
        """
        CREATE TABLE sync_log (
            id TEXT PRIMARY KEY,
            direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
            at TEXT NOT NULL, operator TEXT NOT NULL,
            station TEXT NOT NULL, station_name TEXT NOT NULL,
            bundle_id TEXT NOT NULL, sha256 TEXT NOT NULL,
            counts TEXT NOT NULL, added TEXT, marks TEXT,
            file TEXT NOT NULL DEFAULT '');
        CREATE INDEX sync_log_sha ON sync_log(direction, sha256);
        """,
    )


def _v4_fast_reads(conn: sqlite3.Connection) -> None:
    """What keeps years of records quick to read (docs/architecture.md §12); records untouched.

    Daily totals kept by triggers (db/flows/days.py): charts of years of counts read a
    few thousand rows instead of scanning millions. An index that holds every column the
    map reads, in its order (newest first): tens of thousands of markers without a table
    look-up or a sort.
    """
    from db.clock import POST_TZ_DEFAULT
    from db.flows.days import create

    row = conn.execute("SELECT value FROM meta WHERE key = 'timezone'").fetchone()
    create(conn, row[0] if row else POST_TZ_DEFAULT)
    conn.execute(
        "CREATE INDEX events_map ON events(occurred_at, id, closed, lat, lon, kind, people, "
        "severity)"
    )


def _v5_search(conn: sqlite3.Connection) -> None:
    """Full-text search of the records' words (db/store/search_index.py); records untouched.

    The records already stored are indexed here, in the migration's one transaction.
    """
    from db.store.search_index import V5_INDEXED, create

    create(conn, V5_INDEXED)


def _v7_milestone_outcome(conn: sqlite3.Connection) -> None:
    """A milestone's outcome (the run-off's result) and who reported it, fields of their own:
    entered as a correction, they are known only from the time they were reported
    (docs/architecture.md §4). The milestones' search index takes the two fields too."""
    _run(
        conn,
        """
        ALTER TABLE milestones ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
        ALTER TABLE milestones ADD COLUMN outcome_source TEXT NOT NULL DEFAULT ''
        """,
    )
    from db.store.search_index import reindex

    reindex(conn, "milestones")


def _v6_entered_at(conn: sqlite3.Connection) -> None:
    """An index on when each record (and void) was entered; records untouched.

    The as-of rule (docs/architecture.md §4) reads the plain current picture when nothing was
    entered after the clock's time: this answers that question with one index seek per table.
    """
    for table in (*RECORD_TABLES, "voids"):
        conn.execute(f"CREATE INDEX IF NOT EXISTS {table}_entered ON {table}(entered_at)")


def _v8_counted_by_end(conn: sqlite3.Connection) -> None:
    """The daily totals key a flow by the day its period ends (docs/architecture.md §4): the
    triggers are replaced and every day recounted. Records untouched."""
    from db.clock import POST_TZ_DEFAULT
    from db.flows.days import recreate

    row = conn.execute("SELECT value FROM meta WHERE key = 'timezone'").fetchone()
    recreate(conn, row[0] if row else POST_TZ_DEFAULT)


# Each migration is appended; its position + 1 is the schema version it produces.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,
    _v2_overlays,
    _v3_sync,
    _v4_fast_reads,
    _v5_search,
    _v6_entered_at,
    _v7_milestone_outcome,
    _v8_counted_by_end,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def check_identity(conn: sqlite3.Connection) -> int:
    """Refuse a foreign or newer database before anything writes to it; returns its version."""
    # One read transaction: read separately, the version and the tables could come from either
    # side of another program's first migration and look like a foreign database.
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        return _identity(conn)
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")


def _identity(conn: sqlite3.Connection) -> int:
    found = schema_version(conn)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if found < 0:  # a damaged header: no version of the app ever wrote this
        raise StoreUnavailable(
            f"the database is damaged (schema version {found}); open another file or "
            "restore a backup"
        )
    if found > SCHEMA_VERSION:
        raise StoreUnavailable(
            f"this database was written by a newer version of Situation Room "
            f"(schema {found}, this app knows {SCHEMA_VERSION}): update the app to open it, "
            "or open another file"
        )
    if found == 0:
        has_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).fetchone()[0]
        if has_tables:
            raise StoreUnavailable(
                "this is an SQLite database of another program, not a Situation Room "
                "database: open another file"
            )
    elif app_id != APPLICATION_ID:
        raise StoreUnavailable(
            "this is an SQLite database of another program, not a Situation Room database: "
            "open another file"
        )
    return found


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` to ``SCHEMA_VERSION``; returns the version it found."""
    found = check_identity(conn)
    for version in range(found, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) > version:
                # Another process migrated while we waited for the write lock.
                conn.execute("COMMIT")
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found
