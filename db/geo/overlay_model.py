"""What an imported overlay is made of: styled Point, LineString and Polygon features.

The KML and GeoJSON readers both produce these, the store keeps them, and the map panel draws
them, so there is one shape for all three. Coordinates are WGS84 ``(lon, lat)`` pairs, altitude
dropped (the map is flat). ``Feature.coords`` has one shape per geometry type:

- ``Point``: a tuple holding one pair, ``((lon, lat),)``;
- ``LineString``: a tuple of pairs, ``((lon, lat), (lon, lat), ...)``;
- ``Polygon``: a tuple of rings, outer ring first, holes after; each ring a closed tuple of pairs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Limits that keep a hostile or mistaken file from exhausting memory or the map's frame budget.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FEATURES = 100_000
# Positions in one file: more than a map needs (a border at 10 m is ~100,000), and few enough that
# the largest file allowed is read within 300 MB (tests/perf/bench_overlay_memory.py).
MAX_VERTICES = 1_000_000
MAX_NESTING = 100  # folders in folders, geometries in collections
MAX_PROBLEMS = 50  # stop collecting after this many: the operator fixes the first ones first

# Drawn when the file says nothing: a magenta that no basemap or operational layer uses.
DEFAULT_STROKE = "#d81b60"
DEFAULT_WIDTH_PX = 2.0
DEFAULT_FILL_ALPHA = 0.25

Coord = tuple[float, float]


@dataclass(frozen=True)
class Style:
    """How a feature is drawn. Colours are ``#rrggbb``; alphas run 0 (invisible) to 1 (opaque).

    For a Point, ``stroke`` is the marker colour. ``fill`` is None when a polygon is not filled.
    """

    stroke: str = DEFAULT_STROKE
    stroke_alpha: float = 1.0
    width: float = DEFAULT_WIDTH_PX
    fill: str | None = None
    fill_alpha: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "stroke": self.stroke,
            "stroke_alpha": self.stroke_alpha,
            "width": self.width,
            "fill": self.fill,
            "fill_alpha": self.fill_alpha,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Style:
        return cls(
            stroke=data.get("stroke", DEFAULT_STROKE),
            stroke_alpha=float(data.get("stroke_alpha", 1.0)),
            width=float(data.get("width", DEFAULT_WIDTH_PX)),
            fill=data.get("fill"),
            fill_alpha=float(data.get("fill_alpha", 0.0)),
        )


@dataclass(frozen=True)
class Feature:
    """One drawable part of an overlay (a KML MultiGeometry becomes several, same properties)."""

    id: str
    geometry_type: str
    coords: tuple[Any, ...]
    name: str = ""
    properties: dict[str, Any] = field(default_factory=dict, hash=False)
    style: Style = field(default_factory=Style)
    folder: str = ""

    def positions(self) -> list[Coord]:
        """Every (lon, lat) of the feature, rings flattened: for extents and hit tests."""
        if self.geometry_type == "Polygon":
            return [p for ring in self.coords for p in ring]
        return list(self.coords)


@dataclass(frozen=True)
class Overlay:
    """A named, read-only layer imported from a file.

    ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``. ``skipped`` counts placemarks or
    features of the file that had nothing to draw (no geometry, 3-D models, null geometry).
    """

    id: str
    name: str
    feature_count: int
    bbox: tuple[float, float, float, float]
    imported_at: datetime
    source_file: str
    skipped: int = 0


@dataclass
class Parsed:
    """What a reader made of a file, before anything is stored (ids still empty)."""

    features: list[Feature] = field(default_factory=list)
    skipped: int = 0
    vertices: int = 0


def position_problem(lon: float, lat: float) -> str | None:
    """Why ``(lon, lat)`` is not a WGS84 position, or None when it is one."""
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return "coordinates must be finite numbers"
    if not -180.0 <= lon <= 180.0:
        return f"longitude {lon:g} is outside -180..180"
    if not -90.0 <= lat <= 90.0:
        return f"latitude {lat:g} is outside -90..90 (are longitude and latitude swapped?)"
    return None


def shape_problem(geometry_type: str, coords: tuple[Any, ...]) -> str | None:
    """Why ``coords`` cannot be drawn as ``geometry_type``, or None."""
    if geometry_type == "Point":
        return None if len(coords) == 1 else "a point needs exactly one position"
    if geometry_type == "LineString":
        return None if len(coords) >= 2 else "a line needs at least two positions"
    for ring in coords:
        if len(set(ring)) < 3:
            return "a polygon ring needs at least three distinct positions"
    return None if coords else "a polygon needs an outer ring"


def close_ring(ring: list[Coord]) -> tuple[Coord, ...]:
    """A ring whose last position repeats its first (some tools leave rings open)."""
    if ring and ring[0] != ring[-1]:
        ring = [*ring, ring[0]]
    return tuple(ring)


def bbox_of(features: list[Feature]) -> tuple[float, float, float, float]:
    lons: list[float] = []
    lats: list[float] = []
    for f in features:
        for lon, lat in f.positions():
            lons.append(lon)
            lats.append(lat)
    return (min(lons), min(lats), max(lons), max(lats))


def color_hex(red: int, green: int, blue: int) -> str:
    return f"#{red:02x}{green:02x}{blue:02x}"
