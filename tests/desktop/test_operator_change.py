"""File → Change operator…: a new name (and station name) shows at once and goes on records."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db.clock import Clock
from desktop import settings
from desktop.app import build_window
from desktop.dialogs.operator_dialog import OperatorDialog
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo):
    w = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def answer(operator: str, station: str | None = None, *, cancel: bool = False) -> list[str]:
    """Fill in the operator dialog that opens next; the errors it showed are returned."""
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OperatorDialog):
            QTimer.singleShot(20, fill)
            return
        if dialog.error.isVisible():
            seen.append(dialog.error.text())
        if cancel:
            dialog.reject()
            return
        dialog.operator_edit.setText(operator)
        if station is not None:
            dialog.station_edit.setText(station)
        dialog.accept()

    QTimer.singleShot(20, fill)
    return seen


def test_a_new_operator_shows_in_the_status_bar_and_signs_new_records(window, demo):
    answer("Rosa Quispe", "Puesto Santa Rosa")
    window.window_actions["operator"].trigger()
    assert window.operator_label.text() == "Operator: Rosa Quispe"
    assert window.station_label.text() == "Station: Puesto Santa Rosa"
    assert "Puesto Santa Rosa" in window.windowTitle()
    assert settings.get("session/operator") == "Rosa Quispe"
    site = demo.site_by_name("Complejo Santa Rosa")
    obs = demo.add_observation(
        site_id=site.id, period_start=lima(2025, 12, 1, 7), category="stranded", count=5
    )
    assert obs.entered_by == "Rosa Quispe"


def test_cancel_changes_nothing(window, demo):
    before = (window.operator_label.text(), demo.station_name)
    answer("Nadie", cancel=True)
    window.window_actions["operator"].trigger()
    assert (window.operator_label.text(), demo.station_name) == before


def test_an_empty_name_is_refused_in_the_dialog(qtbot):
    dialog = OperatorDialog("", "Puesto")
    qtbot.addWidget(dialog)
    dialog.operator_edit.setText("   ")
    dialog.accept()
    assert dialog.result() != OperatorDialog.DialogCode.Accepted
    assert "Enter your name" in dialog.error.text()
