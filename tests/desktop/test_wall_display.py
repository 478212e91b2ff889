"""View → Wall display (F11): full screen, read-only, the same picture as the main window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from db.clock import Clock
from desktop.app import build_window
from desktop.theme import NIGHT
from tests.conftest import lima

pytestmark = pytest.mark.gui
ENTRY_WIDGETS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QPushButton, QComboBox)


@pytest.fixture
def window(qtbot, demo):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


@pytest.fixture
def wall(qtbot, window):
    window.window_actions["wall"].trigger()
    wall = window.wall
    assert wall is not None
    qtbot.waitUntil(lambda: wall.ready, timeout=10_000)
    yield wall
    if window.wall is not None:
        window.wall.close()


def label_text(root: QWidget, name: str) -> str:
    label = root.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_the_wall_is_full_screen_with_the_three_panels_and_the_figures(wall):
    assert wall.isFullScreen() and wall.isWindow()
    for name in ("mapPanel", "countdownPanel", "chartPanel", "figuresStrip"):
        assert wall.findChild(QWidget, name).isVisible(), name


def test_the_wall_has_no_editing_controls(wall):
    enabled_actions = [a.text() for a in wall.findChildren(QAction) if a.isEnabled()]
    assert enabled_actions == []
    entry = [
        f"{type(w).__name__} {w.objectName()}"
        for w in wall.findChildren(QWidget)
        if isinstance(w, ENTRY_WIDGETS) and w.isVisible()
    ]
    assert entry == []
    assert wall.map.layer_list is None and wall.map.log is None and wall.map.card is None


def test_a_click_on_the_wall_map_opens_no_form(qtbot, wall):
    view = wall.map.view
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center()
    )
    assert wall.map.editing.dialog is None


def test_the_wall_shows_the_main_window_countdown_and_figures(wall, window):
    main = window.panels["countdown"]
    assert label_text(wall, "countdownDay") == label_text(main, "countdownDay") == "Day 3 of 60"
    assert label_text(wall, "countdownNumber") == label_text(main, "countdownNumber")
    assert (
        wall.figures.tiles["stranded"].value.text() == window.strip.tiles["stranded"].value.text()
    )


def test_the_wall_follows_the_store(qtbot, wall, demo):
    site = demo.site_by_name("Línea de la Concordia")
    demo.add_observation(
        site_id=site.id, period_start=lima(2025, 12, 1, 7, 45), category="stranded", count=4321
    )
    tile = wall.figures.tiles["stranded"]
    qtbot.waitUntil(lambda: tile.value.text().replace(",", "") == "4321", timeout=2000)


def test_the_wall_is_night_by_default_and_says_exercise(wall):
    assert wall.ctx.theme is NIGHT
    assert wall.map.style.sea == NIGHT.sea
    assert wall.exercise.isVisible()
    assert "Monday, December 1, 2025" in wall.clock.text()


def test_escape_closes_the_wall_and_the_main_window_stays(qtbot, wall, window):
    qtbot.keyClick(wall, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.wall is None)
    assert window.isVisible()
    assert not window.window_actions["wall"].isChecked()


def test_the_wall_goes_to_another_screen_when_there_is_one(wall, window):
    from PySide6.QtGui import QGuiApplication

    screens = QGuiApplication.screens()
    target = wall.target_screen()
    if len(screens) > 1:
        assert target is not window.screen()
    else:
        assert target is window.screen()


@pytest.mark.slow
def test_the_wall_can_be_opened_at_start_and_photographed(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtGui import QImage

    root = Path(__file__).resolve().parents[2]
    png = tmp_path / "wall.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--demo",
            "--lang",
            "en",
            "--wall",
            "--screenshot",
            str(png),
        ],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 1000)
    # Night by default: the picture is dark.
    corner = image.pixelColor(5, 5)
    assert corner.lightness() < 60


def test_the_walls_chart_reads_its_earlier_days_too(qtbot, demo):
    # Counts over half a year: the chart opens on its recent days and reads the rest after.
    site = demo.site_by_name("Complejo Santa Rosa")
    demo.report_clock = Clock(lima(2025, 12, 1, 8), frozen=True)  # entered at the exercise's
    back = range(60, 200, 7)
    for days_before in back:
        demo.add_observation(
            site_id=site.id,
            period_start=lima(2025, 12, 1, 7) - timedelta(days=days_before),
            period_end=lima(2025, 12, 1, 8) - timedelta(days=days_before),
            direction="into_peru",
            category="crossed_regular",
            count=5,
        )
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    w.open_wall()
    chart = w.wall.chart
    qtbot.waitUntil(lambda: not chart.source.history_pending, timeout=5_000)
    assert chart.data.days[0] == (lima(2025, 12, 1) - timedelta(days=max(back))).date()
    assert int(chart.data.flows["crossed_regular"][: -len(range(45))].sum()) >= len(back) * 5
    w.close_wall()
    w.close()
