"""Field maps on the map: an MBTiles raster under the vector layers, imported overlays."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from db.geo import projection as geo
from tests.map_fixtures import near, panel_for, pixel, view_image

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, demo):
    yield from panel_for(qtbot, demo)


Z = 12
POINT = (-70.20, -18.10)  # inland Peru, between Tacna and the border


def _png(colour: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _mbtiles(path, tiles: dict[tuple[int, int, int], str]) -> None:
    """A minimal MBTiles 1.3 file: XYZ addresses given, TMS rows stored."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
    )
    zooms = [z for z, _, _ in tiles]
    conn.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [
            ("name", "Test field map"),
            ("format", "png"),
            ("minzoom", str(min(zooms))),
            ("maxzoom", str(max(zooms))),
            ("attribution", "Test tiles © field team"),
        ],
    )
    for (z, x, y), colour in tiles.items():
        conn.execute(
            "INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, geo.tms_row(z, y), _png(colour))
        )
    conn.commit()
    conn.close()


def _tile_px_rect(panel, z, x, y):
    frame = panel.view.frame()
    min_x, min_y, max_x, max_y = geo.tile_bounds_mercator(z, x, y)
    left, top = frame.to_px(min_x, max_y)
    right, bottom = frame.to_px(max_x, min_y)
    return left, top, right, bottom


@pytest.mark.parametrize("zoom", [12.0, 12.6])
def test_a_tile_lands_where_its_address_says(qtbot, panel, tmp_path, zoom):
    x, y = geo.lonlat_to_tile(*POINT, Z)
    path = tmp_path / "field.mbtiles"
    _mbtiles(path, {(Z, x, y): "#ff0000"})
    assert panel.open_basemap(path)
    min_x, min_y, max_x, max_y = geo.tile_bounds_mercator(Z, x, y)
    centre = geo.mercator_to_lonlat((min_x + max_x) / 2, (min_y + max_y) / 2)
    panel.view.set_view(*centre, zoom)
    panel.layers["places"].setVisible(False)  # keep labels off the pixels we read
    image = view_image(panel)
    left, top, right, bottom = _tile_px_rect(panel, Z, x, y)
    red = "#ff0000"
    assert near(pixel(image, (left + right) / 2, (top + bottom) / 2), red, 10)
    for cx, cy in ((left, top), (right, top), (left, bottom), (right, bottom)):
        inside = (cx + (3 if cx == left else -3), cy + (3 if cy == top else -3))
        outside = (cx + (-3 if cx == left else 3), cy + (-3 if cy == top else 3))
        assert near(pixel(image, *inside), red, 10), (cx, cy)
        assert not near(pixel(image, *outside), red, 60), (cx, cy)  # missing tiles stay blank
    assert "Raster basemap: Test field map" in panel.layer_list.items["raster"].text(0)
    assert "Test tiles © field team" in panel.attribution


def test_vector_layers_stay_above_the_raster(qtbot, panel, tmp_path):
    x, y = geo.lonlat_to_tile(-70.31, -18.33, 10)  # the tile holding the crossings
    path = tmp_path / "border.mbtiles"
    _mbtiles(path, {(10, x, y): "#00ff00"})
    assert panel.open_basemap(path)
    panel.view.set_view(-70.30, -18.33, 10.0)
    image = view_image(panel)
    green = sum(
        near(pixel(image, px, py), "#00ff00", 10)
        for px in range(0, image.width(), 8)
        for py in range(0, image.height(), 8)
    )
    assert green > 100
    from tests.map_fixtures import count_colour

    assert count_colour(image, panel.style.main_border) > 100  # the border is drawn over it


@pytest.mark.parametrize(
    "content",
    [b"this is not a map at all", b"", b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["text", "empty", "broken-sqlite"],
)
def test_a_bad_basemap_gets_a_clear_message_and_no_crash(qtbot, panel, tmp_path, content):
    path = tmp_path / "not-a-map.mbtiles"
    path.write_bytes(content)
    assert not panel.open_basemap(path)
    box = panel.editing.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "not-a-map.mbtiles" in box.text()
    box.close()
    assert panel.tiles_item.source is None
    assert not view_image(panel).isNull() and panel.ready


def test_an_sqlite_file_that_is_not_mbtiles(qtbot, panel, tmp_path):
    path = tmp_path / "other.mbtiles"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (a)")
    conn.commit()
    conn.close()
    assert not panel.open_basemap(path)
    assert "not MBTiles" in panel.editing.message.text()


def test_imported_overlay_is_drawn_toggled_and_removed(qtbot, panel, tmp_path):
    ring = [
        [-70.16, -18.06],
        [-70.10, -18.06],
        [-70.10, -18.10],
        [-70.16, -18.10],
        [-70.16, -18.06],
    ]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name": "Zona de búsqueda",
                    "fill": "#0000ff",
                    "fill-opacity": 0.9,
                    "stroke": "#0000ff",
                },
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        ],
    }
    path = tmp_path / "zona.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert panel.import_overlay(path)
    root = panel.layer_list.overlays_root
    assert root.childCount() == 1 and "1 features" in root.child(0).text(0)
    panel.view.set_view(-70.13, -18.08, 13)
    centre = panel.view.frame().lonlat_to_px(-70.13, -18.08)
    before = pixel(view_image(panel), *centre)
    assert before.blue() > 150 and before.red() < 120
    root.child(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert pixel(view_image(panel), *centre).red() > 150  # the land shows again
    panel.layer_list.overlayRemoveRequested.emit(
        root.child(0).data(0, Qt.ItemDataRole.UserRole + 1)
    )
    dialog = panel.editing.dialog
    qtbot.keyClicks(dialog.reason, "zona ya rastreada")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert root.childCount() == 0


def test_a_malformed_overlay_gets_a_message_and_nothing_stored(qtbot, panel, tmp_path):
    path = tmp_path / "roto.kml"
    path.write_text("<kml><Document><Placemark>", encoding="utf-8")
    assert not panel.import_overlay(path)
    assert "roto.kml" in panel.editing.message.text()
    assert panel.layer_list.overlays_root.childCount() == 0
