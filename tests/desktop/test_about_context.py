"""Help → About on the exercise: its sourced context figures, as known by the clock."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.chart_fixtures import make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui


def _about_text(qtbot, ctx) -> str:
    from desktop.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(None, ctx)
    qtbot.addWidget(dialog)
    return dialog.findChild(QLabel, "aboutText").text()


def test_about_shows_the_exercise_context_with_its_sources(qtbot, demo):
    ctx = make_ctx(demo, lima(2025, 12, 1, 8))
    text = _about_text(qtbot, ctx)
    assert "Exercise context (public figures)" in text
    assert "5,000–6,000 foreigners leave Chile daily" in text
    assert "Source: latercera.com; elmostrador.cl" in text
    assert "Venezuelans in Peru" not in text  # public on 12 Dec only
    ctx.clock.set(lima(2025, 12, 12, 9))
    assert "Venezuelans in Peru: 1,247,942" in _about_text(qtbot, ctx)
    ctx.watcher.close()


def test_about_of_a_post_without_a_scenario_has_no_context(qtbot, store):
    ctx = make_ctx(store)
    assert "Exercise context" not in _about_text(qtbot, ctx)
    ctx.watcher.close()
