"""Raster basemaps from MBTiles: tiles land at their XYZ address, bad files are refused clearly."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest

from db.errors import BasemapUnavailable, SituationRoomError
from db.geo.mbtiles import TILE_CACHE_SIZE, MBTiles
from db.geo.projection import lonlat_to_tile, tms_row


# --- a tiny PNG writer and reader (db/ and these tests need no Qt) ---------------------------
def png(rgb: tuple[int, int, int], size: int = 8) -> bytes:
    """A solid-colour RGB PNG."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def png_colour(data: bytes) -> tuple[int, int, int]:
    """The first pixel of a PNG written by ``png`` (filter 0, RGB 8-bit)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat = 8, b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        tag = data[at + 4 : at + 8]
        if tag == b"IDAT":
            idat += data[at + 8 : at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(idat)
    return raw[1], raw[2], raw[3]


def colour_of(z: int, x: int, y: int) -> tuple[int, int, int]:
    """A distinct colour for each XYZ tile address: what the test expects to find there."""
    return (z * 40 % 256, x * 16 % 256, y * 16 % 256)


def make_mbtiles(
    path: Path,
    *,
    zooms: range = range(0, 3),
    metadata: dict[str, str] | None = None,
    tiles: list[tuple[int, int, int, bytes]] | None = None,
) -> Path:
    """An MBTiles 1.3 file; by default every tile of ``zooms`` coloured by its XYZ address."""
    meta = {"name": "prueba", "format": "png", "minzoom": str(zooms.start)}
    meta |= {"maxzoom": str(zooms.stop - 1), "bounds": "-180,-85,180,85"}
    meta |= {"attribution": "© OpenStreetMap contributors"}
    if metadata is not None:
        meta = metadata
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
        "tile_data BLOB)"
    )
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    if tiles is None:
        tiles = [
            (z, x, tms_row(z, y), png(colour_of(z, x, y)))
            for z in zooms
            for x in range(2**z)
            for y in range(2**z)
        ]
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", tiles)
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def basemap(tmp_path):
    with MBTiles.open(make_mbtiles(tmp_path / "base.mbtiles")) as mb:
        yield mb


def test_each_tile_lands_at_its_xyz_address(basemap):
    for z in range(3):
        for x in range(2**z):
            for y in range(2**z):
                assert png_colour(basemap.tile(z, x, y)) == colour_of(z, x, y), (z, x, y)


def test_rows_are_flipped_from_tms(tmp_path):
    # One red tile stored at TMS row 0 (the southern row) at zoom 1: XYZ y = 1.
    red = png((255, 0, 0))
    path = make_mbtiles(
        tmp_path / "sur.mbtiles",
        zooms=range(1, 2),
        tiles=[(1, 0, 0, red)],
    )
    with MBTiles.open(path) as mb:
        assert mb.tile(1, 0, 1) == red
        assert mb.tile(1, 0, 0) is None


def test_a_tile_over_tacna_is_found_by_the_point_it_covers(tmp_path):
    z = 12
    x, y = lonlat_to_tile(-70.2480, -18.0146, z)  # Plaza de Armas de Tacna
    green = png((0, 200, 0))
    path = make_mbtiles(
        tmp_path / "tacna.mbtiles", zooms=range(z, z + 1), tiles=[(z, x, tms_row(z, y), green)]
    )
    with MBTiles.open(path) as mb:
        assert png_colour(mb.tile(z, x, y)) == (0, 200, 0)
        assert mb.tile(z, x, y + 1) is None
        assert mb.minzoom == mb.maxzoom == z


def test_metadata_bounds_zooms_format_attribution(basemap):
    assert basemap.format == "png"
    assert (basemap.minzoom, basemap.maxzoom) == (0, 2)
    assert basemap.bounds == (-180.0, -85.0, 180.0, 85.0)
    assert basemap.attribution == "© OpenStreetMap contributors"
    assert basemap.name == "prueba"
    assert basemap.metadata["name"] == "prueba"


def test_missing_metadata_is_derived_from_the_tiles(tmp_path):
    z = 10
    x, y = lonlat_to_tile(-70.25, -18.01, z)
    tiles = [
        (z, x, tms_row(z, y), png((1, 2, 3))),
        (z + 1, 2 * x, tms_row(z + 1, 2 * y), png((4, 5, 6))),
    ]
    path = make_mbtiles(tmp_path / "viejo.mbtiles", metadata={}, tiles=tiles)
    with MBTiles.open(path) as mb:
        assert mb.format == "png"  # sniffed from the first tile
        assert (mb.minzoom, mb.maxzoom) == (z, z + 1)
        west, south, east, north = mb.bounds
        assert west <= -70.25 <= east and south <= -18.01 <= north
        assert east - west == pytest.approx(360 / 2**z)
        assert mb.name == "viejo"


def test_tiles_as_a_view_over_map_and_images(tmp_path):
    # The deduplicating layout many tools write: tiles is a view joining map and images.
    path = tmp_path / "vista.mbtiles"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE metadata (name TEXT, value TEXT);
        CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
        CREATE TABLE images (tile_id TEXT, tile_data BLOB);
        CREATE VIEW tiles AS SELECT map.zoom_level, map.tile_column, map.tile_row,
            images.tile_data FROM map JOIN images ON map.tile_id = images.tile_id;
        INSERT INTO metadata VALUES ('name', 'vista'), ('format', 'jpg');
        INSERT INTO map VALUES (0, 0, 0, 'a');
        """
    )
    jpeg = b"\xff\xd8\xff\xe0fake-jpeg"
    conn.execute("INSERT INTO images VALUES ('a', ?)", (jpeg,))
    conn.commit()
    conn.close()
    with MBTiles.open(path) as mb:
        assert mb.format == "jpg"
        assert mb.tile(0, 0, 0) == jpeg


