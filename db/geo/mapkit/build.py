"""Building a map kit from OpenStreetMap extracts (``situation-room mapkit build``).

Extracts are read with pyosmium in three passes over every file, so memory stays bounded
whatever their size: relations first (the few administrative areas and multipolygons wanted,
with the ids of their member ways), then nodes (every location into osmium's node index, the
wanted points kept), then ways (located through that index, clipped to the box with shapely and
written straight to the GeoPackage). Only ways inside the box are remembered, by id, so a way
that two country extracts both carry (they carry the ways that cross their border) is stored
once; and since both extracts' nodes share one index, a road that crosses or meets the border
keeps the very same coordinates on both sides: it stays connected. Administrative areas are
assembled from their member ways last (shapely's polygonize: outer rings less inner ones).

The kit is written under a temporary name beside the target and renamed when complete: a
failed build leaves no partial file. See docs/architecture.md §9.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import osmium
import shapely
from osmium.osm import NODE, RELATION, WAY
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from db.errors import MapKitUnavailable
from db.geo.mapkit import gpkg
from db.geo.mapkit.bbox import BBox
from db.geo.mapkit.geometry import encode
from db.geo.mapkit.gpkg import Layer
from db.geo.mapkit.kit import kit_problem
from db.geo.mapkit.layers import (
    ALL_LAYERS,
    ATTRIBUTION,
    ATTRIBUTION_URI,
    BOUNDARIES,
    KIT_METADATA_URI,
    LICENSE,
    PLACE_CLASSES,
    PLACES,
    POINTS,
    RAIL_CLASSES,
    RAILWAYS,
    ROADS,
    WATERWAY_CLASSES,
    WATERWAYS,
    area_layer,
    display_name,
    is_admin_boundary,
    point_class,
    road_class,
    road_ref,
)
from db.input_path import check_input_path
from db.safety.output import atomic_output

# Keys a node needs to be a place or a command-post point; the rest never reach Python.
_POINT_KEYS = (
    "place",
    "amenity",
    "barrier",
    "healthcare",
    "emergency",
    "social_facility",
    "government",
)
_BATCH = 2000
_REPORT_EVERY = 100_000  # ways between two progress reports


@dataclass(frozen=True)
class Progress:
    """Where a build is: ``step`` of ``steps`` (a pass over one file), and objects read in it."""

    step: int
    steps: int
    stage: str  # "relations", "nodes", "ways", "areas", "index"
    file: str
    objects: int = 0


@dataclass
class BuildResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    bbox: BBox | None = None


@dataclass
class _Relation:
    layer: Layer
    osm_id: int
    kind: str
    name: str | None
    admin_level: int | None
    outer: list[int]
    inner: list[int]


ProgressFn = Callable[[Progress], None]


def build(
    extracts: Sequence[str | Path],
    bbox: BBox,
    out: str | Path,
    progress: ProgressFn | None = None,
    *,
    node_index: str = "flex_mem",
    now: datetime | None = None,
) -> BuildResult:
    """Build the kit of ``bbox`` from ``extracts`` into ``out`` (replaced if it exists)."""
    paths = [Path(p) for p in extracts]
    if not paths:
        raise MapKitUnavailable("no OpenStreetMap extract given")
    for path in paths:
        check_input_path(path, "OpenStreetMap extract", refuse=MapKitUnavailable)
        if path.stat().st_size == 0:
            raise MapKitUnavailable(f"{path}: the file is empty")
    out = Path(out)
    if out.suffix.lower() != ".gpkg":
        raise MapKitUnavailable(f"{out}: a map kit is a GeoPackage: name it .gpkg")
    builder = _Builder(paths, bbox, progress or (lambda _p: None), node_index)
    # Written whole or not at all, and never over a database (an older kit included: a
    # mistyped --out must not cost a post its records), docs/architecture.md §10.
    with atomic_output(out, verify=kit_problem) as part:
        conn = gpkg.create(part)
        try:
            result = builder.run(conn, now or datetime.now(UTC))
            conn.execute("COMMIT")
        finally:
            conn.close()
    result.path = out
    return result


class _Builder:
    def __init__(
        self, paths: list[Path], bbox: BBox, progress: ProgressFn, node_index: str
    ) -> None:
        self.paths = paths
        self.bbox = bbox
        self.progress = progress
        # One node index per extract: libosmium's sparse index is sorted once for lookups, so
        # nodes added after (the next extract's) would not be found in it.
        self.locations = [osmium.index.create_map(node_index) for _ in paths]
        self.relations: dict[int, _Relation] = {}
        self.member_ways: set[int] = set()
        self.member_lines: dict[int, LineString] = {}
        self.seen_nodes: set[int] = set()
        self.seen_ways: set[int] = set()
        self.rows: dict[str, list[tuple[object, ...]]] = {layer.name: [] for layer in ALL_LAYERS}
        self.boxes: dict[str, list[tuple[int, float, float, float, float]]] = {
            layer.name: [] for layer in ALL_LAYERS
        }
        self.bounds: dict[str, tuple[float, float, float, float]] = {}
        self.counts: dict[str, int] = {layer.name: 0 for layer in ALL_LAYERS}
        self.steps = 3 * len(paths) + 2
        self.step = 0
        self.headers: list[dict[str, str]] = []

    def _report(self, stage: str, file: str, objects: int = 0) -> None:
        self.progress(Progress(self.step, self.steps, stage, file, objects))

    def run(self, conn: sqlite3.Connection, now: datetime) -> BuildResult:
        self.conn = conn
        for layer in ALL_LAYERS:
            gpkg.add_layer(conn, layer)
        for stage, reader in (
            ("relations", self._read_relations),
            ("nodes", self._read_nodes),
            ("ways", self._read_ways),
        ):
            for index, path in enumerate(self.paths):
                self._report(stage, path.name)
                _read(path, index, reader)
                self.step += 1
        self._report("areas", "")
        self._assemble_relations()
        self._flush_all()
        self.step += 1
        if not any(self.counts.values()):
            raise MapKitUnavailable(
                f"nothing of the map lies in the box {self.bbox} in "
                f"{', '.join(p.name for p in self.paths)}: check the box (W,S,E,N) and the extracts"
            )
        self._report("index", "")
        for layer in ALL_LAYERS:
            gpkg.finish_layer(conn, layer, self.bounds.get(layer.name))
        self._write_metadata(conn, now)
        self.step += 1
        self._report("done", "")
        return BuildResult(Path(), dict(self.counts), self.bbox)

    # -- pass 1: relations -------------------------------------------------------------
    def _read_relations(self, path: Path, _index: int) -> Iterable[object]:
        processor = osmium.FileProcessor(str(path), RELATION)
        self.headers.append(_header(processor, path))
        for rel in processor:
            if rel.id in self.relations:
                continue
            tags = {t.k: t.v for t in rel.tags}
            wanted: tuple[Layer, str] | None = None
            level: int | None = None
            if is_admin_boundary(tags):
                level = int(tags["admin_level"])
                wanted = (BOUNDARIES, _admin_kind(level))
            elif tags.get("type") == "multipolygon":
                wanted = area_layer(tags)
            if wanted is None:
                continue
            assert isinstance(rel, osmium.osm.Relation)
            outer = [m.ref for m in rel.members if m.type == "w" and m.role != "inner"]
            inner = [m.ref for m in rel.members if m.type == "w" and m.role == "inner"]
            self.relations[rel.id] = _Relation(
                wanted[0], rel.id, wanted[1], display_name(tags), level, outer, inner
            )
            self.member_ways.update(outer)
            self.member_ways.update(inner)
            yield rel

    # -- pass 2: nodes -------------------------------------------------------------------
    def _read_nodes(self, path: Path, index: int) -> Iterable[object]:
        processor = (
            osmium.FileProcessor(str(path), NODE)
            .with_locations(self.locations[index])  # type: ignore[arg-type]  # takes a table too
            .with_filter(osmium.filter.KeyFilter(*_POINT_KEYS))
        )
        for node in processor:
            assert isinstance(node, osmium.osm.Node)
            if node.id in self.seen_nodes or not node.location.valid():
                continue
            lon, lat = node.location.lon, node.location.lat
            if not self.bbox.contains(lon, lat):
                continue
            tags = {t.k: t.v for t in node.tags}
            self._add_point(node.id, Point(lon, lat), tags)
            yield node

    def _add_point(self, osm_id: int, point: Point, tags: dict[str, str]) -> None:
        name = display_name(tags)
        place = tags.get("place", "")
        if place in PLACE_CLASSES and name:
            self.seen_nodes.add(osm_id)
            self._add(PLACES, point, osm_id, place, name, _population(tags))
            return
        kind = point_class(tags)
        if kind is not None:
            self.seen_nodes.add(osm_id)
            self._add(POINTS, point, osm_id, kind, name)

    # -- pass 3: ways --------------------------------------------------------------------
    def _read_ways(self, path: Path, index: int) -> Iterable[object]:
        # The node pass filled the index: this pass reads ways only and looks locations up.
        locate = osmium.NodeLocationsForWays(self.locations[index])
        locate.ignore_errors()  # a node outside the extract: the way keeps the nodes it has
        with osmium.io.Reader(str(path), WAY) as reader:
            ways: Iterable[osmium.osm.Way] = osmium.OsmFileIterator(reader, locate)  # type: ignore[assignment]
            yield from self._ways_of(ways, path)

    def _ways_of(self, ways: Iterable[osmium.osm.Way], path: Path) -> Iterable[object]:
        count = 0
        for way in ways:
            count += 1
            if count % _REPORT_EVERY == 0:
                self._report("ways", path.name, count)
            member = way.id in self.member_ways
            tags = {t.k: t.v for t in way.tags} if len(way.tags) else {}
            kind = _way_kind(tags) if tags else None
            if kind is None and not member:
                continue
            coords = self._coords(way)
            if len(coords) < 2:
                continue
            if member and way.id not in self.member_lines:
                self.member_lines[way.id] = LineString(coords)
            if kind is None or way.id in self.seen_ways:
                continue
            xs = [c[0] for c in coords]
            ys = [c[1] for c in coords]
            if not self.bbox.intersects(min(xs), min(ys), max(xs), max(ys)):
                continue
            self.seen_ways.add(way.id)
            self._add_way(way.id, coords, tags, kind, way.is_closed())
            yield way

    def _coords(self, way: osmium.osm.Way) -> list[tuple[float, float]]:
        """The way's node positions; one its own extract lacks is looked up in the others."""
        coords = []
        for node in way.nodes:
            location: osmium.osm.Location | None = node.location
            if location is None or not location.valid():
                location = self._elsewhere(node.ref)
            if location is not None:
                coords.append((location.lon, location.lat))
        return coords

    def _elsewhere(self, ref: int) -> osmium.osm.Location | None:
        for index in self.locations:
            try:
                location = index.get(ref)
            except KeyError:
                continue
            if location.valid():
                return location
        return None

    def _add_way(
        self,
        osm_id: int,
        coords: list[tuple[float, float]],
        tags: dict[str, str],
        kind: tuple[Layer, str],
        closed: bool,
    ) -> None:
        layer, klass = kind
        name = display_name(tags)
        if layer.geometry_type == "MULTIPOLYGON":
            if not closed or len(coords) < 4:
                return
            self._add(layer, shapely.make_valid(Polygon(coords)), osm_id, klass, name)
        elif layer is ROADS:
            self._add(layer, LineString(coords), osm_id, klass, name, road_ref(tags))
        else:
            self._add(layer, LineString(coords), osm_id, klass, name)

    # -- relations, assembled --------------------------------------------------------------
    def _assemble_relations(self) -> None:
        for rel in self.relations.values():
            outer = [self.member_lines[i] for i in rel.outer if i in self.member_lines]
            if not outer:
                continue
            minx, miny, maxx, maxy = shapely.total_bounds(outer)
            if not self.bbox.intersects(minx, miny, maxx, maxy):
                continue
            area = shapely.union_all(list(shapely.polygonize(outer).geoms))
            inner = [self.member_lines[i] for i in rel.inner if i in self.member_lines]
            if inner:
                area = area.difference(shapely.union_all(list(shapely.polygonize(inner).geoms)))
            if rel.layer is BOUNDARIES:
                self._add(rel.layer, area, rel.osm_id, rel.kind, rel.name, rel.admin_level)
            else:
                self._add(rel.layer, area, rel.osm_id, rel.kind, rel.name)
        self.member_lines.clear()

    # -- writing ---------------------------------------------------------------------------
    def _add(self, layer: Layer, geom: BaseGeometry, *values: object) -> None:
        b = self.bbox
        minx, miny, maxx, maxy = geom.bounds
        inside = b.west <= minx and maxx <= b.east and b.south <= miny and maxy <= b.north
        if layer.geometry_type != "POINT" and not inside:
            geom = shapely.clip_by_rect(geom, b.west, b.south, b.east, b.north)
        shaped = _as_type(geom, layer.geometry_type)
        if shaped is None:
            return
        minx, miny, maxx, maxy = shaped.bounds
        self.counts[layer.name] += 1
        fid = self.counts[layer.name]
        rows = self.rows[layer.name]
        rows.append((fid, encode(shaped), *values))
        self.boxes[layer.name].append((fid, minx, maxx, miny, maxy))
        old = self.bounds.get(layer.name)
        self.bounds[layer.name] = (
            (minx, miny, maxx, maxy)
            if old is None
            else (min(old[0], minx), min(old[1], miny), max(old[2], maxx), max(old[3], maxy))
        )
        if len(rows) >= _BATCH:
            self._flush(layer)

    def _flush(self, layer: Layer) -> None:
        rows = self.rows[layer.name]
        if rows:
            gpkg.insert(self.conn, layer, rows, self.boxes[layer.name])
            rows.clear()
            self.boxes[layer.name].clear()

    def _flush_all(self) -> None:
        for layer in ALL_LAYERS:
            self._flush(layer)

    def _write_metadata(self, conn: sqlite3.Connection, now: datetime) -> None:
        record = {
            "generator": "situation-room mapkit build",
            "built_at": now.astimezone(UTC).isoformat(timespec="seconds"),
            "bbox": self.bbox.as_list(),
            "attribution": ATTRIBUTION,
            "license": LICENSE,
            "sources": self.headers,
            "counts": self.counts,
        }
        gpkg.add_metadata(conn, ATTRIBUTION_URI, "text/plain", ATTRIBUTION)
        gpkg.add_metadata(conn, KIT_METADATA_URI, "application/json", json.dumps(record))


