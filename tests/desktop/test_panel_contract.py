"""The panel contract (desktop/panel.py): every panel of the main window and of the wall
display keeps it, and a panel's ``refresh()`` shows what another station has just written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from db.clock import Clock
from db.store.store import Store
from desktop.app import build_window
from desktop.formatting import fmt_int
from desktop.panel import Panel
from tests.conftest import lima

pytestmark = pytest.mark.gui

NOW = lima(2025, 12, 1, 8)


@pytest.fixture
def window(qtbot, demo):
    w = build_window(demo, Clock(NOW, frozen=True), "en", restore_layout=False)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def test_every_panel_keeps_the_contract(qtbot, window):
    assert set(window.panels) == {"map", "countdown", "chart", "records"}
    for key, panel in window.panels.items():
        assert isinstance(panel, QWidget) and isinstance(panel, Panel), key
        assert panel.ready and panel.ctx is window.ctx, key
        assert panel.actions(), key  # each brings something to the menus
    window.open_wall()
    wall = window.wall
    qtbot.waitUntil(lambda: wall.ready, timeout=10_000)
    for key, panel in wall.panels.items():
        assert isinstance(panel, QWidget) and isinstance(panel, Panel), key
        assert panel.actions() == [], key  # read-only: nothing to enter on the wall
    wall.close()


def test_refresh_shows_what_another_station_wrote(window, demo_path, monkeypatch):
    window.ctx.watcher.close()  # no signal: only refresh() may show the new records
    # The other station reports on the exercise's timeline, just before the window's clock:
    # what it wrote was known at the window's time (docs/architecture.md §4).
    monkeypatch.setattr("db.store.store.utc_now", lambda: NOW - timedelta(minutes=5))
    panels = window.panels
    map_events = panels["map"].event_count
    counts = panels["records"].model.total
    detained = panels["chart"].series_values()["detained"][-1] or 0
    other = Store.open(demo_path, operator="Other station")
    other.report_clock = window.ctx.clock  # a station in the same exercise
    site = other.site_by_name("Complejo Santa Rosa")
    other.add_observation(
        site_id=site.id,
        period_start=lima(2025, 12, 1, 6),
        period_end=lima(2025, 12, 1, 7),
        direction="into_peru",
        category="detained",
        count=3,
    )
    other.add_event(
        kind="incident",
        title="Another station's incident",
        occurred_at=NOW - timedelta(minutes=30),
        lat=site.lat,
        lon=site.lon,
        people=5,
    )
    other.add_milestone(
        title="Another station's meeting", kind="meeting", at=NOW + timedelta(hours=1)
    )
    other.close()

    for panel in panels.values():
        panel.refresh()
    assert panels["map"].event_count == map_events + 1
    assert panels["records"].total_label.text().startswith(f"Counts: {fmt_int(counts + 1, 'en')} ")
    assert panels["chart"].series_values()["detained"][-1] == detained + 3
    titles = [
        label.text()
        for label in panels["countdown"].findChildren(QLabel)
        if label.objectName().startswith("milestoneTitle_")
    ]
    assert "Another station's meeting" in titles