def test_missing_and_out_of_range_tiles_are_none(basemap):
    assert basemap.tile(3, 0, 0) is None
    assert basemap.tile(1, 2, 0) is None
    assert basemap.tile(1, -1, 0) is None
    assert basemap.tile(-1, 0, 0) is None
    assert basemap.tile(40, 0, 0) is None


def test_cache_keeps_recent_tiles_and_stays_bounded(basemap):
    first = basemap.tile(2, 1, 1)
    assert basemap.tile(2, 1, 1) is first  # served from the cache
    for i in range(TILE_CACHE_SIZE):
        basemap.tile(20, i, 0)
    again = basemap.tile(2, 1, 1)  # evicted by the newer tiles: read from the file again
    assert again is not first and again == first


def test_the_file_is_never_modified(tmp_path):
    path = make_mbtiles(tmp_path / "intacto.mbtiles")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with MBTiles.open(path) as mb:
        mb.tile(1, 1, 1)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["intacto.mbtiles"]


# --- refusals -------------------------------------------------------------------------------
def refusal(path: Path) -> str:
    with pytest.raises(BasemapUnavailable) as info:
        MBTiles.open(path)
    assert isinstance(info.value, SituationRoomError)
    assert str(path) in str(info.value)
    return str(info.value)


def test_refuses_a_folder(tmp_path):
    assert "not a file" in refusal(tmp_path)


def test_refuses_a_missing_file(tmp_path):
    assert "no such file" in refusal(tmp_path / "nada.mbtiles")


def test_refuses_an_empty_file(tmp_path):
    path = tmp_path / "vacio.mbtiles"
    path.touch()
    assert "empty" in refusal(path)


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "mapa.mbtiles"
    path.write_bytes(png((0, 0, 0)))
    assert "not an SQLite database" in refusal(path)


def test_refuses_sqlite_without_mbtiles_tables(tmp_path, store):
    # A Situation Room database picked by mistake in the file dialog.
    assert "not MBTiles" in refusal(store.path)


def test_refuses_tiles_table_without_the_columns(tmp_path):
    path = tmp_path / "columnas.mbtiles"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE metadata (name, value); CREATE TABLE tiles (z, x, y, data);")
    conn.close()
    assert "lacks tile_column, tile_data, tile_row, zoom_level" in refusal(path)


def test_refuses_a_file_with_no_tiles(tmp_path):
    path = make_mbtiles(tmp_path / "sin.mbtiles", tiles=[])
    assert "holds no tiles" in refusal(path)


@pytest.mark.parametrize(
    ("fmt", "data", "expected"),
    [
        ("webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP tiles are not supported"),
        ("pbf", b"\x1f\x8bvector", "vector tiles"),
        ("tiff", b"II*\x00", "'tiff' cannot be drawn"),
    ],
)
def test_refuses_formats_the_map_cannot_draw(tmp_path, fmt, data, expected):
    path = make_mbtiles(
        tmp_path / f"{fmt}.mbtiles",
        metadata={"name": "x", "format": fmt},
        tiles=[(0, 0, 0, data)],
    )
    assert expected in refusal(path)


def test_webp_sniffed_when_format_is_missing(tmp_path):
    path = make_mbtiles(
        tmp_path / "webp.mbtiles", metadata={}, tiles=[(0, 0, 0, b"RIFF\x00\x00\x00\x00WEBPVP8 ")]
    )
    assert "WebP" in refusal(path)
    with MBTiles.open(path, formats=("png", "webp")) as mb:  # a caller that can decode WebP
        assert mb.format == "webp"


def test_refuses_a_damaged_sqlite_file(tmp_path):
    path = make_mbtiles(tmp_path / "roto.mbtiles")
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # keep the header, wreck every page
    path.write_bytes(bytes(data))
    assert "damaged or not an MBTiles file" in refusal(path)


def test_refuses_unusable_zoom_levels(tmp_path):
    path = make_mbtiles(
        tmp_path / "zoom.mbtiles",
        metadata={"name": "x", "format": "png"},
        tiles=[(99, 0, 0, png((0, 0, 0)))],
    )
    assert "zoom levels" in refusal(path)
