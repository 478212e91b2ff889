"""Imported map layers: a KML, KMZ or GeoJSON file stored as a named, read-only overlay.

``import_overlay(store, path)`` reads the whole file first and stores it in one transaction, or
refuses it with every problem found (``FILE:LINE: ...``) and stores nothing. The map panel
lists ``overlays(store)`` and draws ``overlay_features(store, overlay.id)``; whether a layer is
shown is the viewer's own setting, not a fact in the database. Removing a layer writes a void
(``record_kind = 'overlay'``): it leaves the map but stays in the history.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from db.clock import parse_instant, to_iso_precise, utc_now
from db.errors import ImportRefused, InvalidRecord, NotCurrent, Problem, RecordNotFound
from db.geo.overlay_model import (
    MAX_FILE_BYTES,
    Feature,
    Overlay,
    Parsed,
    Style,
    bbox_of,
)
from db.input_path import input_problem
from db.store.records import Void
from db.store.store import Store, new_id

__all__ = [
    "Feature",
    "Overlay",
    "Style",
    "import_overlay",
    "overlay_counts",
    "overlay_features",
    "overlays",
    "read_overlay_file",
    "remove_overlay",
]

SUFFIXES = (".geojson", ".json", ".kml", ".kmz")
MAX_NAME = 200


def read_overlay_file(path: str | Path) -> Parsed:
    """Parse an overlay file without storing it; ``ImportRefused`` if it cannot be one."""
    path = Path(path)
    label = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(
            [f"{label}: unknown overlay format {suffix or '(none)'!r}; use {', '.join(SUFFIXES)}"]
        )
    try:
        problem = input_problem(path)
        if problem is not None:
            raise ImportRefused([f"{label}: {problem}"])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused(
                [f"{label}: {size >> 20} MB is larger than the {MAX_FILE_BYTES >> 20} MB limit"]
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused([f"{label}: cannot be read ({exc.strerror or exc})"]) from None
    if not data.strip():
        raise ImportRefused([f"{label}: the file is empty"])
    # The parsers load only when a file is read: the map opens without them.
    from db.geo.geojson import parse_geojson
    from db.geo.kml import parse_kml
    from db.geo.kmz import read_kmz

    if suffix == ".kmz":
        data, label = read_kmz(data, label)
    parsed = (
        parse_geojson(data, label) if suffix in (".geojson", ".json") else parse_kml(data, label)
    )
    if not parsed.features:
        extra = f" ({parsed.skipped} items without a drawable geometry)" if parsed.skipped else ""
        raise ImportRefused([f"{label}: nothing to draw: no point, line or polygon{extra}"])
    return parsed


def import_overlay(store: Store, path: str | Path, name: str | None = None) -> Overlay:
    """Store the file at ``path`` as a new overlay named ``name`` (default: the file's name)."""
    path = Path(path)
    name = (name or "").strip() or path.stem
    if len(name) > MAX_NAME:
        raise InvalidRecord([Problem("name", "too_long", {"limit": MAX_NAME})])
    parsed = read_overlay_file(path)
    features = [replace(f, id=new_id()) for f in parsed.features]
    bbox = bbox_of(features)
    overlay = Overlay(
        id=new_id(),
        name=name,
        feature_count=len(features),
        bbox=bbox,
        imported_at=utc_now(),
        source_file=path.name,
        skipped=parsed.skipped,
    )
    rows = [
        (
            f.id,
            overlay.id,
            seq,
            f.geometry_type,
            json.dumps(f.coords, separators=(",", ":")),
            f.name,
            json.dumps(f.properties, ensure_ascii=False, separators=(",", ":")),
            json.dumps(f.style.to_json(), separators=(",", ":")),
            f.folder,
        )
        for seq, f in enumerate(features)
    ]
    with store.writing():
        store.conn.execute(
            "INSERT INTO overlays (id, name, source_file, imported_at, entered_by, station, "
            "feature_count, skipped, min_lon, min_lat, max_lon, max_lat) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                overlay.id,
                overlay.name,
                overlay.source_file,
                to_iso_precise(overlay.imported_at),
                store.operator,
                store.station_id,
                overlay.feature_count,
                overlay.skipped,
                *bbox,
            ),
        )
        store.conn.executemany(
            "INSERT INTO overlay_features (id, overlay_id, seq, geometry_type, geometry, name, "
            "properties, style, folder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return overlay


def _overlay(row: Any) -> Overlay:
    return Overlay(
        id=row["id"],
        name=row["name"],
        feature_count=row["feature_count"],
        bbox=(row["min_lon"], row["min_lat"], row["max_lon"], row["max_lat"]),
        imported_at=parse_instant(row["imported_at"]),
        source_file=row["source_file"],
        skipped=row["skipped"],
    )


def overlays(store: Store, *, include_removed: bool = False) -> list[Overlay]:
    """The overlays in the database, oldest import first; removed ones only if asked."""
    table = "overlays" if include_removed else "current_overlays"
    rows = store.conn.execute(f"SELECT * FROM {table} ORDER BY imported_at, rowid")
    return [_overlay(r) for r in rows]


def _pairs(points: list[list[float]]) -> tuple[tuple[float, float], ...]:
    return tuple((p[0], p[1]) for p in points)


def overlay_features(store: Store, overlay_id: str) -> list[Feature]:
    """Every feature of one overlay, in file order (also for a removed overlay: history)."""
    if store.conn.execute("SELECT 1 FROM overlays WHERE id = ?", (overlay_id,)).fetchone() is None:
        raise RecordNotFound(f"no overlay with id {overlay_id}")
    out: list[Feature] = []
    for row in store.conn.execute(
        "SELECT * FROM overlay_features WHERE overlay_id = ? ORDER BY seq", (overlay_id,)
    ):
        geometry = json.loads(row["geometry"])
        kind = row["geometry_type"]
        coords = tuple(_pairs(r) for r in geometry) if kind == "Polygon" else _pairs(geometry)
        out.append(
            Feature(
                id=row["id"],
                geometry_type=kind,
                coords=coords,
                name=row["name"],
                properties=json.loads(row["properties"]),
                style=Style.from_json(json.loads(row["style"])),
                folder=row["folder"],
            )
        )
    return out


def remove_overlay(store: Store, overlay_id: str, reason: str) -> Void:
    """Take an overlay off the map, with a reason; it stays in the database's history."""
    if store.conn.execute("SELECT 1 FROM overlays WHERE id = ?", (overlay_id,)).fetchone() is None:
        raise RecordNotFound(f"no overlay with id {overlay_id}")
    if not str(reason).strip():
        raise InvalidRecord([Problem("reason", "removal_reason_required")])
    void = {
        "id": new_id(),
        "record_id": overlay_id,
        "record_kind": "overlay",
        "reason": str(reason).strip(),
        "entered_at": to_iso_precise(utc_now()),
        "entered_by": store.operator,
        "station": store.station_id,
    }
    with store.writing() as db:
        # Checked inside the write lock, so two windows removing one layer write one void.
        if store.conn.execute("SELECT 1 FROM voids WHERE record_id = ?", (overlay_id,)).fetchone():
            raise NotCurrent(f"overlay {overlay_id} was already removed")
        db["voids"].insert(void)
    return Void.from_row(void)


def overlay_counts(store: Store) -> dict[str, int]:
    """``overlays`` shown and their ``overlay_features`` (for ``status --json``)."""
    overlays_n, features_n = store.conn.execute(
        "SELECT count(*), coalesce(sum(feature_count), 0) FROM current_overlays"
    ).fetchone()
    return {"overlays": overlays_n, "overlay_features": features_n}
