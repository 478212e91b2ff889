"""Projection, grid references and the shipped offline basemap, with no Qt.

The map panel, the offscreen briefing render and the command line must agree to the metre on
where a point is drawn and how its coordinates are read out, so the maths lives here once and is
tested without a display. Web Mercator (EPSG:3857) is the map's plane because operators' raster
tiles use it; UTM is what field reports quote; degrees-minutes-seconds is what radio traffic uses.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

# Web Mercator treats the WGS84 ellipsoid as a sphere of its semi-major axis.
EARTH_RADIUS_M = 6378137.0
ORIGIN_SHIFT_M = math.pi * EARTH_RADIUS_M  # half the world's width in EPSG:3857 metres
MAX_MERCATOR_LAT = 85.0511287798066  # the latitude where the square world ends
MEAN_EARTH_RADIUS_M = 6371008.8  # IUGG mean radius: the best single sphere for distances
ATTRIBUTION = "© GeoNames (CC BY 4.0), Natural Earth"
# Douglas–Peucker tolerances (Mercator metres) of the basemap's detail levels; level 0 is full.
LOD_TOLERANCES_M: tuple[float, ...] = (0.0, 150.0, 600.0, 2400.0)

Coord = tuple[float, float]


# --- Web Mercator ---------------------------------------------------------------------------
def lonlat_to_mercator(lon: float, lat: float) -> tuple[float, float]:
    """EPSG:3857 metres of a WGS84 point; latitude is clamped to the square world's edge."""
    lat = max(-MAX_MERCATOR_LAT, min(MAX_MERCATOR_LAT, lat))
    x = EARTH_RADIUS_M * math.radians(lon)
    y = EARTH_RADIUS_M * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return x, y


def mercator_to_lonlat(x: float, y: float) -> tuple[float, float]:
    """WGS84 (lon, lat) of EPSG:3857 metres: the exact inverse of ``lonlat_to_mercator``."""
    lon = math.degrees(x / EARTH_RADIUS_M)
    lat = math.degrees(2 * math.atan(math.exp(y / EARTH_RADIUS_M)) - math.pi / 2)
    return lon, lat