def _read(path: Path, index: int, reader: Callable[[Path, int], Iterable[object]]) -> None:
    try:
        for _ in reader(path, index):
            pass
    except (RuntimeError, OSError, ValueError) as exc:
        # pyosmium reports a damaged or foreign file as a RuntimeError from libosmium.
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise MapKitUnavailable(f"{path}: not a readable OpenStreetMap extract ({text})") from None


def _header(processor: osmium.FileProcessor, path: Path) -> dict[str, str]:
    header = processor.header
    stamp = header.get("osmosis_replication_timestamp", "") or header.get("timestamp", "")
    return {"file": path.name, "timestamp": stamp}


def _way_kind(tags: dict[str, str]) -> tuple[Layer, str] | None:
    klass = road_class(tags)
    if klass is not None and tags.get("area") != "yes":
        return ROADS, klass
    rail = RAIL_CLASSES.get(tags.get("railway", ""))
    if rail is not None:
        return RAILWAYS, rail
    water = WATERWAY_CLASSES.get(tags.get("waterway", ""))
    if water is not None:
        return WATERWAYS, water
    if tags.get("area") == "no":
        return None
    return area_layer(tags)


def _admin_kind(level: int) -> str:
    return {2: "country", 4: "region", 6: "province"}.get(level, "district")


def _population(tags: dict[str, str]) -> int | None:
    text = tags.get("population", "").replace(",", "").replace(" ", "").replace(".", "")
    return int(text) if text.isdigit() else None


def _as_type(geom: BaseGeometry, geometry_type: str) -> BaseGeometry | None:
    """``geom`` as the layer's declared type (clipping may split or collapse it), or None."""
    if geom.is_empty:
        return None
    if geometry_type == "POINT":
        return geom if isinstance(geom, Point) else None
    parts = list(getattr(geom, "geoms", [geom]))
    if geometry_type == "MULTILINESTRING":
        lines = [p for p in _flatten(parts) if isinstance(p, LineString) and not p.is_empty]
        return MultiLineString(lines) if lines else None
    polygons = [p for p in _flatten(parts) if isinstance(p, Polygon) and not p.is_empty]
    return MultiPolygon(polygons) if polygons else None


def _flatten(parts: list[BaseGeometry]) -> Iterable[BaseGeometry]:
    for part in parts:
        inner = getattr(part, "geoms", None)
        if inner is not None:
            yield from _flatten(list(inner))
        else:
            yield part
