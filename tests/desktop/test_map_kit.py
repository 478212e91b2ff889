"""A map kit on the map: its roads drawn where they run, its layers listed, kept per database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.geo import projection as geo
from db.geo.mapkit.bbox import parse_bbox
from db.geo.mapkit.build import build
from desktop.panels.map.kit_item import road_styles
from tests.map_fixtures import build_panel, count_colour, near, panel_for, pixel, view_image
from tests.mapkit_osm import BOX, write_chile, write_peru

pytestmark = pytest.mark.gui

# A point on the Panamericana Sur, between its first two nodes (-70.25,-17.95 → -70.30,-18.15).
ON_ROAD = (-70.275, -18.05)


@pytest.fixture
def kit(tmp_path):
    out = tmp_path / "tacna-arica.gpkg"
    build([write_peru(tmp_path), write_chile(tmp_path)], parse_bbox(BOX), out)
    return out


@pytest.fixture
def panel(qtbot, demo):
    yield from panel_for(qtbot, demo)


def _road_pixel(qtbot, panel):
    panel.view.set_view(*ON_ROAD, 12)
    qtbot.waitUntil(lambda: panel.ready)
    image = view_image(panel)
    x, y = panel.view.frame().lonlat_to_px(*ON_ROAD)
    return image, pixel(image, x, y)


def test_with_a_kit_the_road_is_drawn_along_its_path(qtbot, panel, kit):
    trunk = road_styles(panel.style)["trunk"].colour
    before, colour = _road_pixel(qtbot, panel)
    assert not near(colour, trunk, 30)
    assert panel.open_kit(kit)
    image, colour = _road_pixel(qtbot, panel)
    assert near(colour, trunk, 30), colour.name()
    assert count_colour(image, trunk, 12) > count_colour(before, trunk, 12) + 100
    assert any("OpenStreetMap" in credit for credit in panel.attribution)


def test_the_layer_list_lists_the_kit_and_can_hide_its_roads(qtbot, panel, kit):
    assert panel.open_kit(kit)
    listed = panel.layer_list.kit_layers()
    assert "Roads and streets (4)" in listed
    assert "Towns and villages (2)" in listed
    root = panel.layer_list.kit_root
    rows = [root.child(i) for i in range(root.childCount())]
    roads = next(item for item in rows if item.text(0).startswith("Roads"))
    roads.setCheckState(0, Qt.CheckState.Unchecked)
    _image, colour = _road_pixel(qtbot, panel)
    assert not near(colour, road_styles(panel.style)["trunk"].colour, 30)


def test_the_kit_comes_back_with_the_database(qtbot, panel, kit, demo):
    assert panel.open_kit(kit)
    again = build_panel(qtbot, demo)
    try:
        assert "Roads and streets (4)" in again.layer_list.kit_layers()
    finally:
        again.ctx.watcher.close()


def test_a_file_that_is_not_a_kit_gets_a_message_and_the_map_stays(qtbot, panel, tmp_path):
    junk = tmp_path / "notes.gpkg"
    junk.write_text("not a GeoPackage")
    assert not panel.open_kit(junk)
    box = panel.editing.message
    assert "not a map kit" in box.text()
    box.close()
    assert panel.layer_list.kit_layers() == []


@pytest.mark.parametrize("zoom", [8, 9.5, 11, 12.3, 13, 14.6, 15, 16, 17])
def test_grid_labels_never_repeat(zoom):
    from desktop.panels.map.frame import Frame, scale_for_zoom
    from desktop.panels.map.graticule import labels_for

    centre = geo.lonlat_to_mercator(-70.3217, -18.3489)  # Santa Rosa
    meridians, parallels = labels_for(Frame.around(*centre, scale_for_zoom(zoom), 1600, 1000))
    for labels in (meridians, parallels):
        texts = [text for _value, text in labels]
        assert len(texts) >= 2
        assert len(set(texts)) == len(texts), texts
