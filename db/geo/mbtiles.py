"""Raster basemaps from MBTiles 1.3 files, the way field teams carry maps offline.

An MBTiles file is SQLite with a ``metadata`` (name, value) table and a ``tiles`` table or view
(zoom_level, tile_column, tile_row, tile_data). Rows are TMS, counted from the south, so an
XYZ (slippy) address is flipped: ``row = 2^z − 1 − y`` (``db.geo.projection.tms_row``). The file is opened
read-only and never changed. Anything that is not a usable MBTiles file is refused at
``open`` with a ``BasemapUnavailable`` that says why, so the map never sits silently empty.

Threads: a ``sqlite3`` connection stays on the thread that opened it. A tile loader running on
a worker thread opens its own ``MBTiles`` there (opening is cheap: a few small queries).
"""

from __future__ import annotations

import math
import sqlite3
from collections import OrderedDict
from pathlib import Path

from db.errors import BasemapUnavailable
from db.geo.projection import mercator_to_lonlat, tile_bounds_mercator, tms_row
from db.input_path import check_sqlite_input
from db.user_sqlite import open_user_file, too_slow_text, was_stopped

SUPPORTED_FORMATS = ("png", "jpg", "jpeg")
TILE_CACHE_SIZE = 256  # tiles; a 1600×1000 view shows about 40 of 256 px
MAX_ZOOM = 24
TILE_COLUMNS = {"zoom_level", "tile_column", "tile_row", "tile_data"}
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"RIFF", "webp"),
    (b"\x1f\x8b", "pbf"),
)
_REFUSED_FORMATS = {
    "webp": "WebP tiles are not supported: convert them to PNG or JPEG "
    "(e.g. gdal_translate -of MBTiles -co TILE_FORMAT=PNG)",
    "pbf": "this file holds vector tiles (pbf): only raster tiles (PNG or JPEG) can be drawn",
}

Bounds = tuple[float, float, float, float]


