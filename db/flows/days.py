"""Daily totals of the counts, kept current by SQLite itself, so years of counts read in a blink.

``observation_days`` holds one row per category, post-local day, site and direction: the sum
and number of the *current* counts (nothing supersedes or voids them), whether any is
illustrative, the latest period end, and the latest reading (for stocks: the day's last count).
``observation_days_all`` adds the sites up (a chart of all crossings reads a tenth of the rows).
They are derived data, never records: triggers keep it right on every insert of a count, a
correction (the version it replaces leaves its day) and a voiding, whatever the order in which
rows arrive (sync bundles are order-free). Nothing in it is ever needed to rebuild the records;
``rebuild`` recomputes it from them.

A count's day is the day it is counted on (docs/architecture.md §4): a flow's is the post-local
day its period *ends* in (a period ending exactly at midnight belongs to the day it closes), a
stock reading's the day it was taken. So a day's total is exactly the flows counted in
[its midnight, the next), as ``db.flows.counted`` counts any window.

The day is the local date in the post's zone (``meta.timezone``), computed in SQL from
``post_zone_offsets`` (the zone's UTC offset from each transition on), so any connection that
writes (another process, the sqlite3 shell) keeps the table right without Python. The zone the
table is built for is ``meta.observation_days_tz`` (``serves``). The questions asked of the
totals are in db/flows/totals.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from db.clock import to_iso, zone

TZ_META_KEY = "observation_days_tz"
ZONE_YEARS = (1970, 2100)  # transitions looked up in this span; before it, the 1970 offset

CURRENT_ROW = (
    "NOT EXISTS (SELECT 1 FROM observations s WHERE s.supersedes = {o}.id) "
    "AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.record_id = {o}.id)"
)
_COLUMNS = (
    "category, day, site_id, direction, total, records, illustrative, last_end, "
    "latest_start, latest_rowid, latest_count"
)
_ALL_COLUMNS = "category, day, direction, total, records, illustrative, last_end"


def _day(instant: str) -> str:
    """SQL for the post-local date of the UTC ISO instant ``instant`` (an SQL expression)."""
    return (
        f"date({instant}, (SELECT z.offset_s FROM post_zone_offsets z WHERE z.since <= {instant} "
        "ORDER BY z.since DESC LIMIT 1) || ' seconds')"
    )


def count_day(o: str) -> str:
    """SQL for the post-local day row ``o`` is counted on (docs/architecture.md §4): a flow's
    period end less a second (a period ending at midnight closes the day before), a stock's
    reading time (its end is its start, which the ``max`` keeps)."""
    # The local time of the end, less a second: the offset in force just before the end
    # (``since <`` it: times are whole seconds). No strftime per row: imports pay for this.
    flow = (
        f"date({o}.period_end, (SELECT z.offset_s FROM post_zone_offsets z "
        f"WHERE z.since < {o}.period_end ORDER BY z.since DESC LIMIT 1) || ' seconds', "
        "'-1 second')"
    )
    return (
        f"CASE WHEN {o}.period_end > {o}.period_start THEN {flow} "
        f"ELSE {_day(o + '.period_start')} END"
    )


def _bucket(o: str, key: str) -> str:
    """SQL: row ``o`` is a current count of the bucket ``key`` (NEW in a trigger)."""
    # A flow ending on the day started at most the longest period before it: the bound keeps
    # the look-up on the (site, category, period_start) index.
    return (
        f"{o}.site_id = {key}.site_id AND {o}.category = {key}.category "
        f"AND {o}.direction = {key}.direction "
        f"AND {o}.period_start >= strftime('%Y-%m-%dT%H:%M:%SZ', {key}.day, "
        "printf('-%.6f days', 1 + (SELECT coalesce(max(longest_days), 0) "
        "FROM observation_periods))) "
        f"AND {o}.period_start < strftime('%Y-%m-%dT%H:%M:%SZ', {key}.day, '+2 days') "
        f"AND {count_day(o)} = {key}.day AND {CURRENT_ROW.format(o=o)}"
    )


_LATER = "(excluded.latest_start, excluded.latest_rowid) > (latest_start, latest_rowid)"
# Adding counts to a day: the sums grow, the latest reading is the later of the two.
_ADD = f"""ON CONFLICT (category, day, site_id, direction) DO UPDATE SET
            total = total + excluded.total,
            records = records + excluded.records,
            illustrative = max(illustrative, excluded.illustrative),
            last_end = max(last_end, excluded.last_end),
            latest_start = CASE WHEN {_LATER} THEN excluded.latest_start ELSE latest_start END,
            latest_rowid = CASE WHEN {_LATER} THEN excluded.latest_rowid ELSE latest_rowid END,
            latest_count = CASE WHEN {_LATER} THEN excluded.latest_count ELSE latest_count END"""
_ADD_ALL = """ON CONFLICT (category, day, direction) DO UPDATE SET
            total = total + excluded.total,
            records = records + excluded.records,
            illustrative = max(illustrative, excluded.illustrative),
            last_end = max(last_end, excluded.last_end)"""
# The trigger on a new count (one trigger, so a batch pays one skipped trigger per row): a
# correction adds the new version before its day is recounted without the old one.
_ADD_NEW = (
    f"INSERT INTO observation_days ({_COLUMNS}) "
    f"SELECT NEW.category, {count_day('NEW')}, NEW.site_id, NEW.direction, NEW.count, "
    "1, NEW.illustrative, NEW.period_end, NEW.period_start, NEW.rowid, NEW.count "
    "WHERE {where} " + _ADD.replace("{", "{{").replace("}", "}}")
)
_ADD_NEW_ALL = (
    f"INSERT INTO observation_days_all ({_ALL_COLUMNS}) "
    f"SELECT NEW.category, {count_day('NEW')}, NEW.direction, NEW.count, 1, "
    "NEW.illustrative, NEW.period_end WHERE {where} " + _ADD_ALL
)

SCHEMA = f"""
CREATE TABLE post_zone_offsets (since TEXT PRIMARY KEY, offset_s INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE observation_days (
    category TEXT NOT NULL, day TEXT NOT NULL, site_id TEXT NOT NULL, direction TEXT NOT NULL,
    total INTEGER NOT NULL, records INTEGER NOT NULL, illustrative INTEGER NOT NULL,
    last_end TEXT NOT NULL, latest_start TEXT NOT NULL, latest_rowid INTEGER NOT NULL,
    latest_count INTEGER NOT NULL,
    PRIMARY KEY (category, day, site_id, direction)) WITHOUT ROWID;
CREATE INDEX observation_days_site ON observation_days(site_id, category, day);
CREATE TABLE observation_days_all (
    category TEXT NOT NULL, day TEXT NOT NULL, direction TEXT NOT NULL,
    total INTEGER NOT NULL, records INTEGER NOT NULL, illustrative INTEGER NOT NULL,
    last_end TEXT NOT NULL,
    PRIMARY KEY (category, day, direction)) WITHOUT ROWID;
CREATE TABLE observation_operators (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE observation_periods (longest_days REAL NOT NULL);
CREATE VIEW observation_days_recount AS
    SELECT day, site_id, category, direction FROM observation_days WHERE 0;
CREATE TRIGGER observation_days_recount_bucket INSTEAD OF INSERT ON observation_days_recount
BEGIN
    DELETE FROM observation_days WHERE day = NEW.day AND site_id = NEW.site_id
        AND category = NEW.category AND direction = NEW.direction;
    INSERT INTO observation_days ({_COLUMNS})
        SELECT NEW.category, NEW.day, NEW.site_id, NEW.direction, sum(o.count), count(*),
            max(o.illustrative), max(o.period_end), '', 0, 0
        FROM observations o WHERE {_bucket("o", "NEW")} GROUP BY o.site_id;
    UPDATE observation_days SET (latest_start, latest_rowid, latest_count) = (
            SELECT o.period_start, o.rowid, o.count FROM observations o
            WHERE {_bucket("o", "NEW")} ORDER BY o.period_start DESC, o.rowid DESC LIMIT 1)
        WHERE day = NEW.day AND site_id = NEW.site_id AND category = NEW.category
            AND direction = NEW.direction;
    DELETE FROM observation_days_all
        WHERE category = NEW.category AND day = NEW.day AND direction = NEW.direction;
    INSERT INTO observation_days_all ({_ALL_COLUMNS})
        SELECT category, day, direction, sum(total), sum(records), max(illustrative),
            max(last_end)
        FROM observation_days
        WHERE category = NEW.category AND day = NEW.day AND direction = NEW.direction
        GROUP BY category;
END;
CREATE TRIGGER observation_days_insert AFTER INSERT ON observations
BEGIN
    UPDATE observation_periods
        SET longest_days = julianday(NEW.period_end) - julianday(NEW.period_start)
        WHERE julianday(NEW.period_end) - julianday(NEW.period_start) > longest_days;
    {_ADD_NEW.format(where=CURRENT_ROW.format(o="NEW"))};
    {_ADD_NEW_ALL.format(where=CURRENT_ROW.format(o="NEW"))};
    INSERT INTO observation_days_recount (day, site_id, category, direction)
        SELECT {count_day("o")}, o.site_id, o.category, o.direction
        FROM observations o WHERE o.id = NEW.supersedes;
    INSERT INTO observation_operators (name) VALUES (NEW.entered_by) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER observation_days_void AFTER INSERT ON voids
BEGIN
    INSERT INTO observation_days_recount (day, site_id, category, direction)
        SELECT {count_day("o")}, o.site_id, o.category, o.direction
        FROM observations o WHERE o.id = NEW.record_id;
END
"""


ROW_TRIGGER = "observation_days_insert"


@contextmanager
def bulk(conn: sqlite3.Connection) -> Iterator[None]:
    """Counts inserted inside (in the caller's write transaction) join the totals in one pass
    at the end, as the row trigger would have added them one by one.

    The row trigger is taken out for the batch and put back before the transaction ends (DDL
    is transactional in SQLite, and the write lock keeps every other writer out meanwhile):
    even skipped, a trigger costs each row of a 100,000-row import more than the pass does.
    """
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (ROW_TRIGGER,)
    ).fetchone()
    before = conn.execute("SELECT coalesce(max(rowid), 0) FROM observations").fetchone()[0]
    if found is not None:
        conn.execute(f"DROP TRIGGER {ROW_TRIGGER}")
    yield
    if found is not None:
        conn.execute(found[0])
    _add_counts_after(conn, before)


def _add_counts_after(conn: sqlite3.Connection, rowid: int) -> None:
    """What the row triggers do, for every count stored after ``rowid`` (rows are only ever
    appended, so those are the batch), set-based."""
    new = f"o.rowid > :rowid AND {CURRENT_ROW.format(o='o')}"
    # One pass over the batch, grouped by day (a scratch table of this connection: temp,
    # never in the file; emptied after use). Each day's latest reading rides in one max():
    # "start|rowid|count", rowid zero-padded, so text order is (start, rowid) order.
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS observation_days_batch (category, day, site_id, "
        "direction, total, records, illustrative, last_end, latest)"
    )
    conn.execute(
        f"""INSERT INTO temp.observation_days_batch
        SELECT o.category, {count_day("o")}, o.site_id, o.direction, sum(o.count),
            count(*), max(o.illustrative), max(o.period_end),
            max(o.period_start || '|' || printf('%020d', o.rowid) || '|' || o.count)
        FROM observations o WHERE {new}
        GROUP BY 1, 2, 3, 4""",
        {"rowid": rowid},
    )
    # Sums grow; the latest reading is the later of the one held and the batch's.
    conn.execute(
        f"""INSERT INTO observation_days ({_COLUMNS})
        SELECT category, day, site_id, direction, total, records, illustrative, last_end,
            substr(latest, 1, instr(latest, '|') - 1),
            CAST(substr(latest, instr(latest, '|') + 1, 20) AS INTEGER),
            CAST(substr(latest, instr(latest, '|') + 22) AS INTEGER)
        FROM temp.observation_days_batch WHERE true {_ADD}"""
    )
    conn.execute(
        f"""INSERT INTO observation_days_all ({_ALL_COLUMNS})
        SELECT category, day, direction, sum(total), sum(records), max(illustrative),
            max(last_end)
        FROM temp.observation_days_batch WHERE true GROUP BY category, day, direction
        {_ADD_ALL}"""
    )
    conn.execute("DELETE FROM temp.observation_days_batch")
    # First: a recount looks back by the longest period, the batch's included.
    conn.execute(
        """UPDATE observation_periods SET longest_days = max(longest_days, coalesce((
            SELECT max(julianday(period_end) - julianday(period_start)) FROM observations
            WHERE rowid > ?), 0))""",
        (rowid,),
    )
    # The versions these rows correct leave their days (in whatever order rows arrived).
    conn.execute(
        f"""INSERT INTO observation_days_recount (day, site_id, category, direction)
        SELECT DISTINCT {count_day("o")}, o.site_id, o.category, o.direction
        FROM observations o WHERE o.id IN (
            SELECT supersedes FROM observations WHERE rowid > ? AND supersedes IS NOT NULL)""",
        (rowid,),
    )
    conn.execute(
        "INSERT INTO observation_operators (name) SELECT DISTINCT entered_by FROM observations "
        "WHERE rowid > ? ON CONFLICT DO NOTHING",
        (rowid,),
    )


def create(conn: sqlite3.Connection, tz: str) -> None:
    """Add the tables and triggers and fill them from the records (a migration step)."""
    for statement in _statements(SCHEMA):
        conn.execute(statement)
    conn.execute("INSERT INTO observation_operators SELECT DISTINCT entered_by FROM observations")
    conn.execute(
        "INSERT INTO observation_periods SELECT coalesce(max(julianday(period_end) "
        "- julianday(period_start)), 0) FROM observations"
    )
    rebuild(conn, tz)


def recreate(conn: sqlite3.Connection, tz: str) -> None:
    """Put this module's triggers in place of a file's older ones and recount every day (a
    migration step: the rule of which day a count belongs to changed)."""
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') "
        "AND name LIKE 'observation_days%'"
    ).fetchall():
        conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    for statement in _statements(SCHEMA):
        if statement.lstrip().startswith(("CREATE TRIGGER", "CREATE VIEW")):
            conn.execute(statement)
    rebuild(conn, tz)


def _statements(script: str) -> Iterable[str]:
    # Split on the ";" that end statements, not those inside a trigger's body.
    buffer = ""
    for part in script.split(";"):
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                yield buffer
            buffer = ""


def rebuild(conn: sqlite3.Connection, tz: str) -> None:
    """Recompute every day in zone ``tz`` from the current records (inside the caller's write)."""
    conn.execute("DELETE FROM post_zone_offsets")
    conn.executemany("INSERT INTO post_zone_offsets VALUES (?, ?)", zone_offsets(tz))
    conn.execute("DELETE FROM observation_days")
    conn.execute("DELETE FROM observation_days_all")
    conn.execute(
        f"""INSERT INTO observation_days ({_COLUMNS})
        SELECT category, day, site_id, direction, sum(count), count(*), max(illustrative),
            max(period_end), max(CASE WHEN rn = 1 THEN period_start END),
            max(CASE WHEN rn = 1 THEN rid END), max(CASE WHEN rn = 1 THEN count END)
        FROM (SELECT *, row_number() OVER (PARTITION BY day, site_id, category, direction
                                           ORDER BY period_start DESC, rid DESC) AS rn
              FROM (SELECT {count_day("o")} AS day, o.site_id, o.category, o.direction,
                        o.count, o.illustrative, o.period_end, o.period_start, o.rowid AS rid
                    FROM observations o WHERE {CURRENT_ROW.format(o="o")}))
        GROUP BY day, site_id, category, direction"""
    )
    conn.execute(
        f"""INSERT INTO observation_days_all ({_ALL_COLUMNS})
        SELECT category, day, direction, sum(total), sum(records), max(illustrative),
            max(last_end)
        FROM observation_days GROUP BY category, day, direction"""
    )
    conn.execute(
        "INSERT INTO meta(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (TZ_META_KEY, tz),
    )


@lru_cache(maxsize=8)
def zone_offsets(tz: str) -> tuple[tuple[str, int], ...]:
    """(UTC instant from which it holds, offset in seconds) for ``tz``: its transitions."""
    info = zone(tz)
    first, last = ZONE_YEARS
    at = datetime(first, 1, 1, tzinfo=UTC)
    end = datetime(last, 1, 1, tzinfo=UTC)

    def offset(instant: datetime) -> int:
        delta = instant.astimezone(info).utcoffset()
        assert delta is not None  # an aware time always has one
        return int(delta.total_seconds())

    out = [("0000-01-01T00:00:00Z", offset(at))]
    step = timedelta(days=7)  # no zone changes twice within a week
    while at < end:
        nxt = at + step
        if offset(nxt) != out[-1][1]:
            lo, hi = at, nxt  # the change is in (lo, hi]: find the minute
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(second=0, microsecond=0)
                if mid <= lo:
                    mid = lo + timedelta(minutes=1)
                if offset(mid) == out[-1][1]:
                    lo = mid
                else:
                    hi = mid
            out.append((to_iso(hi), offset(hi)))
        at = nxt
    return tuple(out)


def serves(conn: sqlite3.Connection, tz: str) -> bool:
    """Whether the summary is kept in zone ``tz`` (else questions go to the scan)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (TZ_META_KEY,)).fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None and row[0] == tz


def longest_period(conn: sqlite3.Connection) -> timedelta:
    """The longest period of any count ever stored (corrected and voided ones too)."""
    try:
        row = conn.execute("SELECT longest_days FROM observation_periods").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is None:  # not kept in this file: ask every count
        row = conn.execute(
            "SELECT coalesce(max(julianday(period_end) - julianday(period_start)), 0) "
            "FROM observations"
        ).fetchone()
    return timedelta(days=row[0])


def operators(conn: sqlite3.Connection) -> list[str]:
    """Everyone who ever entered a count (corrected and voided ones included)."""
    rows = conn.execute("SELECT name FROM observation_operators ORDER BY name COLLATE NOCASE")
    return [r[0] for r in rows]
