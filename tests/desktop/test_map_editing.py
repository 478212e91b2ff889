"""Editing from the map: forms, selection with correct/void, sites, and the events log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from db.geo import projection as geo
from db.store.records import Site, Void
from tests.map_fixtures import panel_for, px_of

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, demo):
    yield from panel_for(qtbot, demo)


QUIET_SPOT = (-70.12, -18.08)


def _event(panel, lon, lat, title="Incidente en la pampa", people=40, hours_ago=1.0):
    return panel.ctx.store.add_event(
        kind="incident",
        title=title,
        occurred_at=panel.ctx.clock.now() - timedelta(hours=hours_ago),
        lat=lat,
        lon=lon,
        people=people,
    )


def _click(qtbot, panel, pos):
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_form_shows_problems_beside_their_fields(qtbot, panel):
    before = len(panel.ctx.store.events())
    _click(qtbot, panel, px_of(panel, *QUIET_SPOT))
    dialog = panel.editing.dialog
    dialog.lat.setText("-95")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors["title"].isVisible() and "required" in dialog.errors["title"].text()
    assert dialog.errors["lat"].isVisible() and "between -90 and 90" in dialog.errors["lat"].text()
    assert not dialog.errors["people"].isVisible()
    assert len(panel.ctx.store.events()) == before
    dialog.reject()


def test_select_a_marker_then_correct_and_void_it(qtbot, panel):
    store = panel.ctx.store
    event = _event(panel, *QUIET_SPOT)
    qtbot.waitUntil(lambda: panel.events_item.markers.lonlat_of(event.id) is not None)
    _click(qtbot, panel, px_of(panel, *QUIET_SPOT))
    assert panel.card.isVisible() and "Incidente en la pampa" in panel.card.heading.text()
    # Entered under the exercise clock: the card says so, with the real time of entry too.
    assert "(real time of entry: " in panel.card.details.text()
    assert panel.editing.dialog is None  # a marker click selects, it does not open a form

    qtbot.mouseClick(panel.card.correct_button, Qt.MouseButton.LeftButton)
    dialog = panel.editing.dialog
    assert dialog.title_edit.text() == "Incidente en la pampa"
    dialog.people.setText("55")
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    current = next(e for e in store.events() if e.title == "Incidente en la pampa")
    assert current.people == 55 and current.supersedes == event.id
    assert panel.selected == current.id and "55" in panel.card.details.text()

    count = panel.event_count
    qtbot.mouseClick(panel.card.void_button, Qt.MouseButton.LeftButton)
    reason = panel.editing.dialog
    qtbot.keyClick(reason.reason, Qt.Key.Key_Return)  # a reason is required
    assert reason.isVisible() and "required" in reason.errors["reason"].text()
    qtbot.keyClicks(reason.reason, "duplicado de otro reporte")
    qtbot.keyClick(reason.reason, Qt.Key.Key_Return)
    assert not store.is_current(current.id)
    assert isinstance(store.history(current.id)[-1], Void)
    assert panel.event_count == count - 1 and not panel.card.isVisible()


def test_right_click_new_site_here(qtbot, panel):
    lon, lat = QUIET_SPOT
    panel.view.set_view(lon, lat, 16)
    pos = px_of(panel, lon, lat)
    viewport = panel.view.viewport()
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)),
    )
    menu = panel.context_menu
    action = next(a for a in menu.actions() if a.text() == "New site here…")
    menu.close()
    action.trigger()
    dialog = panel.editing.dialog
    qtbot.keyClicks(dialog.name, "Albergue Municipal La Yarada")
    dialog.kind.setCurrentIndex(dialog.kind.findData("shelter"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    site = panel.ctx.store.site_by_name("Albergue Municipal La Yarada")
    assert site is not None and site.site_kind == "shelter"
    assert geo.haversine_m(site.lon, site.lat, lon, lat) < 5
    assert any(s.id == site.id for s in panel.sites_item.sites_painter.sites)


def test_drag_a_site_to_move_it_after_confirming(qtbot, panel):
    store = panel.ctx.store
    site = store.site_by_name("Tacna")
    start = px_of(panel, site.lon, site.lat)
    end = start + QPoint(60, 40)
    target = panel.view.frame().px_to_lonlat(end.x(), end.y())
    viewport = panel.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    box = panel.editing.message
    assert isinstance(box, QMessageBox) and box.isVisible() and "Move “Tacna”" in box.text()
    assert store.site_by_name("Tacna").id == site.id  # nothing moved before the answer
    box.button(QMessageBox.StandardButton.Yes).click()
    moved = store.site_by_name("Tacna")
    assert moved.supersedes == site.id
    assert geo.haversine_m(moved.lon, moved.lat, *target) < 60  # within a pixel at this zoom
    assert [v.lat for v in store.history(moved.id) if isinstance(v, Site)] == [site.lat, moved.lat]


def test_retire_a_site_keeps_it_in_history_and_off_the_map(qtbot, panel):
    store = panel.ctx.store
    site = store.site_by_name("Arica")
    _click(qtbot, panel, px_of(panel, site.lon, site.lat))
    assert panel.card.void_button.text() == "Retire site…"
    qtbot.mouseClick(panel.card.void_button, Qt.MouseButton.LeftButton)
    dialog = panel.editing.dialog
    qtbot.keyClicks(dialog.reason, "ciudad, no es un punto operativo")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert store.site_by_name("Arica") is None
    assert isinstance(store.history(site.id)[-1], Void)
    assert all(s.id != site.id for s in panel.sites_item.sites_painter.sites)


def test_events_log_holds_entries_without_a_place_and_filters(qtbot, panel):
    log = panel.log
    qtbot.mouseClick(log.new_button, Qt.MouseButton.LeftButton)
    dialog = panel.editing.dialog
    assert dialog.windowTitle() == "New log entry" and dialog.lat.text() == ""
    assert dialog.kind.currentData() == "log"
    qtbot.keyClicks(dialog.title_edit, "Relevo de turno: 12 efectivos PNP")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    titles = [e.title for e in log.model.rows]
    assert titles[0] == "Relevo de turno: 12 efectivos PNP"  # newest first
    assert log.model.data(log.model.index(0, 4)) == "—"  # no place
    count_all = log.model.rowCount()
    log.kind_filter.setCurrentIndex(log.kind_filter.findData("log"))
    kinds = {log.model.data(log.model.index(r, 1)) for r in range(log.model.rowCount())}
    assert kinds == {"Log entry"}
    log.kind_filter.setCurrentIndex(0)
    assert log.model.rowCount() == count_all
    old = _event(panel, *QUIET_SPOT, title="Hace tres semanas", hours_ago=24 * 21)
    log.period_filter.setCurrentIndex(log.period_filter.findData(24 * 30))
    assert any(e.id == old.id for e in log.model.rows)
    log.period_filter.setCurrentIndex(log.period_filter.findData(24))
    assert all(e.id != old.id for e in log.model.rows)


def test_selecting_a_located_log_entry_centres_the_map(qtbot, panel):
    event = _event(panel, -70.05, -17.98, title="Patrulla en Pachía")
    log = panel.log
    row = next(i for i, e in enumerate(log.model.rows) if e.id == event.id)
    log.table.selectRow(row)
    lon, lat = panel.view.center_lonlat()
    assert geo.haversine_m(lon, lat, -70.05, -17.98) < 20
    assert panel.selected == event.id and panel.card.isVisible()
