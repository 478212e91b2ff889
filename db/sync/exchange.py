"""Field sync: exporting this station's records to a bundle, and merging a bundle in.

Stations never share a database; they exchange bundles (``db.sync.bundle`` documents the file).
Because records are immutable rows keyed by UUID, merging is a union of rows:

* idempotent: a row whose id is already stored is left as it is, so importing a bundle twice
  changes nothing the second time (and the second time is recognised and reported);
* order-free: stations that exchange bundles in any order end with the same rows, hence the
  same current picture; two corrections of one record are both kept (``db.sync.conflicts``);
* atomic: a bundle is checked whole (zip, manifest, checksum, signature, every row, the sites
  and decrees its rows name) before one transaction inserts its new rows and the ``sync_log``
  entry. A correction or voiding may arrive before the record it acts on (bundles that
  travelled by different routes): it is stored and takes effect when that record comes.

Imported rows keep their original attribution (who entered them, at which station, when); the
import itself is logged in ``sync_log`` with the local operator. Exports log the highest rowid
sent per table, so ``since="last"`` sends only rows stored after the previous export: rows
typed here and rows received from other stations alike, so records travel on through a chain
of stations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from db.clock import parse_instant, to_iso_precise, utc_now
from db.errors import SituationRoomError
from db.names import name_problem, normalise_name
from db.safety.output import check_output_path
from db.store.records import KIND_TO_TABLE, RECORD_TYPES
from db.store.store import Store, new_id
from db.sync.bundle import (
    DEFAULT_LIMITS,
    SYNC_TABLES,
    Bundle,
    BundleLimits,
    BundleRefused,
    write_bundle,
)
from db.sync.bundle_reader import read_bundle
from db.sync.bundle_rows import CleanRows, clean_rows
from db.sync.conflicts import Conflict, conflicts
from db.sync.log import SyncEntry, last_export_marks, log_bundle, previous_import
from db.sync.station import configured_key

_IN_CHUNK = 500  # ids per "IN (...)" query, well under SQLite's variable limit


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    sha256: str
    bundle_id: str
    since: str  # "all", "last" or an ISO instant
    counts: dict[str, int]
    span: tuple[datetime, datetime] | None  # entered_at of the first and last row sent
    signed: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ImportSummary:
    """What an import did (or, with ``dry_run``, would do), for the operator."""

    path: Path
    sha256: str
    station_id: str
    station_name: str
    created_at: datetime
    span: tuple[datetime, datetime] | None
    signed: bool
    verified: bool  # the signature was checked against this station's key
    added: dict[str, int]
    present: dict[str, int]  # rows this database already had
    previous: SyncEntry | None  # an earlier import of this same file
    conflicts: tuple[Conflict, ...] = field(default=())  # open, involving this bundle's rows
    dry_run: bool = False

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_present(self) -> int:
        return sum(self.present.values())


# -- export ------------------------------------------------------------------------------------
def export_bundle(
    store: Store,
    path: str | Path,
    *,
    since: str | datetime = "last",
    key_file: str | Path | None = None,
) -> ExportSummary:
    """Write this database's rows to a bundle at ``path``.

    ``since``: ``"last"`` (rows stored since this station's previous export, or all if none),
    ``"all"``, or an aware datetime (rows entered at or after it, wherever they were entered).
    The bundle is signed when a shared key is configured (``db.sync.station.configured_key``).
    """
    path = check_output_path(path, database=store.path)  # before any work is done
    station_name = store.station_name or store.station_id
    if (problem := name_problem(station_name, "station name")) is not None:
        # Named before names were checked: every other station would refuse the bundle.
        raise SituationRoomError(
            f"{path}: not written: this station's name {problem.message}; rename the station "
            "first (situation-room station --name NAME)"
        )
    key = configured_key(store, key_file)
    mode = since if isinstance(since, str) else to_iso_precise(since)
    if mode not in ("all", "last") and isinstance(since, str):
        raise SituationRoomError(f"since: {since!r} is not 'all', 'last' or a time")
    rows, marks = _snapshot(store, since)
    header = {
        "bundle_id": new_id(),
        "created_at": to_iso_precise(utc_now()),
        "station": {"id": store.station_id, "name": normalise_name(station_name)},
        "since": mode,
        "exercise": _exercise(store),
    }
    manifest, sha = write_bundle(path, header, rows, key, database=store.path)
    with store.writing():
        log_bundle(store, "export", manifest, sha, path, marks=marks)
    return ExportSummary(
        path, sha, manifest["bundle_id"], mode, manifest["counts"], _span(manifest), key is not None
    )


def _snapshot(
    store: Store, since: str | datetime
) -> tuple[list[tuple[str, dict[str, Any]]], dict[str, int] | None]:
    """The rows to send and the marks to remember, read in one consistent snapshot."""
    conn = store.conn
    conn.execute("BEGIN")  # a read transaction: every table seen at the same instant
    try:
        last = last_export_marks(store) if since == "last" else {}
        after = None if isinstance(since, str) else to_iso_precise(since)
        rows: list[tuple[str, dict[str, Any]]] = []
        marks: dict[str, int] = {}
        for table in SYNC_TABLES:
            sql = f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid > ?"
            params: list[Any] = [last.get(table, 0)]
            if after:
                sql += " AND entered_at >= ?"
                params.append(after)
            for r in conn.execute(sql + " ORDER BY rowid", params):
                row = dict(r)
                del row["_rowid"]
                rows.append((table, row))
            top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
            marks[table] = max(top, last.get(table, 0))
    finally:
        conn.execute("COMMIT")
    # A time-window export is a partial copy: it does not move the "not yet sent" mark.
    return rows, (None if after else marks)


def _exercise(store: Store) -> dict[str, str] | None:
    if store.exercise_clock is None:
        return None
    return {"scenario": store.meta("scenario") or ""}


# -- import ------------------------------------------------------------------------------------
class _RollBack(Exception):
    """Leaves ``store.writing()`` without committing (a dry run, or nothing new to write)."""


def import_bundle(
    store: Store,
    path: str | Path,
    *,
    key_file: str | Path | None = None,
    dry_run: bool = False,
    limits: BundleLimits | None = None,
) -> ImportSummary:
    """Merge the bundle at ``path`` into ``store``, wholly or not at all.

    Raises ``BundleRefused`` (nothing written) for a damaged, altered, unsigned (when a key is
    configured), wrongly signed, newer-schema or invalid bundle. With ``dry_run`` everything is
    checked and counted but nothing is written (a preview for the import dialog).
    """
    key = configured_key(store, key_file)
    bundle = read_bundle(path, key=key, limits=limits or DEFAULT_LIMITS)
    _check_exercise(store, bundle)
    rows, line_of = clean_rows(bundle)
    ids = set(line_of)
    involved: tuple[Conflict, ...] | None = None
    try:
        with store.writing():
            # Asked under the write lock: another process importing the same bundle meanwhile
            # has either logged it already (seen here) or waits for us (and then sees ours).
            previous = previous_import(store, bundle.sha256)
            new, present = _plan(store, bundle, rows, line_of)
            added = {t: len(new.get(t, ())) for t in SYNC_TABLES}
            if previous and not any(added.values()):
                raise _RollBack  # imported before: nothing to write, not even the log
            for table in SYNC_TABLES:
                _insert(store, table, new.get(table, []))
            if previous is None:
                log_bundle(
                    store, "import", bundle.manifest, bundle.sha256, bundle.path, added=added
                )
            if dry_run:
                involved = _conflicts_with(store, ids)  # the conflicts the import would make
                raise _RollBack
    except _RollBack:
        pass
    if involved is None:
        involved = _conflicts_with(store, ids)
    m = bundle.manifest
    return ImportSummary(
        path=bundle.path,
        sha256=bundle.sha256,
        station_id=bundle.station_id,
        station_name=bundle.station_name,
        created_at=parse_instant(m["created_at"]),
        span=_span(m),
        signed=bundle.signed,
        verified=bundle.verified,
        added=added,
        present=present,
        previous=previous,
        conflicts=involved,
        dry_run=dry_run,
    )


def _conflicts_with(store: Store, ids: set[str]) -> tuple[Conflict, ...]:
    return tuple(c for c in conflicts(store) if ids.intersection(c.version_ids))


def _check_exercise(store: Store, bundle: Bundle) -> None:
    # Illustrative exercise data must never leak into an operational picture.
    if bundle.manifest.get("exercise") and store.exercise_clock is None:
        scenario = bundle.manifest["exercise"].get("scenario") or "an exercise"
        raise BundleRefused(
            [
                f"{bundle.path}: comes from an exercise database ({scenario}) and this database "
                "is operational: import it into an exercise database instead"
            ]
        )


def _plan(
    store: Store, bundle: Bundle, rows: CleanRows, line_of: dict[str, int]
) -> tuple[CleanRows, dict[str, int]]:
    """Split the rows into new and already stored; refuse missing sites or decrees, and ids
    that name a record of another kind."""
    wanted = set(line_of)
    for table_rows in rows.values():
        for r in table_rows:
            wanted.update(
                v for k, v in r.items() if k in ("supersedes", "site_id", "extends", "record_id")
            )
    wanted.discard(None)
    stored = _stored_tables(store, wanted)
    in_bundle = {r["id"]: t for t, table_rows in rows.items() for r in table_rows}
    known = {**stored, **in_bundle}
    problems: list[str] = []
    new: CleanRows = {}
    present = dict.fromkeys(SYNC_TABLES, 0)
    for table, table_rows in rows.items():
        for r in table_rows:
            where = f"{bundle.path}:records.jsonl:{line_of[r['id']]}"
            here = stored.get(r["id"])
            if here is not None and here != table:
                problems.append(f"{where}: id: {r['id']} is a {_kind(here)} in this database")
            for fieldname, target_table, needed in _references(table, r):
                target = known.get(r[fieldname])
                if target is not None and target != target_table:
                    problems.append(
                        f"{where}: {fieldname}: {r[fieldname]} is a {_kind(target)}, "
                        f"not a {_kind(target_table)}"
                    )
                elif target is None and needed:
                    problems.append(
                        f"{where}: {fieldname}: {_kind(target_table)} {r[fieldname]} is "
                        "neither in this bundle nor in this database: import the bundle that "
                        "brought it first, or ask for an export with --all"
                    )
            if here is None:
                new.setdefault(table, []).append(r)
            else:
                present[table] += 1
    if problems:
        raise BundleRefused(problems)
    return new, present


def _references(table: str, row: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(field, table it names, whether that record must be here) for each reference.

    A count needs its site and an extension its decree: without them it cannot be shown. A
    correction or a voiding may arrive before the record it acts on (bundles sent by different
    routes): it is kept and takes effect when that record arrives, so import order does not
    matter.
    """
    refs = []
    if row.get("supersedes"):
        refs.append(("supersedes", table, False))
    if table == "observations":
        refs.append(("site_id", "sites", True))
    if table == "decrees" and row.get("extends"):
        refs.append(("extends", "decrees", True))
    if table == "voids":
        refs.append(("record_id", KIND_TO_TABLE[row["record_kind"]], False))
    return refs


def _kind(table: str) -> str:
    return RECORD_TYPES[table].kind if table in RECORD_TYPES else "voiding"


def _stored_tables(store: Store, ids: set[str]) -> dict[str, str]:
    """For each of ``ids`` this database stores: the table it is in (bulk, by primary key)."""
    found: dict[str, str] = {}
    ordered = sorted(ids)
    for table in SYNC_TABLES:
        for start in range(0, len(ordered), _IN_CHUNK):
            chunk = ordered[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            for (rid,) in store.conn.execute(
                f"SELECT id FROM {table} WHERE id IN ({marks})", chunk
            ):
                found.setdefault(rid, table)
    return found


def _insert(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    # Plain INSERT (not OR IGNORE): the plan already left out stored ids, and any constraint
    # failure must abort the whole bundle rather than drop a row silently.
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for r in rows:
        groups.setdefault(tuple(r), []).append(tuple(r.values()))
    for columns, values in groups.items():
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        store.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


def _span(manifest: dict[str, Any]) -> tuple[datetime, datetime] | None:
    span = manifest.get("span")
    if not isinstance(span, dict) or not span.get("first") or not span.get("last"):
        return None
    try:
        return parse_instant(span["first"]), parse_instant(span["last"])
    except ValueError:
        return None
