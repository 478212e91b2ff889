"""The search boxes: typing filters the events log and the records table; Ctrl+F finds the box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.clock import Clock
from desktop.app import build_window
from desktop.dialogs.shortcuts_dialog import shortcut_rows
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo):
    clock = Clock(lima(2025, 12, 1, 8), frozen=True)
    demo.report_clock = clock  # entered during the exercise: known at its clock
    site = demo.site_by_name("Complejo Chacalluta")
    demo.add_event(
        kind="log", title="Llamada de la comisaría de Palquilla", occurred_at=lima(2025, 12, 1, 7)
    )
    demo.add_event(
        kind="incident", title="Bloqueo en la vía a Tácna", occurred_at=lima(2025, 12, 1, 6)
    )
    demo.add_observation(
        site_id=site.id,
        period_start=lima(2025, 12, 1, 6),
        period_end=lima(2025, 12, 1, 7),
        category="assisted",
        count=14,
        note="Familias de Palquilla",
    )
    w = build_window(demo, clock, "en")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.ready, timeout=10_000)
    yield w
    w.close()


def _titles(log) -> list[str]:
    return [log.model.index(r, 2).data() for r in range(log.model.rowCount())]


def test_typing_in_the_log_keeps_the_matching_entries(qtbot, window):
    log = window.panels["map"].log
    everything = log.model.rowCount()
    assert everything > 2 and log.no_matches.isHidden()
    qtbot.keyClicks(log.search, "COMISARIA palq")  # any case, no accent, a word unfinished
    qtbot.waitUntil(lambda: _titles(log) == ["Llamada de la comisaría de Palquilla"])
    assert log.count_label.text() == "1 entries"
    log.search.clear()
    qtbot.keyClicks(log.search, "tacna")
    qtbot.waitUntil(lambda: _titles(log) == ["Bloqueo en la vía a Tácna"])

    qtbot.keyClicks(log.search, " zzz")
    qtbot.waitUntil(lambda: log.model.rowCount() == 0)
    assert log.no_matches.isVisible()
    assert log.no_matches.text() == "No matches for “tacna zzz”"

    qtbot.keyClick(log.search, Qt.Key.Key_Escape)  # clears at once, no pause
    assert log.search.text() == "" and log.model.rowCount() == everything
    assert log.no_matches.isHidden()


def test_typing_in_the_records_table_keeps_the_matching_counts(qtbot, window):
    records = window.panel("records")
    window.docks["records"].raise_()
    total = records.model.total
    qtbot.keyClicks(records.search, "palquilla")
    qtbot.waitUntil(lambda: records.model.total == 1)
    shown = records.model.rows[0].observation
    assert (shown.note, shown.count) == ("Familias de Palquilla", 14)
    assert records.total_label.text() == "Counts: 1 (up to the exercise clock)"

    records.search.clear()
    qtbot.keyClicks(records.search, "chacalluta")  # the site's name
    qtbot.waitUntil(lambda: 1 < records.model.total < total)
    assert {r.site_name for r in records.model.rows} == {"Complejo Chacalluta"}

    records.search.clear()
    qtbot.keyClicks(records.search, '"near(-*')
    qtbot.waitUntil(lambda: records.no_matches.isVisible())
    assert records.model.rowCount() == 0
    qtbot.keyClick(records.search, Qt.Key.Key_Escape)
    assert records.model.total == total and records.no_matches.isHidden()


def test_ctrl_f_goes_to_the_box_of_the_panel_in_use(qtbot, window):
    records = window.panel("records")
    window.docks["records"].raise_()
    log = window.panels["map"].log
    qtbot.waitUntil(window.isActiveWindow)

    records.table.setFocus()
    qtbot.waitUntil(lambda: records.table.hasFocus())
    qtbot.keyClick(records.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is records.search)

    window.panels["countdown"].setFocus()
    qtbot.keyClick(window.panels["countdown"], Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is log.search)

    assert dict(shortcut_rows(window))["Find"] == "Ctrl+F"


def test_the_boxes_speak_spanish(qtbot, window, restore_appearance):
    window.window_actions["language_es"].trigger()
    qtbot.waitUntil(lambda: window._pending is None and window.ready, timeout=10_000)
    log = window.panels["map"].log
    assert log.search.placeholderText() == "Buscar en la bitácora…"
    qtbot.keyClicks(log.search, "zzz")
    qtbot.waitUntil(lambda: log.no_matches.isVisible())
    assert log.no_matches.text() == "Sin coincidencias para «zzz»"
    assert dict(shortcut_rows(window))["Buscar"] in ("Ctrl+F", "Control+F")  # Qt names keys
