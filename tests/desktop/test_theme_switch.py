"""View → Theme: the window, the map and the chart change together; the choice is kept."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from db.clock import Clock
from desktop import settings
from desktop.app import build_window
from desktop.theme import DAY, NIGHT, OKABE_ITO, THEMES
from tests.conftest import lima

pytestmark = pytest.mark.gui


def lightness(image: QImage) -> float:
    """Mean lightness (0–255) of an image, sampled on a grid."""
    values = [
        QColor(image.pixel(x, y)).lightness()
        for x in range(0, image.width(), max(1, image.width() // 40))
        for y in range(0, image.height(), max(1, image.height() // 40))
    ]
    return sum(values) / len(values)


@pytest.fixture
def window(qtbot, demo, restore_appearance):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def switch(qtbot, window, key: str) -> None:
    window.window_actions[key].trigger()
    qtbot.waitUntil(lambda: window._pending is None and window.ready, timeout=10_000)


def test_night_darkens_the_map_and_the_chart_and_day_brings_them_back(qtbot, window):
    map_day = lightness(window.panels["map"].view.grab().toImage())
    chart_day = lightness(window.panels["chart"].plot.grab().toImage())
    assert map_day > 150 and chart_day > 150
    switch(qtbot, window, "theme_night")
    assert window.ctx.theme is NIGHT
    assert lightness(window.panels["map"].view.grab().toImage()) < 80
    assert lightness(window.panels["chart"].plot.grab().toImage()) < 80
    assert window.window_actions["theme_night"].isChecked()
    switch(qtbot, window, "theme_day")
    assert lightness(window.panels["map"].view.grab().toImage()) > 150


def test_the_theme_is_kept_for_the_next_start(qtbot, window, demo):
    switch(qtbot, window, "theme_night")
    assert settings.get("ui/theme") == "night"
    window.close()
    from desktop.theme import theme_named

    assert theme_named(settings.get("ui/theme")) is NIGHT


def test_a_theme_switch_keeps_the_layout_and_the_map_view(qtbot, window):
    window.docks["records"].close()
    window.panels["map"].view.set_view(-70.25, -18.05, 11.5)
    switch(qtbot, window, "theme_night")
    assert not window.docks["records"].isVisible() and window.docks["map"].isVisible()
    lon, lat = window.panels["map"].view.center_lonlat()
    assert (round(lon, 3), round(lat, 3), window.panels["map"].view.zoom) == (-70.25, -18.05, 11.5)


def test_categories_use_the_okabe_ito_palette_in_both_themes():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    for theme in THEMES.values():
        assert set(theme.categories.values()) <= okabe_ito
        assert set(theme.directions.values()) <= okabe_ito
        assert len(set(theme.categories.values())) == len(theme.categories)
    assert set(OKABE_ITO.values()) <= okabe_ito


def test_print_is_light_whatever_the_screen(qtbot, window, tmp_path):
    switch(qtbot, window, "theme_night")
    path = window.panels["chart"].export_png(tmp_path / "flows.png")
    assert lightness(QImage(str(path))) > 150
    assert DAY.panel == "#ffffff"


def test_the_menus_read_the_same_after_a_rebuild(qtbot, window):
    def texts() -> dict[str, list[str]]:
        return {k: [a.text() for a in window.menus[k].actions()] for k in ("file", "edit", "view")}

    before = texts()
    # The panels' entries come first, whichever panel was built before or after the menus.
    assert before["edit"][-1] == "Preferences…" and "New counts…" in before["edit"]
    assert before["view"].index("Zoom in") < before["view"].index("Reset panel layout")
    switch(qtbot, window, "theme_night")
    assert texts() == before