def lonlat_to_mercator_np(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised ``lonlat_to_mercator``: thousands of markers are projected in one call."""
    lat = np.clip(np.asarray(lat, dtype=np.float64), -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT)
    x = EARTH_RADIUS_M * np.radians(np.asarray(lon, dtype=np.float64))
    y = EARTH_RADIUS_M * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))
    return x, y


def mercator_to_lonlat_np(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised ``mercator_to_lonlat``."""
    lon = np.degrees(np.asarray(x, dtype=np.float64) / EARTH_RADIUS_M)
    y = np.asarray(y, dtype=np.float64)
    lat = np.degrees(2 * np.arctan(np.exp(y / EARTH_RADIUS_M)) - np.pi / 2)
    return lon, lat


# --- Slippy tiles -----------------------------------------------------------------------------
def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    """XYZ tile (x, y) holding a point at zoom ``z`` (y counts down from the north edge)."""
    n = 2**z
    lat = max(-MAX_MERCATOR_LAT, min(MAX_MERCATOR_LAT, lat))
    x = math.floor((lon + 180.0) / 360.0 * n)
    y = math.floor((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tile_bounds_mercator(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(min_x, min_y, max_x, max_y) in EPSG:3857 metres of XYZ tile (z, x, y)."""
    size = 2 * ORIGIN_SHIFT_M / 2**z
    min_x = -ORIGIN_SHIFT_M + x * size
    max_y = ORIGIN_SHIFT_M - y * size
    return min_x, max_y - size, min_x + size, max_y


def tms_row(z: int, y: int) -> int:
    """MBTiles stores TMS rows (counted from the south): row = 2^z − 1 − y. Its own inverse."""
    return (1 << z) - 1 - y


def resolution_m_per_px(z: float, tile_size: int = 256) -> float:
    """Mercator metres per screen pixel at zoom ``z`` (fractional zooms allowed)."""
    return 2 * ORIGIN_SHIFT_M / (tile_size * math.pow(2.0, z))


def lod_for_zoom(z: float) -> int:
    """Coarsest basemap detail level whose tolerance stays within one pixel at zoom ``z``."""
    px = resolution_m_per_px(z)
    return max(i for i, tol in enumerate(LOD_TOLERANCES_M) if tol <= px)


# --- UTM (own Transverse Mercator series, Snyder 1987 / USGS PP 1395, eqs. 8-9 to 8-10) -------
_A = 6378137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_EP2 = _E2 / (1 - _E2)
_K0 = 0.9996
_BANDS = "CDEFGHJKLMNPQRSTUVWXX"  # 8° bands from 80° S; X is stretched to 84° N


def utm_zone(lon: float) -> int:
    """Standard 6° zone number (Norway and Svalbard exceptions are not applied)."""
    return min(60, max(1, int((lon + 180.0) // 6) + 1))


def utm_band(lat: float) -> str:
    """Latitude band letter; UTM is undefined beyond 80° S and 84° N."""
    if not -80.0 <= lat <= 84.0:
        raise ValueError(f"latitude {lat} is outside UTM (80° S to 84° N)")
    return _BANDS[int((lat + 80.0) // 8)]


def lonlat_to_utm(lon: float, lat: float, zone: int | None = None) -> tuple[float, float, int, str]:
    """(easting, northing, zone, band) on WGS84, millimetre-accurate within a zone.

    ``zone`` forces a zone (the post quotes everything in 19 south even a little outside it).
    """
    band = utm_band(lat)
    zone = utm_zone(lon) if zone is None else zone
    phi = math.radians(lat)
    lam = math.radians(lon - ((zone - 1) * 6 - 180 + 3))
    sin, cos, tan = math.sin(phi), math.cos(phi), math.tan(phi)
    n = _A / math.sqrt(1 - _E2 * sin * sin)
    t = tan * tan
    c = _EP2 * cos * cos
    a = cos * lam
    e4, e6 = _E2 * _E2, _E2**3
    m = _A * (
        (1 - _E2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi
        - (3 * _E2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * math.sin(2 * phi)
        + (15 * e4 / 256 + 45 * e6 / 1024) * math.sin(4 * phi)
        - (35 * e6 / 3072) * math.sin(6 * phi)
    )
    easting = 500000.0 + _K0 * n * (
        a + (1 - t + c) * a**3 / 6 + (5 - 18 * t + t * t + 72 * c - 58 * _EP2) * a**5 / 120
    )
    northing = _K0 * (
        m
        + n
        * tan
        * (
            a * a / 2
            + (5 - t + 9 * c + 4 * c * c) * a**4 / 24
            + (61 - 58 * t + t * t + 600 * c - 330 * _EP2) * a**6 / 720
        )
    )
    if lat < 0:
        northing += 10_000_000.0  # false northing of the southern hemisphere
    return easting, northing, zone, band


def format_utm(lon: float, lat: float, zone: int | None = None) -> str:
    """Grid reference as the post writes it, to the metre: ``"19K 367557 E 8007829 N"``."""
    easting, northing, zone, band = lonlat_to_utm(lon, lat, zone)
    return f"{zone}{band} {round(easting):06d} E {round(northing):07d} N"


# --- Degrees, minutes, seconds and distance ---------------------------------------------------
def _dms(value: float, positive: str, negative: str) -> str:
    total = round(abs(value) * 3600)  # round once on whole seconds so 59.6″ carries to a minute
    degrees, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{degrees}°{minutes:02d}′{seconds:02d}″ {positive if value >= 0 else negative}"


def format_dms(lat: float, lon: float) -> str:
    """Latitude first, as read over the radio: ``"18°00′50″ S 70°15′04″ W"``."""
    return f"{_dms(lat, 'N', 'S')} {_dms(lon, 'E', 'W')}"


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres; within 0.5 % of the ellipsoid, enough for a readout."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * MEAN_EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


# --- Douglas–Peucker --------------------------------------------------------------------------
def simplification_ranks(coords: Sequence[Coord]) -> list[float]:
    """Per vertex, the largest Douglas–Peucker tolerance at which it survives (ends: infinity).

    DP always splits at the farthest vertex whatever the tolerance, so one pass gives every
    tolerance at once: vertex i is kept at ``tol`` iff ``rank[i] > tol``. The basemap stores
    these as detail levels so the map can thin lines when zoomed out without recomputing.
    """
    n = len(coords)
    ranks = [0.0] * n
    if n == 0:
        return ranks
    ranks[0] = ranks[-1] = math.inf
    pts = np.asarray(coords, dtype=np.float64).reshape(n, 2)
    stack = [(0, n - 1, math.inf)]
    while stack:
        i, j, cap = stack.pop()
        if j <= i + 1:
            continue
        inner = pts[i + 1 : j]
        (ax, ay), (bx, by) = pts[i], pts[j]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        # distance to the segment (not the infinite line), so closed rings (a == b) work too
        t = (
            0.0
            if seg2 == 0
            else np.clip(((inner[:, 0] - ax) * dx + (inner[:, 1] - ay) * dy) / seg2, 0, 1)
        )
        dist = np.hypot(inner[:, 0] - (ax + t * dx), inner[:, 1] - (ay + t * dy))
        k = int(np.argmax(dist))
        rank = min(float(dist[k]), cap)
        ranks[i + 1 + k] = rank
        stack.append((i, i + 1 + k, rank))
        stack.append((i + 1 + k, j, rank))
    return ranks


def simplify(coords: Sequence[Coord], tolerance: float) -> list[Coord]:
    """Douglas–Peucker in the coordinates' own units; the two end points are always kept."""
    ranks = simplification_ranks(coords)
    return [(p[0], p[1]) for p, r in zip(coords, ranks, strict=True) if r > tolerance]


# --- Shipped basemap --------------------------------------------------------------------------
@dataclass(frozen=True)
class BasemapLine:
    """A border (two countries) or coastline (one country) clipped to the region.

    ``lod`` holds, per vertex, the highest detail level (index into LOD_TOLERANCES_M) at which
    the vertex is still drawn; level 0 draws every vertex.
    """

    kind: str  # "border" | "coast"
    countries: tuple[str, ...]
    coords: tuple[Coord, ...]  # (lon, lat)
    lod: tuple[int, ...]

    def at_level(self, level: int) -> tuple[Coord, ...]:
        """The line thinned to detail ``level`` (see ``lod_for_zoom``)."""
        return tuple(c for c, keep in zip(self.coords, self.lod, strict=True) if keep >= level)


@dataclass(frozen=True)
class LandPolygon:
    """One country's land inside the region, for filling land against sea: rings of (lon, lat)."""

    name: str
    polygons: tuple[tuple[tuple[Coord, ...], ...], ...]  # each polygon: outer ring, then holes


@dataclass(frozen=True)
class Place:
    """A GeoNames place; ``rank`` 1 is a regional capital, 2 a provincial one, 3 any other."""

    name: str
    lat: float
    lon: float
    cc: str
    admin1: str
    admin2: str
    rank: int


@dataclass(frozen=True)
class Basemap:
    """Everything the map draws offline, with the attribution it must show."""

    bbox: tuple[float, float, float, float]  # (west, south, east, north) degrees
    lines: tuple[BasemapLine, ...]
    land: tuple[LandPolygon, ...]
    places: tuple[Place, ...]
    attribution: str = ATTRIBUTION

    def borders(self, a: str, b: str) -> tuple[BasemapLine, ...]:
        """The border lines between countries ``a`` and ``b`` (either order)."""
        want = {a, b}
        return tuple(ln for ln in self.lines if ln.kind == "border" and set(ln.countries) == want)


def _ring(coords: list[list[float]]) -> tuple[Coord, ...]:
    return tuple((float(x), float(y)) for x, y in coords)


@lru_cache(maxsize=1)
def load_basemap() -> Basemap:
    """Read the committed files under ``resources/map`` (never the network); cached, immutable."""
    pkg = resources.files("resources.map")
    doc = json.loads(pkg.joinpath("borders.geojson").read_text(encoding="utf-8"))
    lines: list[BasemapLine] = []
    land: list[LandPolygon] = []
    for feat in doc["features"]:
        props, geom = feat["properties"], feat["geometry"]
        if props["kind"] == "land":
            polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
            land.append(LandPolygon(props["name"], tuple(tuple(map(_ring, p)) for p in polys)))
        else:
            names = tuple(props[k] for k in ("a", "b") if props.get(k))
            coords = _ring(geom["coordinates"])
            lod = tuple(int(ch) for ch in props.get("lod", "0" * len(coords)))
            lines.append(BasemapLine(props["kind"], names, coords, lod))
    text = pkg.joinpath("places.csv").read_text(encoding="utf-8")
    places = tuple(
        Place(
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            r["cc"],
            r["admin1"],
            r["admin2"],
            int(r["rank"]),
        )
        for r in csv.DictReader(io.StringIO(text))
    )
    west, south, east, north = doc["bbox"]
    return Basemap((west, south, east, north), tuple(lines), tuple(land), places)
