"""The sync log: which bundles this database exported and imported, and from whom.

Local bookkeeping (table ``sync_log``, schema ``_v3_sync``), never itself synced. Exports keep
their marks (highest rowid sent per table) for the next ``since="last"`` export; imports keep
the bundle file's SHA-256 so the same bundle imported twice is recognised and reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from db.clock import parse_instant, to_iso_precise, utc_now
from db.store.store import Store, new_id


@dataclass(frozen=True)
class SyncEntry:
    """One line of the sync log: a bundle this database exported or imported."""

    direction: str  # "export" | "import"
    at: datetime
    operator: str
    station_id: str  # the bundle's station (for an export: this one)
    station_name: str
    bundle_id: str
    sha256: str
    counts: dict[str, int]  # rows in the bundle, per table
    added: dict[str, int] | None  # import: rows that were new here
    file: str


def last_export_marks(store: Store) -> dict[str, int]:
    row = store.conn.execute(
        "SELECT marks FROM sync_log WHERE direction = 'export' AND marks IS NOT NULL "
        "ORDER BY at DESC, rowid DESC LIMIT 1"
    ).fetchone()
    return json.loads(row[0]) if row else {}


def log_bundle(
    store: Store,
    direction: str,
    manifest: dict[str, Any],
    sha: str,
    path: Path,
    *,
    added: dict[str, int] | None = None,
    marks: dict[str, int] | None = None,
) -> None:
    """Log one bundle; an import only once per bundle and station (call it inside the import's
    transaction): two processes importing one bundle at once must leave one line, not two."""
    store.conn.execute(
        "INSERT INTO sync_log(id, direction, at, operator, station, station_name, bundle_id, "
        "sha256, counts, added, marks, file) "
        "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ?2 = 'export' OR NOT EXISTS ("
        "SELECT 1 FROM sync_log WHERE direction = 'import' AND bundle_id = ?7 AND station = ?5)",
        (
            new_id(),
            direction,
            to_iso_precise(utc_now()),
            store.operator,
            manifest["station"]["id"],
            manifest["station"]["name"],
            manifest["bundle_id"],
            sha,
            json.dumps(manifest["counts"]),
            json.dumps(added) if added is not None else None,
            json.dumps(marks) if marks is not None else None,
            path.name,
        ),
    )


def _entry(row: Any) -> SyncEntry:
    return SyncEntry(
        direction=row["direction"],
        at=parse_instant(row["at"]),
        operator=row["operator"],
        station_id=row["station"],
        station_name=row["station_name"],
        bundle_id=row["bundle_id"],
        sha256=row["sha256"],
        counts=json.loads(row["counts"]),
        added=json.loads(row["added"]) if row["added"] else None,
        file=row["file"],
    )


def previous_import(store: Store, sha256: str) -> SyncEntry | None:
    """The first import of the bundle file with this SHA-256, if it was imported before."""
    row = store.conn.execute(
        "SELECT * FROM sync_log WHERE direction = 'import' AND sha256 = ? ORDER BY at LIMIT 1",
        (sha256,),
    ).fetchone()
    return _entry(row) if row else None


def sync_history(store: Store) -> list[SyncEntry]:
    """Every bundle exported and imported here, newest first."""
    rows = store.conn.execute("SELECT * FROM sync_log ORDER BY at DESC, rowid DESC")
    return [_entry(r) for r in rows]


def station_names(store: Store) -> dict[str, str]:
    """Station id → name, for this station and every station a bundle came from."""
    names = {
        r["station"]: r["station_name"]
        for r in store.conn.execute(
            "SELECT station, station_name FROM sync_log WHERE direction = 'import' ORDER BY at"
        )
    }
    names[store.station_id] = store.station_name
    return names