class MBTiles:
    """A read-only MBTiles file; ``tile(z, x, y)`` takes XYZ addresses and returns image bytes."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        metadata: dict[str, str],
        tile_format: str,
        minzoom: int,
        maxzoom: int,
        bounds: Bounds,
    ) -> None:
        self._conn = conn
        self.path = path
        self.metadata = metadata
        self.format = tile_format
        self.minzoom = minzoom
        self.maxzoom = maxzoom
        self.bounds = bounds
        self._cache: OrderedDict[tuple[int, int, int], bytes | None] = OrderedDict()
        self.stopped = False  # a tile query ran past the time limit: no more are made

    @property
    def name(self) -> str:
        return self.metadata.get("name") or self.path.stem

    @property
    def attribution(self) -> str:
        return self.metadata.get("attribution", "")

    @classmethod
    def open(cls, path: str | Path, formats: tuple[str, ...] = SUPPORTED_FORMATS) -> MBTiles:
        """Open and check ``path``; ``formats`` lists the tile formats the caller can decode."""
        path = Path(path)
        _check_file(path)
        try:
            conn = open_user_file(path)  # its own schema: every query under a time limit
        except sqlite3.Error as exc:
            raise BasemapUnavailable(f"{path}: cannot be opened ({exc})") from None
        try:
            return cls._checked(conn, path, formats)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if was_stopped(exc):
                raise BasemapUnavailable(f"{path}: refused: {too_slow_text()}") from None
            raise BasemapUnavailable(f"{path}: damaged or not an MBTiles file ({exc})") from None
        except BaseException:
            conn.close()
            raise

    @classmethod
    def _checked(cls, conn: sqlite3.Connection, path: Path, formats: tuple[str, ...]) -> MBTiles:
        names = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name IN ('metadata', 'tiles')"
            )
        }
        if names != {"metadata", "tiles"}:
            raise BasemapUnavailable(
                f"{path}: an SQLite file but not MBTiles (no 'metadata' and 'tiles' tables)"
            )
        columns = {row[1] for row in conn.execute("PRAGMA table_info(tiles)")}
        if not columns >= TILE_COLUMNS:
            missing = ", ".join(sorted(TILE_COLUMNS - columns))
            raise BasemapUnavailable(f"{path}: the tiles table lacks {missing}")
        metadata = {str(k): str(v) for k, v in conn.execute("SELECT name, value FROM metadata")}
        first = conn.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
        if first is None:
            raise BasemapUnavailable(f"{path}: the file holds no tiles")
        tile_format = _format(metadata.get("format", ""), first[0], path)
        if tile_format not in formats:
            reason = _REFUSED_FORMATS.get(tile_format, f"tiles in {tile_format!r} cannot be drawn")
            raise BasemapUnavailable(f"{path}: {reason}")
        minzoom, maxzoom = _zooms(conn, metadata, path)
        bounds = _bounds(metadata.get("bounds", "")) or _tile_bounds(conn, minzoom)
        return cls(conn, path, metadata, tile_format, minzoom, maxzoom, bounds)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The image bytes of XYZ tile (z, x, y), or None where the file has no tile."""
        key = (z, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        data = self._read(z, x, y)
        self._cache[key] = data
        if len(self._cache) > TILE_CACHE_SIZE:
            self._cache.popitem(last=False)
        return data

    def _read(self, z: int, x: int, y: int) -> bytes | None:
        if self.stopped or not (0 <= z <= MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z):
            return None
        try:
            row = self._conn.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                "AND tile_row = ?",
                (z, x, tms_row(z, y)),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            # A query that loops would cost every tile the whole time limit: one is enough.
            self.stopped = was_stopped(exc)
            return None  # a damaged page loses the tiles on it, not the whole map
        if row is None or not isinstance(row[0], bytes):
            return None
        return row[0]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> MBTiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_file(path: Path) -> None:
    check_sqlite_input(
        path, "file", refuse=BasemapUnavailable,
        not_it="not an MBTiles file (not an SQLite database)",
    )  # fmt: skip


def _format(declared: str, sample: object, path: Path) -> str:
    value = declared.strip().lower()
    if value:
        return value
    # MBTiles 1.3 requires "format"; older files leave it out, so look at a tile.
    data = sample if isinstance(sample, bytes) else b""
    for magic, name in _MAGIC:
        if data.startswith(magic) and (name != "webp" or data[8:12] == b"WEBP"):
            return name
    raise BasemapUnavailable(f"{path}: the tile format is not stated and not recognised")


def _zooms(conn: sqlite3.Connection, metadata: dict[str, str], path: Path) -> tuple[int, int]:
    try:
        low, high = int(metadata["minzoom"]), int(metadata["maxzoom"])
    except (KeyError, ValueError):
        low, high = conn.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
    if not (isinstance(low, int) and isinstance(high, int) and 0 <= low <= high <= MAX_ZOOM):
        raise BasemapUnavailable(f"{path}: zoom levels {low}..{high} are not usable")
    return low, high


def _bounds(text: str) -> Bounds | None:
    """``left,bottom,right,top`` in degrees, or None if absent or not four sane numbers."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        return None
    if -180 <= west < east <= 180 and -90 <= south < north <= 90:
        return west, south, east, north
    return None


def _tile_bounds(conn: sqlite3.Connection, zoom: int) -> Bounds:
    """The extent of the tiles at ``zoom`` (the coarsest level has the fewest to scan)."""
    min_col, max_col, min_row, max_row = conn.execute(
        "SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) FROM tiles "
        "WHERE zoom_level = ?",
        (zoom,),
    ).fetchone()
    if not all(isinstance(v, int) for v in (min_col, max_col, min_row, max_row)):
        return (-180.0, -85.0511287798066, 180.0, 85.0511287798066)
    # TMS rows count from the south: the highest row is the northernmost tile.
    west, _, _, north = tile_bounds_mercator(zoom, min_col, tms_row(zoom, max_row))
    _, south, east, _ = tile_bounds_mercator(zoom, max_col, tms_row(zoom, min_row))
    lon_w, lat_n = mercator_to_lonlat(west, north)
    lon_e, lat_s = mercator_to_lonlat(east, south)
    return (lon_w, lat_s, lon_e, lat_n)
