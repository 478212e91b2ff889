"""The map panel as an operator uses it: placement, clicks, live updates, layers, labels, keys."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from db.geo import projection as geo
from db.store.store import Store
from desktop.panels.map.frame import HOME_BBOX, lonlat_to_scene
from desktop.panels.map.style import EVENT_COLOURS, SITE_COLOURS
from tests.map_fixtures import count_colour, near, panel_for, pixel, px_of, view_image

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, demo):
    yield from panel_for(qtbot, demo)


TACNA = (-70.2511, -18.0139)
ARICA = (-70.2979, -18.4746)
QUIET_SPOT = (-70.12, -18.08)  # open desert east of the Panamericana: no marker, no label


def _add_event(
    store, clock, lon, lat, kind="stranded_group", people=200, title="Grupo en la pampa"
):
    return store.add_event(
        kind=kind,
        title=title,
        occurred_at=clock.now() - timedelta(hours=1),
        lat=lat,
        lon=lon,
        people=people,
        severity="high",
    )


def test_site_is_drawn_where_its_coordinates_project(panel):
    frame = panel.view.frame()
    tacna = px_of(panel, *TACNA)
    arica = px_of(panel, *ARICA)
    # the view's own scene mapping and the layers' frame agree to the pixel
    assert panel.view.mapFromScene(lonlat_to_scene(*TACNA)) == tacna
    # north up, west left: Arica is south-west of Tacna, 51 km apart on the ground
    assert arica.y() > tacna.y() and arica.x() < tacna.x()
    ground = geo.haversine_m(*TACNA, *ARICA)
    mercator = ((tacna.x() - arica.x()) ** 2 + (tacna.y() - arica.y()) ** 2) ** 0.5 / frame.scale
    assert mercator * 0.948 == pytest.approx(ground, rel=0.01)  # cos(18.2°) Mercator stretch
    image = view_image(panel)
    assert near(pixel(image, tacna.x(), tacna.y()), SITE_COLOURS["town"])


def test_home_view_holds_the_border_zone(panel):
    west, south, east, north = panel.view.frame().lonlat_bounds()
    hw, hs, he, hn = HOME_BBOX
    assert west <= hw + 0.01 and east >= he - 0.01 and south <= hs + 0.01 and north >= hn - 0.01


def test_click_on_the_map_creates_an_event_at_the_clicked_place(qtbot, panel):
    from desktop.dialogs.event_dialog import EventDialog

    lon, lat = QUIET_SPOT
    panel.view.set_view(lon, lat, 17)
    pos = px_of(panel, lon, lat)
    clicked_lon, clicked_lat = panel.view.frame().px_to_lonlat(pos.x(), pos.y())
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    dialog = panel.editing.dialog
    assert isinstance(dialog, EventDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "New event here"
    qtbot.keyClicks(dialog.title_edit, "Grupo caminando hacia la frontera")
    qtbot.keyClicks(dialog.people, "35")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    event = next(e for e in panel.ctx.store.events() if e.title.startswith("Grupo caminando"))
    assert geo.haversine_m(event.lon, event.lat, lon, lat) < 3.0
    assert geo.haversine_m(event.lon, event.lat, clicked_lon, clicked_lat) < 0.05
    assert event.people == 35 and event.entered_by == "Tester"
    # the new marker shows at once
    qtbot.waitUntil(
        lambda: panel.events_item.markers.hit(panel.view.frame(), pos.x(), pos.y()) == event.id
    )


def test_a_commit_from_another_connection_shows_within_a_second(qtbot, panel, demo_path):
    before = panel.event_count
    other = Store.open(demo_path, operator="Otra estación")
    other.report_clock = panel.ctx.clock  # a station in the same exercise
    _add_event(other, panel.ctx.clock, *QUIET_SPOT)
    qtbot.waitUntil(lambda: panel.event_count == before + 1, timeout=1000)
    pos = px_of(panel, *QUIET_SPOT)
    qtbot.waitUntil(
        lambda: near(pixel(view_image(panel), pos.x(), pos.y()), EVENT_COLOURS["stranded_group"])
    )
    other.close()


def test_layer_toggles_hide_and_show(qtbot, panel):
    _add_event(panel.ctx.store, panel.ctx.clock, *QUIET_SPOT)
    pos = px_of(panel, *QUIET_SPOT)
    orange = EVENT_COLOURS["stranded_group"]
    qtbot.waitUntil(lambda: near(pixel(view_image(panel), pos.x(), pos.y()), orange))
    item = panel.layer_list.items["events"]
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert not near(pixel(view_image(panel), pos.x(), pos.y()), orange)
    item.setCheckState(0, Qt.CheckState.Checked)
    assert near(pixel(view_image(panel), pos.x(), pos.y()), orange)
    # the strong Peru–Chile border goes with its layer too
    border = panel.style.main_border
    assert count_colour(view_image(panel), border) > 200
    panel.layer_list.items["borders"].setCheckState(0, Qt.CheckState.Unchecked)
    assert count_colour(view_image(panel), border) < 20


@pytest.mark.parametrize(
    "zoom,centre",
    [(7.5, (-70.0, -17.5)), (9.5, (-70.3, -18.2)), (11, (-70.3, -18.1)), (12.5, TACNA)],
)
def test_place_labels_never_overlap(panel, zoom, centre):
    panel.view.set_view(*centre, zoom)
    panel.view.viewport().repaint()
    labels = panel.places_item.shown_labels(panel.view.frame())
    assert len(labels) >= 2
    for i, (name_a, a) in enumerate(labels):
        for name_b, b in labels[i + 1 :]:
            assert not a.intersects(b), f"{name_a} overlaps {name_b}"


def test_keyboard_zoom_pan_and_home(qtbot, panel):
    view = panel.view
    view.setFocus()
    home_centre = view.center_lonlat()
    zoom = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(zoom + 1)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.center_lonlat()[0] > home_centre[0]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.center_lonlat() == pytest.approx(home_centre, abs=1e-3)
    assert view.zoom == pytest.approx(zoom, abs=1e-6)


def test_wheel_zooms_about_the_cursor(qtbot, panel):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    view = panel.view
    anchor = px_of(panel, *TACNA)
    zoom = view.zoom
    event = QWheelEvent(
        QPointF(anchor),
        QPointF(view.viewport().mapToGlobal(anchor)),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom == pytest.approx(zoom + 1)
    after = px_of(panel, *TACNA)
    assert abs(after.x() - anchor.x()) <= 1 and abs(after.y() - anchor.y()) <= 1


def test_cursor_position_in_degrees_dms_and_utm(qtbot, panel):
    pos = px_of(panel, *TACNA)
    with qtbot.waitSignal(panel.cursorMoved) as signal:
        qtbot.mouseMove(panel.view.viewport(), pos)
    text = signal.args[0]
    assert "-18.01" in text and "-70.25" in text
    assert "18°00′" in text and " S " in text and "70°15′" in text and text.rstrip().endswith("N")
    assert "19K 3" in text  # UTM zone 19 south, band K
    assert panel.coords_label.text() == text


def test_hovering_a_marker_shows_its_details(qtbot, panel):
    _add_event(panel.ctx.store, panel.ctx.clock, *QUIET_SPOT, title="Grupo de 200 en la pampa")
    pos = px_of(panel, *QUIET_SPOT)
    qtbot.waitUntil(
        lambda: panel.events_item.markers.hit(panel.view.frame(), pos.x(), pos.y()) is not None
    )
    viewport = panel.view.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    )
    assert "Grupo de 200 en la pampa" in QToolTip.text()
    assert "200 people" in QToolTip.text()
    QToolTip.hideText()
