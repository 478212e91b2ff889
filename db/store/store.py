"""The store: every write and every read of records goes through here.

Reads like the task: ``store.add_observation(...)``, ``store.correct(id, count=...)``,
``store.void(id, reason=...)``, ``store.observations(site_id=...)``. Each write is one
``BEGIN IMMEDIATE`` transaction, attributed to the operator and station, and listeners hear of
it only after it committed (the desktop's watcher turns that into one Qt signal).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.clock import (
    POST_TZ_DEFAULT,
    Clock,
    check_years,
    local_date,
    local_midnight,
    parse_instant,
    to_iso,
    to_iso_precise,
    utc_now,
    zone,
)
from db.errors import (
    InvalidRecord,
    NotCurrent,
    Problem,
    RecordNotFound,
    SituationRoomError,
    StoreReadOnly,
    StoreUnavailable,
)
from db.input_path import path_exists
from db.names import clean_name, normalise_name
from db.store import real_times, search_index, writelock
from db.store.connection import connect, opens_read_only
from db.store.failures import READ_FAILURES, open_failure, write_failure
from db.store.records import (
    RECORD_TYPES,
    Decree,
    Event,
    Milestone,
    Observation,
    Record,
    Site,
    Void,
)
from db.store.schema import RECORD_TABLES, SCHEMA_VERSION, migrate, schema_version

if TYPE_CHECKING:
    from sqlite_utils import Database

Listener = Callable[[], None]
DEFAULT_OPERATOR = "operador"  # the name on records when nobody gave one
INSERT_BATCH_ROWS = 500
BIG_BATCH_ROWS = 5_000
BIG_BATCH_CACHE_KIB = 128 * 1024


def new_id() -> str:
    """A random (version 4) UUID as text, as ``str(uuid.uuid4())`` writes it."""
    return _quick_id()


def _require_current_schema(conn: sqlite3.Connection, path: Path) -> None:
    if schema_version(conn) < SCHEMA_VERSION:
        raise StoreUnavailable(
            f"{path}: is read-only and was written by an older version of Situation Room, so it "
            "cannot be upgraded: open a writable copy of it, or open another file"
        )


def _quick_id() -> str:
    # A random (version 4) UUID like uuid.uuid4(), without building a UUID object (imports
    # make one per row) or importing uuid (which imports platform: milliseconds of start-up).
    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Store:
    """One open database, used by one thread."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, operator: str = "", *, read_only: bool = False
    ) -> None:
        self.conn = conn
        self._db: Database | None = None
        self.path = path
        self.read_only = read_only
        self.operator = operator or DEFAULT_OPERATOR
        self._listeners: list[Listener] = []
        self._write_depth = 0
        # The app's clock, when it has one: under an exercise clock new records are reported
        # at the exercise time (their real time goes to db/store/real_times.py).
        self.report_clock: Clock | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        operator: str = "",
        create: bool = True,
        read_only: bool = False,
        check: bool = True,
        new: bool = False,
    ) -> Store:
        """Open (and if needed create or migrate) the database at ``path``.

        A file this user may not write opens read-only (``store.read_only``): it can be viewed,
        and every write is refused with ``StoreReadOnly``. Any other problem raises a
        ``SituationRoomError`` saying what is wrong and what to do; the file is left as it was.
        An existing empty file is refused as damaged unless ``new`` (``situation-room init``).
        """
        path = Path(path)
        if not path_exists(path, StoreUnavailable) and not create:
            raise StoreUnavailable(
                f"{path}: no such database (create it with 'situation-room init')"
            )
        read_only = read_only or opens_read_only(path)
        if not read_only:  # refused before the file is touched, let alone migrated
            clean_name(operator or DEFAULT_OPERATOR, "operator")
        conn = connect(path, readonly=read_only, check=check, new=new)
        try:
            if read_only:
                _require_current_schema(conn, path)
            else:
                migrate(conn)
            store = cls(conn, path, operator, read_only=read_only)
            if not read_only and store.meta("station_id") is None:
                store._set_station()
        except SituationRoomError:
            conn.close()
            raise
        except READ_FAILURES as exc:
            conn.close()
            raise open_failure(path, exc) from exc
        return store

    @property
    def operator(self) -> str:
        """The name stamped on every record written from now on."""
        return self._operator

    @operator.setter
    def operator(self, name: str) -> None:
        # A name other stations would refuse must never reach a record (db/names.py); a
        # read-only store writes none, so any name will do to view one.
        self._operator = normalise_name(name) if self.read_only else clean_name(name, "operator")

    def _set_station(self) -> None:
        # INSERT OR IGNORE: two windows creating one file together must agree on one station.
        values = {
            "station_id": new_id(),
            "station_name": host_name(),
            "timezone": POST_TZ_DEFAULT,
            "created_at": to_iso(utc_now()),
        }
        with self.writing():
            self.conn.executemany(
                "INSERT OR IGNORE INTO meta(key, value) VALUES(?, ?)", values.items()
            )

    def close(self) -> None:
        self.conn.close()

    @property
    def db(self) -> Database:
        """sqlite-utils on the store's connection, imported on first use (it is slow to import,
        and the window's first paint needs none of it)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    # -- listeners -----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener()`` after each write of this store has committed."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextmanager
    def writing(self) -> Iterator[_LazyDatabase]:
        """One write transaction; listeners are told after it committed, never before.

        Nested use joins the outer transaction (through a savepoint), so a composite write such
        as settling a sync conflict (voids + a correction) commits whole or not at all, and
        listeners hear of it once. Waits for another writer at most ``writelock.WRITE_WAIT_S``;
        a busy, full or read-only database raises ``StoreBusy``/``StoreFull``/``StoreReadOnly``
        with nothing written.
        """
        if self.read_only:
            raise StoreReadOnly(
                f"{self.path}: opened read-only (the file may not be written): the entry was "
                "not saved; open a writable copy to make entries"
            )
        if self._write_depth:
            name = f"w{self._write_depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._write_depth += 1
            try:
                yield _LazyDatabase(self)
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            finally:
                self._write_depth -= 1
            self.conn.execute(f"RELEASE {name}")
            return
        writelock.begin_write(self.conn, self.path)
        self._write_depth = 1
        try:
            yield _LazyDatabase(self)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            failure = write_failure(self.path, exc, writelock.WRITE_WAIT_S)
            if failure is None:
                raise
            raise failure from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._write_depth = 0
        for listener in list(self._listeners):
            listener()

    def _rollback(self) -> None:
        # After SQLITE_FULL or an I/O error SQLite may have rolled back already.
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # -- meta ----------------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, **values: str | None) -> None:
        with self.writing():
            for key, value in values.items():
                if value is None:
                    self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
                else:
                    self.conn.execute(
                        "INSERT INTO meta(key, value) VALUES(?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, str(value)),
                    )
            if "timezone" in values:
                from db.flows import days as observation_days

                if not observation_days.serves(self.conn, self.timezone):
                    # The daily totals are days of the post's zone: recount them in the new one.
                    observation_days.rebuild(self.conn, self.timezone)

    @property
    def station_id(self) -> str:
        return self.meta("station_id") or ""

    @property
    def station_name(self) -> str:
        return self.meta("station_name") or ""

    @property
    def timezone(self) -> str:
        """The post's zone; the default when the stored one is not a zone (see
        ``setting_problems``): a damaged setting must not keep the post from opening."""
        return self._stored_timezone()[0]

    @property
    def exercise_clock(self) -> datetime | None:
        """The stored exercise clock, or None for an operational (live) database (or one whose
        stored clock is not a usable time: see ``setting_problems``)."""
        return self._stored_clock()[0]

    def setting_problems(self) -> list[str]:
        """One line per post setting in the file that cannot be used, saying what is used instead."""
        return [p.message for p in self.setting_issues()]

    def setting_issues(self) -> list[Problem]:
        """The post settings in the file that cannot be used, as problems (the window words
        them in the operator's language); each says what is used instead."""
        return [p for p in (self._stored_timezone()[1], self._stored_clock()[1]) if p]

    def _stored_timezone(self) -> tuple[str, Problem | None]:
        value = self.meta("timezone")
        if not value:
            return POST_TZ_DEFAULT, None
        try:
            zone(value)
        except ValueError:
            return POST_TZ_DEFAULT, Problem(
                "timezone",
                "unusable_zone_setting",
                {"value": repr(value[:40]), "default": POST_TZ_DEFAULT},
            )
        return value, None

    def _stored_clock(self) -> tuple[datetime | None, Problem | None]:
        value = self.meta("exercise_clock")
        if not value:
            return None, None
        try:
            clock = parse_instant(value, "exercise_clock")
            check_years(clock, "exercise_clock")
        except ValueError:
            return None, Problem(
                "exercise_clock", "unusable_clock_setting", {"value": repr(value[:40])}
            )
        return clock, None

    # -- writing records -----------------------------------------------------------------
    @property
    def on_exercise_clock(self) -> bool:
        """Whether new records take the exercise clock's time as their report time."""
        return self.report_clock is not None and not self.report_clock.live

    def _attribution(self, after: str | None = None) -> dict[str, str]:
        """Who entered a record, where, and its report time: now, or the exercise clock's now;
        never before ``after`` (the record a correction or void is about: an answer is not
        reported before what it answers, whichever way the exercise clock was stepped)."""
        clock = self.report_clock
        at = to_iso_precise(clock.now() if clock is not None and not clock.live else utc_now())
        return {
            "entered_at": max(at, after) if after else at,
            "entered_by": self.operator,
            "station": self.station_id,
        }

    def _remember_real_time(self, ids: list[str]) -> None:
        # Inside the write transaction of the records themselves: both or neither.
        if self.on_exercise_clock and ids:
            real_times.remember(self.conn, ids, to_iso_precise(utc_now()))

    def prepare(
        self,
        table: str,
        values: dict[str, Any],
        *,
        record_id: str | None = None,
        supersedes: str | None = None,
    ) -> dict[str, Any]:
        """Validate ``values`` for ``table`` and return the full attributed row, unwritten.

        Importers prepare every row first, report every problem, and only then call
        ``insert_rows``: a file is stored whole or not at all.
        """
        row = self._prepare(table, values)
        return {"id": record_id or new_id(), **self._attribution(), "supersedes": supersedes, **row}

    def preparer(self, table: str) -> Callable[..., dict[str, Any]]:
        """``prepare`` for the many rows of one import: the same checks, read once.

        The attribution is taken once (an import is one moment and one transaction), the
        current sites once instead of a query per row, and rows go through the fast path of
        ``db.store.bulk_validation`` (same rules): a 100,000-row spreadsheet is checked in seconds.
        Use it for one batch, then ``insert_rows``.
        """
        from db.store.bulk_validation import FAST_CLEANERS

        attribution = self._attribution()
        sites = (
            {r[0] for r in self.conn.execute("SELECT id FROM current_sites")}
            if table == "observations"
            else None
        )

        def prepare(
            values: dict[str, Any], *, record_id: str | None = None, supersedes: str | None = None
        ) -> dict[str, Any]:
            row = self._prepare(table, values, current_sites=sites, cleaners=FAST_CLEANERS)
            return {"id": record_id or _quick_id(), **attribution, "supersedes": supersedes, **row}

        return prepare

    def insert_rows(self, table: str, rows: list[dict[str, Any]]) -> int:
        """Store prepared rows in one transaction; rows whose id is already stored are skipped."""
        if table not in RECORD_TYPES:
            raise ValueError(f"unknown table {table}")
        if not rows:
            return 0
        names = list(rows[0])
        if all(r.keys() == rows[0].keys() for r in rows):
            pick = itemgetter(*names)
            values = [pick(r) for r in rows] if len(names) > 1 else [(pick(r),) for r in rows]
        else:  # rows of different shapes: every column any row has, NULL where absent
            names = list(dict.fromkeys(k for r in rows for k in r))
            values = [tuple(r.get(n) for n in names) for r in rows]
        added = 0
        # Many rows per statement: a table with triggers (the daily totals of the counts) pays
        # for a statement's rollback journal once per batch, not once per row.
        limit = self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        batch = max(1, min(INSERT_BATCH_ROWS, limit // len(names)))
        # A big batch touches more index pages than the default 2 MB cache holds; spilling
        # them mid-transaction makes an import several times slower.
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        if len(rows) > BIG_BATCH_ROWS:
            self.conn.execute(f"PRAGMA cache_size = {-BIG_BATCH_CACHE_KIB}")
        try:
            with self.writing(), _totals_in_bulk(self.conn, table):
                before = self.conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}")
                after_rowid = before.fetchone()[0]
                for start in range(0, len(values), batch):
                    chunk = values[start : start + batch]
                    # rowcount: the rows this statement stored (not those its triggers wrote)
                    added += self.conn.execute(
                        _insert_sql(table, names, or_ignore=True, rows=len(chunk)),
                        [value for row in chunk for value in row],
                    ).rowcount
                search_index.index_new(self.conn, table, after_rowid)
                if self.on_exercise_clock:
                    stored = self.conn.execute(
                        f"SELECT id FROM {table} WHERE rowid > ?", (after_rowid,)
                    )
                    self._remember_real_time([r[0] for r in stored])
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(cache)}")
        return added

    def _prepare(
        self,
        table: str,
        values: dict[str, Any],
        current_sites: set[str] | None = None,
        cleaners: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] | None = None,
    ) -> dict[str, Any]:
        if cleaners is None:
            from db.store.validation import CLEANERS  # loads with the first write, not at start-up

            cleaners = CLEANERS
        row = cleaners[table](values)
        problems = self._check_references(table, row, current_sites)
        if problems:
            raise InvalidRecord(problems)
        if table == "milestones" and row["all_day"]:
            # An all-day milestone is the whole local day: anchor it at that day's midnight.
            day = local_date(parse_instant(row["at"]), row["tz"])
            row["at"] = to_iso(local_midnight(day, row["tz"]))
        return row

    def _check_references(
        self, table: str, row: dict[str, Any], current_sites: set[str] | None = None
    ) -> list[Problem]:
        problems: list[Problem] = []
        if table == "observations" and not (
            row["site_id"] in current_sites
            if current_sites is not None
            else self._is_current("sites", row["site_id"])
        ):
            problems.append(Problem("site_id", "unknown_site", {"value": repr(row["site_id"])}))
        if table == "decrees" and row.get("extends"):
            heads = self._lineage_heads("decrees")
            target = row["extends"]
            if target not in heads:
                problems.append(Problem("extends", "unknown_decree"))
            elif heads[target] is None:
                problems.append(Problem("extends", "extends_voided"))
        return problems

    def _lineage_heads(self, table: str) -> dict[str, str | None]:
        """Every stored id of ``table`` → the id of its current version (None if voided).

        A correction gives a record a new id; links to it (a decree's ``extends``) keep naming
        the id they were entered with and are read through this map.
        """
        rows = self.conn.execute(f"SELECT id, supersedes, entered_at FROM {table}").fetchall()
        current = {r[0] for r in self.conn.execute(f"SELECT id FROM current_{table}")}
        successors: dict[str, list[tuple[str, str]]] = {}
        for rid, supersedes, entered_at in rows:
            if supersedes:
                successors.setdefault(supersedes, []).append((entered_at, rid))
        heads: dict[str, str | None] = {}

        def head(rid: str, depth: int = 0) -> str | None:
            if rid in heads:
                return heads[rid]
            found: str | None = rid if rid in current else None
            if found is None and depth < len(rows):
                # Two stations may both have corrected it: the newest current version wins.
                for _, nxt in sorted(successors.get(rid, []), reverse=True):
                    found = head(nxt, depth + 1)
                    if found:
                        break
            heads[rid] = found
            return found

        for rid, _, _ in rows:
            head(rid)
        return heads

    def _is_current(self, table: str, record_id: str) -> bool:
        sql = f"SELECT 1 FROM current_{table} WHERE id = ?"
        return self.conn.execute(sql, (record_id,)).fetchone() is not None

    def _insert(
        self,
        table: str,
        values: dict[str, Any],
        *,
        record_id: str | None = None,
        supersedes: str | None = None,
    ) -> Record:
        row = self._prepare(table, values)
        if table == "decrees":
            self._check_decree_chain(row, supersedes)
        after = self._entered_at(table, supersedes) if supersedes else None
        attribution = self._attribution(after)
        full = {"id": record_id or new_id(), **attribution, "supersedes": supersedes, **row}
        with self.writing():
            stored = self.conn.execute(_insert_sql(table, list(full)), list(full.values()))
            # lastrowid is the row just stored (SQLite restores it after the triggers run)
            search_index.index_new(self.conn, table, int(stored.lastrowid or 0) - 1)
            self._remember_real_time([full["id"]])
        return RECORD_TYPES[table].from_row(full)

    def _entered_at(self, table: str, record_id: str) -> str | None:
        # table is one of RECORD_TABLES (from _find or the caller); the id is bound.
        found = self.conn.execute(
            f"SELECT entered_at FROM {table} WHERE id = ?", (record_id,)
        ).fetchone()
        return found[0] if found else None

    def _check_decree_chain(self, row: dict[str, Any], supersedes: str | None) -> None:
        # The row keeps the id it was entered with; naming an earlier version of a decree means
        # that decree as it now stands, which is what the chain rules look at.
        if row.get("extends"):
            heads = self._lineage_heads("decrees")
            row = {**row, "extends": heads.get(row["extends"]) or row["extends"]}
        from db.store.validation import decree_chain_problems

        problems = decree_chain_problems(self.decrees(), row, replaces=supersedes)
        if problems:
            raise InvalidRecord(problems)

    def add_site(self, *, id: str | None = None, **values: Any) -> Site:
        """Add a site: ``name``, ``kind``, ``country``, ``lat``, ``lon``, ``approximate``, ``source``, ``note``."""
        return self._insert("sites", values, record_id=id)  # type: ignore[return-value]

    def add_observation(self, *, id: str | None = None, **values: Any) -> Observation:
        """Add a count: ``site_id``, ``period_start``, ``period_end``, ``direction``, ``category``, ``count``..."""
        return self._insert("observations", values, record_id=id)  # type: ignore[return-value]

    def add_event(self, *, id: str | None = None, **values: Any) -> Event:
        """Add a map or log event: ``kind``, ``title``, ``occurred_at``, ``lat``, ``lon``, ``people``..."""
        return self._insert("events", values, record_id=id)  # type: ignore[return-value]

    def add_decree(self, *, id: str | None = None, **values: Any) -> Decree:
        """Add a decree: ``number``, ``starts_on``, ``days``, ``extends`` (decree id), ``published_on``..."""
        return self._insert("decrees", values, record_id=id)  # type: ignore[return-value]

    def add_milestone(self, *, id: str | None = None, **values: Any) -> Milestone:
        """Add a milestone: ``title``, ``kind``, ``at`` (aware instant), ``tz``, ``all_day``, ``source``."""
        return self._insert("milestones", values, record_id=id)  # type: ignore[return-value]

    def correct(self, record_id: str, **changes: Any) -> Record:
        """Write a corrected version of a current record; the old one stays in its history."""
        table, row = self._find(record_id)
        if not self._is_current(table, record_id):
            raise NotCurrent(
                f"record {record_id} was already corrected or voided: correct its current version"
            )
        keep = {
            k: v
            for k, v in dict(row).items()
            if k not in ("id", "entered_at", "entered_by", "station", "supersedes")
        }
        keep.update(changes)
        return self._insert(table, keep, supersedes=record_id)

    def void(self, record_id: str, reason: str) -> Void:
        """Record that a current record is void (withdrawn); nothing is deleted."""
        table, target = self._find(record_id)
        if not str(reason).strip():
            raise InvalidRecord([Problem("reason", "void_reason_required")])
        if not self._is_current(table, record_id):
            raise NotCurrent(f"record {record_id} was already corrected or voided")
        if table == "decrees":
            extended_by = [d.number for d in self.decrees() if d.extends == record_id]
            if extended_by:
                raise InvalidRecord([Problem("id", "has_extension", {"number": extended_by[0]})])
        void = {
            "id": new_id(),
            "record_id": record_id,
            "record_kind": RECORD_TYPES[table].kind,
            "reason": str(reason).strip(),
            **self._attribution(target["entered_at"]),
        }
        with self.writing():
            self.conn.execute(_insert_sql("voids", list(void)), list(void.values()))
            self._remember_real_time([void["id"]])
        return Void.from_row(void)

    # -- reading -------------------------------------------------------------------------
    def _find(self, record_id: str) -> tuple[str, sqlite3.Row]:
        for table in RECORD_TABLES:
            row = self.conn.execute(
                f"SELECT * FROM {table} WHERE id = ?",
                (record_id,),
            ).fetchone()
            if row is not None:
                return table, row
        raise RecordNotFound(f"no record with id {record_id}")

    def get(self, record_id: str) -> Record:
        table, row = self._find(record_id)
        return RECORD_TYPES[table].from_row(row)

    def is_current(self, record_id: str) -> bool:
        table, _ = self._find(record_id)
        return self._is_current(table, record_id)

    def history(self, record_id: str) -> list[Record | Void]:
        """Every version of the record (oldest first) and any voiding, for the history view."""
        table, _ = self._find(record_id)
        rows = self.conn.execute(
            f"""WITH RECURSIVE back(id, supersedes) AS (
                    SELECT id, supersedes FROM {table} WHERE id = :id
                    UNION SELECT t.id, t.supersedes FROM {table} t JOIN back b ON t.id = b.supersedes),
                fwd(id) AS (
                    SELECT id FROM back
                    UNION SELECT t.id FROM {table} t JOIN fwd f ON t.supersedes = f.id)
                SELECT * FROM {table} WHERE id IN (SELECT id FROM fwd)
                ORDER BY entered_at, rowid""",
            {"id": record_id},
        ).fetchall()
        versions: list[Record | Void] = [RECORD_TYPES[table].from_row(r) for r in rows]
        ids = [v.id for v in versions]
        marks = ",".join("?" * len(ids))
        voids = self.conn.execute(
            f"SELECT * FROM voids WHERE record_id IN ({marks}) ORDER BY entered_at",
            ids,
        ).fetchall()
        return versions + [Void.from_row(v) for v in voids]

    def real_entry_times(self, ids: list[str]) -> dict[str, datetime]:
        """Record (or void) id → the real time it was entered, for those entered under an
        exercise clock (whose ``entered_at`` is the exercise time): the audit's other half."""
        return real_times.real_times(self.conn, ids)

    def _current(
        self, table: str, where: str = "", params: Any = (), order: str = "rowid"
    ) -> list[Any]:
        # table, where and order are built in this module from fixed text; values are bound.
        sql = (
            f"SELECT * FROM current_{table} {('WHERE ' + where) if where else ''} ORDER BY {order}"
        )
        cls = RECORD_TYPES[table]
        return [cls.from_row(r) for r in self.conn.execute(sql, params)]

    def sites(self) -> list[Site]:
        return self._current("sites", order="name")

    def site_by_name(self, name: str) -> Site | None:
        """The current site of that name (compared normalised, as names are stored)."""
        key = normalise_name(name)
        return next((s for s in self.sites() if normalise_name(s.name) == key), None)

    def observations(
        self,
        *,
        site_id: str | None = None,
        category: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        entered_by: str | None = None,
    ) -> list[Observation]:
        """Current counts, optionally filtered; periods that start in ``[start, end)``."""
        clauses, params = [], []
        for column, value in (
            ("site_id", site_id),
            ("category", category),
            ("entered_by", entered_by),
        ):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if start:
            clauses.append("period_start >= ?")
            params.append(to_iso(start))
        if end:
            clauses.append("period_start < ?")
            params.append(to_iso(end))
        return self._current("observations", " AND ".join(clauses), params, "period_start, rowid")

    def events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        include_closed: bool = True,
    ) -> list[Event]:
        clauses, params = [], []
        if since:
            clauses.append("occurred_at >= ?")
            params.append(to_iso(since))
        if until:
            clauses.append("occurred_at < ?")
            params.append(to_iso(until))
        if not include_closed:
            clauses.append("closed = 0")
        return self._current("events", " AND ".join(clauses), params, "occurred_at DESC, rowid")

    def decrees(self) -> list[Decree]:
        """Current decrees; ``extends`` names the current version of the decree extended."""
        records: list[Decree] = self._current("decrees", order="starts_on, rowid")
        if not any(d.extends for d in records):
            return records
        heads = self._lineage_heads("decrees")
        return [
            replace(d, extends=heads.get(d.extends) or d.extends) if d.extends else d
            for d in records
        ]

    def milestones(self) -> list[Milestone]:
        return self._current("milestones", order="at, rowid")

    def last_entry_by(self, operator: str) -> Record | None:
        """The operator's most recent current record at this station (what Ctrl+Z voids)."""
        # The last one typed, not the one of the latest report time: under an exercise clock
        # stepped back, an entry typed later can carry an earlier time. Within a table this
        # station stores its entries in the order they are typed (rowid); across tables the
        # real entry time tells.
        latest: list[Record] = []
        for table in RECORD_TABLES:
            row = self.conn.execute(
                f"SELECT t.* FROM {table} t WHERE t.entered_by = ? AND t.station = ? "
                f"AND NOT EXISTS (SELECT 1 FROM {table} s WHERE s.supersedes = t.id) "
                "AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.record_id = t.id) "
                "ORDER BY t.rowid DESC LIMIT 1",
                (operator, self.station_id),
            ).fetchone()
            if row:
                latest.append(RECORD_TYPES[table].from_row(row))
        real = self.real_entry_times([r.id for r in latest])
        return max(latest, key=lambda r: real.get(r.id, r.entered_at), default=None)

    def counts(self) -> dict[str, int]:
        """How many current records of each kind there are."""
        from db.flows import totals as daily_totals

        out = {}
        for table in RECORD_TABLES:
            n = (
                daily_totals.current_count(self.conn, tz=self.timezone)
                if table == "observations"
                else None
            )
            if n is None:  # not summarised: count the current rows themselves
                n = self.conn.execute(f"SELECT count(*) FROM current_{table}").fetchone()[0]
            out[table] = n
        return out

    def data_version(self) -> int:
        version: int = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return version


@contextmanager
def _totals_in_bulk(conn: sqlite3.Connection, table: str) -> Iterator[None]:
    """A batch of counts joins the daily totals in one pass (db/flows/days.py)."""
    if table != "observations":
        yield
        return
    from db.flows import days as observation_days

    with observation_days.bulk(conn):
        yield


def host_name() -> str:
    """This machine's name, the default name of its station."""
    if hasattr(os, "uname"):  # without importing socket, at every start
        return os.uname().nodename or "estación"
    import socket

    return socket.gethostname() or "estación"


def _insert_sql(table: str, columns: list[str], *, or_ignore: bool = False, rows: int = 1) -> str:
    # table and column names come from this package (schema, cleaners); values are bound.
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join([f"({', '.join('?' * len(columns))})"] * rows)
    return f'INSERT {"OR IGNORE " if or_ignore else ""}INTO "{table}" ({names}) VALUES {marks}'


class _LazyDatabase:
    """What ``writing()`` yields: the store's sqlite-utils ``Database``, made on first use."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, table: str) -> Any:
        return self._store.db[table]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store.db, name)
