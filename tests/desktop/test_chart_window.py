"""The chart and records panels inside the main window: their menus and Ctrl+Z work there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.window.main_window import MainWindow
from tests import gui_helpers
from tests.chart_fixtures import make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo):
    from desktop.panels.chart.panel import ChartPanel
    from desktop.panels.records.panel import RecordsPanel

    ctx = make_ctx(demo)
    w = MainWindow(
        ctx, {"chart": ("Flows", ChartPanel(ctx)), "records": ("Counts", RecordsPanel(ctx))}
    )
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def _menu_texts(window, key):
    return [a.text() for a in window.menus[key].actions()]


def test_panel_actions_reach_the_menus(window):
    assert "Export chart as PNG…" in _menu_texts(window, "file")
    assert "Export chart data as CSV…" in _menu_texts(window, "file")
    assert {"New counts…", "Undo my last entry"} <= set(_menu_texts(window, "edit"))


def test_ctrl_z_in_the_window_voids_the_last_entry(qtbot, window, demo):
    chart = window.panels["chart"]
    detained = chart.series_values()["detained"][-1]  # the night shift's, ended at 07:00
    site = demo.site_by_name("Complejo Santa Rosa")
    obs = demo.add_observation(
        site_id=site.id,
        period_start=lima(2025, 12, 1, 6),
        period_end=lima(2025, 12, 1, 7),
        direction="into_peru",
        category="detained",
        count=2,
    )
    qtbot.waitUntil(lambda: chart.series_values()["detained"][-1] == detained + 2, timeout=1000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    gui_helpers.answer_boxes(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(chart.plot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not demo.is_current(obs.id)
    qtbot.waitUntil(lambda: chart.series_values()["detained"][-1] == detained, timeout=1000)
