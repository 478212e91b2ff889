"""Reading a map kit: any GeoPackage of vector layers, ours or edited since in QGIS.

The file is opened read-only and every query is time-limited (``db.user_sqlite``): it is a
file from outside. What the map needs is read from the standard's own tables, so a layer QGIS
added, a road fixed or a column more still open; a layer without the R-tree index is read whole
and filtered by the envelopes in the geometry headers. Anything that is not a GeoPackage, or is
damaged, is refused with a ``MapKitUnavailable`` saying so in one line. docs/architecture.md §9.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import MapKitUnavailable
from db.geo.mapkit import geometry
from db.geo.mapkit.layers import KIT_METADATA_URI
from db.input_path import check_sqlite_input
from db.user_sqlite import open_user_file, too_slow_text, was_stopped

PROPERTY_COLUMNS = ("class", "name", "ref", "admin_level", "population")

Bounds = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class KitLayer:
    name: str
    geometry_type: str
    column: str
    features: int
    bounds: Bounds | None
    spatial_index: bool
    properties: tuple[str, ...]  # those of PROPERTY_COLUMNS the table has


@dataclass(frozen=True)
class Feature:
    fid: int
    blob: bytes
    properties: dict[str, object] = field(default_factory=dict)


class MapKit:
    """An open kit: its layers and, per layer, the features in a box."""

    def __init__(self, conn: sqlite3.Connection, path: Path, layers: list[KitLayer]) -> None:
        self._conn = conn
        self.path = path
        self.layers = layers
        self.record: dict[str, object] = {}
        self.attribution = ""

    @property
    def built_at(self) -> str:
        return str(self.record.get("built_at", ""))

    @property
    def bbox(self) -> Bounds | None:
        box = self.record.get("bbox")
        if isinstance(box, list) and len(box) == 4:
            return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))
        return _union([layer.bounds for layer in self.layers])

    def layer(self, name: str) -> KitLayer | None:
        return next((layer for layer in self.layers if layer.name == name), None)

    def features(
        self, layer: KitLayer, box: Bounds, classes: Sequence[str] | None = None
    ) -> Iterator[Feature]:
        """The layer's features whose envelope meets ``box`` (through its R-tree if it has one),
        only those of ``classes`` if given and the layer has a class column."""
        west, south, east, north = box
        names = "".join(f', f."{p}"' for p in layer.properties)
        t, c = layer.name, layer.column
        params: list[object] = []
        where = []
        if layer.spatial_index:
            source = f'"{t}" AS f JOIN "rtree_{t}_{c}" AS r ON r.id = f.fid'
            where.append("r.maxx >= ? AND r.minx <= ? AND r.maxy >= ? AND r.miny <= ?")
            params += [west, east, south, north]
        else:
            source = f'"{t}" AS f'
        if classes is not None and "class" in layer.properties:
            where.append(f"f.class IN ({', '.join('?' * len(classes))})")
            params += list(classes)
        condition = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._conn.execute(f'SELECT f.fid, f."{c}"{names} FROM {source}{condition}', params)
        for fid, blob, *values in rows:
            if not isinstance(blob, bytes):
                continue
            try:
                env = geometry.envelope(blob)
            except ValueError:
                continue  # one damaged feature is left out, not the layer
            if env is None or env[1] < west or env[0] > east or env[3] < south or env[2] > north:
                continue
            yield Feature(int(fid), blob, dict(zip(layer.properties, values, strict=True)))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> MapKit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_kit(path: str | Path) -> MapKit:
    """Open and check the kit at ``path``; ``MapKitUnavailable`` says why it cannot be used."""
    path = check_sqlite_input(
        path, "map kit file", refuse=MapKitUnavailable,
        not_it="not a map kit (not a GeoPackage file)",
    )  # fmt: skip
    try:
        conn = open_user_file(path)
    except sqlite3.Error as exc:
        raise MapKitUnavailable(f"{path}: cannot be opened ({exc})") from None
    try:
        kit = MapKit(conn, path, _layers(conn, path))
        kit.record, kit.attribution = _metadata(conn)
        return kit
    except sqlite3.DatabaseError as exc:
        conn.close()
        if was_stopped(exc):
            raise MapKitUnavailable(f"{path}: refused: {too_slow_text()}") from None
        raise MapKitUnavailable(f"{path}: damaged or not a GeoPackage ({exc})") from None
    except BaseException:
        conn.close()
        raise


def _layers(conn: sqlite3.Connection, path: Path) -> list[KitLayer]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"gpkg_contents", "gpkg_geometry_columns"} <= tables:
        raise MapKitUnavailable(
            f"{path}: an SQLite file but not a GeoPackage (no gpkg_contents and "
            "gpkg_geometry_columns tables)"
        )
    rows = conn.execute(
        "SELECT g.table_name, g.column_name, g.geometry_type_name FROM gpkg_geometry_columns g "
        "JOIN gpkg_contents c ON c.table_name = g.table_name "
        "WHERE c.data_type = 'features' ORDER BY g.table_name"
    ).fetchall()
    layers = []
    for table, column, geometry_type in rows:
        if table not in tables:
            continue  # registered but dropped since: nothing to draw
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        indexed = f"rtree_{table}_{column}" in tables
        count = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        bounds = _bounds(conn, table, column, indexed)
        layers.append(
            KitLayer(
                name=str(table),
                geometry_type=str(geometry_type).upper(),
                column=str(column),
                features=int(count),
                bounds=bounds,
                spatial_index=indexed,
                properties=tuple(p for p in PROPERTY_COLUMNS if p in columns),
            )
        )
    if not layers:
        raise MapKitUnavailable(f"{path}: a GeoPackage without any vector layer")
    return layers


def _bounds(conn: sqlite3.Connection, table: str, column: str, indexed: bool) -> Bounds | None:
    """The layer's extent, from its features (gpkg_contents' may be stale after an edit)."""
    if indexed:
        row = conn.execute(
            f'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "rtree_{table}_{column}"'
        ).fetchone()
        if row and row[0] is not None:
            return (float(row[0]), float(row[1]), float(row[2]), float(row[3]))
        return None
    boxes: list[Bounds | None] = []
    for (blob,) in conn.execute(f'SELECT "{column}" FROM "{table}"'):
        try:
            env = geometry.envelope(blob) if isinstance(blob, bytes) else None
        except ValueError:
            env = None
        boxes.append(None if env is None else (env[0], env[2], env[1], env[3]))
    return _union(boxes)


def _union(boxes: list[Bounds | None]) -> Bounds | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    return (
        min(b[0] for b in real),
        min(b[1] for b in real),
        max(b[2] for b in real),
        max(b[3] for b in real),
    )


def _metadata(conn: sqlite3.Connection) -> tuple[dict[str, object], str]:
    """The build record and the attribution; a GeoPackage from elsewhere may have neither."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_metadata'"
    ).fetchone()
    if not has_table:
        return {}, ""
    record: dict[str, object] = {}
    attribution = ""
    for uri, text in conn.execute("SELECT md_standard_uri, metadata FROM gpkg_metadata"):
        if uri == KIT_METADATA_URI:
            try:
                loaded = json.loads(text)
            except (TypeError, ValueError):
                continue
            if isinstance(loaded, dict):
                record = loaded
        elif isinstance(text, str) and "OpenStreetMap" in text and not attribution:
            attribution = text
    if not attribution:
        attribution = str(record.get("attribution", ""))
    return record, attribution


def kit_problem(path: Path) -> str | None:
    """None if ``path`` is a whole, readable map kit; else what is wrong (a written file's
    check, ``db.safety.output.atomic_output``)."""
    try:
        with open_kit(path) as kit:
            (result,) = kit._conn.execute("PRAGMA quick_check").fetchone()
    except MapKitUnavailable as exc:
        return str(exc)
    except sqlite3.DatabaseError as exc:
        return f"damaged ({exc})"
    return None if result == "ok" else f"damaged ({result})"
