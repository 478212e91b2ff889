"""Events and sites as GeoJSON or KML files that QGIS and Google Earth open.

``export_events(store, path)`` and ``export_sites(store, path)`` choose the format by the file's
extension; given ``at``, they write the records the post knew then (docs/architecture.md §4) (``.geojson`` or ``.kml``). Every record attribute goes along (id, kind, times in UTC
and in the post's zone, source, illustrative...), as GeoJSON properties or KML ExtendedData, so
a partner's GIS sees what the operators see. Events without a location cannot be placed: they
are left out and counted. The file is written whole to a temporary name, read back, and then
renamed (``db.safety.output``), so a reader never finds half a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from db.clock import to_iso, utc_now, zone
from db.errors import SituationRoomError
from db.geo.kml_write import kml_document
from db.geo.placed import COORD_DECIMALS, Placed
from db.safety.complete import geojson_features, kml_placemarks
from db.safety.output import write_output
from db.store.asof import reading_as_of, records_as_of, sites_as_of
from db.store.records import Event, Record
from db.store.store import Store
from db.vocab import EVENT_KINDS, SITE_KINDS

FORMATS = (".geojson", ".kml")


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: ``written`` placed records, ``skipped`` without a location."""

    path: Path
    kind: str
    written: int
    skipped: int


def attributes(record: Record, tz: str, lang: str = "es") -> dict[str, Any]:
    """Every attribute of ``record``; times as UTC ``...Z`` plus ``<name>_local`` in ``tz``."""
    out: dict[str, Any] = {"id": record.id}
    # The record's own fields first, who entered it last: what a GIS user reads first.
    tail = ("entered_at", "entered_by", "station", "supersedes")
    ordered = [f for f in fields(record) if f.name not in tail]
    ordered += [f for f in fields(record) if f.name in tail]
    for f in ordered:
        value = getattr(record, f.name)
        name = "kind" if f.name == record.kind_field else f.name
        if name == "id":
            continue
        if isinstance(value, datetime):
            out[name] = to_iso(value)
            out[f"{name}_local"] = value.astimezone(zone(tz)).replace(microsecond=0).isoformat()
        else:
            out[name] = value
        if name == "kind":
            vocab = EVENT_KINDS if isinstance(record, Event) else SITE_KINDS
            term = vocab.get(value)
            out["kind_label"] = term.label(lang) if term else str(value)
    return out


def _placed(records: list[Record], tz: str, lang: str) -> tuple[list[Placed], int]:
    placed, skipped = [], 0
    for record in records:
        lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
        if lat is None or lon is None:
            skipped += 1
            continue
        attrs = attributes(record, tz, lang)
        name = attrs.get("title") or attrs.get("name") or attrs["kind_label"]
        when = attrs.get("occurred_at") if isinstance(record, Event) else None
        placed.append(Placed(lon, lat, name, attrs["kind"], attrs["kind_label"], when, attrs))
    return placed, skipped


def geojson_document(placed: list[Placed], layer: str) -> bytes:
    """An RFC 7946 FeatureCollection (WGS84 lon/lat, no ``crs`` member)."""
    features = [
        {
            "type": "Feature",
            "id": p.attributes["id"],
            "geometry": {
                "type": "Point",
                "coordinates": [round(p.lon, COORD_DECIMALS), round(p.lat, COORD_DECIMALS)],
            },
            "properties": p.attributes,
        }
        for p in placed
    ]
    doc = {"type": "FeatureCollection", "name": layer, "features": features}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _export(
    store: Store, path: str | Path, kind: str, records: list[Record], lang: str
) -> ExportReport:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SituationRoomError(
            f"{path}: unknown map format {suffix or '(none)'!r}; use {' or '.join(FORMATS)}"
        )
    placed, skipped = _placed(records, store.timezone, lang)
    if suffix == ".geojson":
        data = geojson_document(placed, kind)
        verify = geojson_features(len(placed))
    else:
        title = f"Situation Room — {kind} ({store.station_name}, {to_iso(utc_now())})"
        data = kml_document(placed, title)
        verify = kml_placemarks(len(placed))
    write_output(path, data, verify=verify, database=store.path)
    return ExportReport(path, kind, len(placed), skipped)


def export_events(
    store: Store, path: str | Path, *, lang: str = "es", at: datetime | None = None
) -> ExportReport:
    """Write the current events (closed ones included, flagged) to ``.geojson`` or ``.kml``;
    ``at``: those the post knew then (docs/architecture.md §4)."""
    as_of = reading_as_of(store.conn, "events", at)
    events: list[Record] = (
        list(reversed(store.events()))  # oldest first reads like a log
        if as_of is None
        else records_as_of(store, "events", as_of, order="occurred_at, entered_at, id")
    )
    return _export(store, path, "events", events, lang)


def export_sites(
    store: Store, path: str | Path, *, lang: str = "es", at: datetime | None = None
) -> ExportReport:
    """Write the current sites to ``.geojson`` or ``.kml``; ``at``: those the post knew then."""
    return _export(store, path, "sites", list(sites_as_of(store, at)), lang)
