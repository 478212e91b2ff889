"""A map kit on the map: its roads drawn where they run, its layers listed, kept per database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from db.geo import projection as geo
from db.geo.mapkit.bbox import parse_bbox
from db.geo.mapkit.build import build
from desktop.panels.map.kit_item import road_styles
from tests.map_fixtures import build_panel, count_colour, near, panel_for, pixel, view_image
from tests.mapkit_osm import BOX, write_chile, write_peru

pytestmark = pytest.mark.gui

# The Panamericana Sur's first stretch (its nodes 1 and 2), and points along it, not at its
# middle, where the map may put its ref on a plate.
START, END = (-70.25, -17.95), (-70.30, -18.15)
ALONG = [
    (START[0] + f * (END[0] - START[0]), START[1] + f * (END[1] - START[1]))
    for f in (0.2, 0.3, 0.4, 0.6, 0.7, 0.8)
]
ON_ROAD = ALONG[2]


@pytest.fixture
def kit(tmp_path):
    out = tmp_path / "tacna-arica.gpkg"
    build([write_peru(tmp_path), write_chile(tmp_path)], parse_bbox(BOX), out)
    return out


@pytest.fixture
def panel(qtbot, demo):
    yield from panel_for(qtbot, demo)


def _road_pixels(qtbot, panel):
    panel.view.set_view(*ON_ROAD, 12)
    qtbot.waitUntil(lambda: panel.ready)
    image = view_image(panel)
    frame = panel.view.frame()
    return image, [pixel(image, *frame.lonlat_to_px(*point)) for point in ALONG]


def test_with_a_kit_the_road_is_drawn_along_its_path(qtbot, panel, kit):
    trunk = road_styles(panel.style)["trunk"].colour
    before, colours = _road_pixels(qtbot, panel)
    assert not any(near(colour, trunk, 30) for colour in colours)
    assert panel.open_kit(kit)
    image, colours = _road_pixels(qtbot, panel)
    assert all(near(colour, trunk, 30) for colour in colours), [c.name() for c in colours]
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
    _image, colours = _road_pixels(qtbot, panel)
    assert not any(near(c, road_styles(panel.style)["trunk"].colour, 30) for c in colours)


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


@pytest.mark.parametrize("zoom", [10, 11.5, 13])
def test_kit_labels_never_overlap_and_main_roads_carry_their_ref(qtbot, panel, kit, zoom):
    assert panel.open_kit(kit)
    panel.view.set_view(*ON_ROAD, zoom)
    qtbot.waitUntil(lambda: panel.ready)
    view_image(panel)  # what the operator sees: the map drawn at this view
    qtbot.waitUntil(lambda: panel.ready)
    view_image(panel)
    labels = panel.kit_item.kit_painter.labels
    texts = [text for text, _box in labels]
    assert "Tacna" not in texts  # the demo's site of that name labels the town already
    if zoom < 13:
        assert "TACNA" in texts  # the district, named inside its outline
    if zoom == 11.5:
        assert "PE-1S" in texts  # the Panamericana's ref, on its plate
    elif zoom == 13:
        assert {"Panamericana Sur", "Hospital Hipólito Unanue"} <= set(texts)
    for i, (a, box_a) in enumerate(labels):
        for b, box_b in labels[i + 1 :]:
            assert not box_a.intersects(box_b), (a, b)


def test_the_key_incident_at_a_crossing_shows_over_the_crossing_and_a_click_finds_it(qtbot, demo):
    from datetime import datetime, timedelta, timezone

    from db.clock import Clock

    lima = timezone(timedelta(hours=-5))
    panel = build_panel(qtbot, demo, clock=Clock(datetime(2025, 12, 1, 16, 0, tzinfo=lima)))
    try:
        incident = next(e for e in demo.events() if e.people == 47)
        site = next(s for s in demo.sites() if s.name == "Complejo Santa Rosa")
        assert (incident.lon, incident.lat) == (site.lon, site.lat)  # at the crossing itself
        panel.view.set_view(site.lon, site.lat, 13)
        qtbot.waitUntil(lambda: panel.ready)
        x, y = panel.view.frame().lonlat_to_px(site.lon, site.lat)
        qtbot.mouseClick(
            panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y))
        )
        qtbot.waitUntil(lambda: panel.selected == incident.id)
    finally:
        panel.ctx.watcher.close()


def test_the_layer_list_folds_away_and_comes_back(qtbot, panel):
    assert panel.layer_list.isVisible()
    panel.layer_list_action.trigger()
    assert not panel.layer_list.isVisible() and panel.log.isVisible()
    panel.layer_list_action.trigger()
    assert panel.layer_list.isVisible()
