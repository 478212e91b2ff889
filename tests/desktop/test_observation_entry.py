"""Typing counts with the keyboard alone, and seeing them in the chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.chart_fixtures import build_chart, build_records, make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui

Key = Qt.Key


@pytest.fixture
def ctx(demo):
    context = make_ctx(demo)
    yield context
    context.watcher.close()


def _focus(dialog):
    return dialog.focusWidget()


def _type(qtbot, dialog, text):
    qtbot.keyClicks(_focus(dialog), text)


def _key(qtbot, dialog, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(_focus(dialog), key, modifier)


def _open_form(qtbot, records):
    records.activateWindow()
    qtbot.waitUntil(records.isActiveWindow)
    qtbot.keyClick(records.table, Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = records.dialog
    assert dialog is not None and dialog.objectName() == "observationDialog"
    qtbot.waitExposed(dialog)
    return dialog


def test_keyboard_only_entry_appears_in_the_chart(qtbot, ctx):
    chart = build_chart(qtbot, ctx)
    # Today already holds the night shift that ended at 07:00 (docs/architecture.md §4).
    today = chart.series_values()
    regular, turned_back = today["crossed_regular"][-1], today["turned_back"][-1]
    records = build_records(qtbot, ctx)
    dialog = _open_form(qtbot, records)
    # Defaults: crossed regularly into Peru at the crossing that processes entries into Peru
    # (integrated control: Santa Rosa, on Peru's side), the hour before now (08:00).
    assert dialog.site.currentText() == "Complejo Santa Rosa"
    assert dialog.start.dateTime().toString("yyyy-MM-dd HH:mm") == "2025-12-01 07:00"
    assert dialog.end.dateTime().toString("yyyy-MM-dd HH:mm") == "2025-12-01 08:00"
    assert _focus(dialog) is dialog.count
    _type(qtbot, dialog, "250")
    _key(qtbot, dialog, Key.Key_Return)
    qtbot.waitUntil(
        lambda: chart.series_values()["crossed_regular"][-1] == regular + 250, timeout=1000
    )
    # The form stays open for the next count: count cleared, focus back on it.
    assert dialog.isVisible() and dialog.count.text() == "" and _focus(dialog) is dialog.count
    assert "Saved: 250 Crossed regularly at Complejo Santa Rosa" in dialog.status.text()
    # Next: back to the category, pick "Turned back" by its first letter, on to the count.
    _key(qtbot, dialog, Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus(dialog) is dialog.category
    _type(qtbot, dialog, "T")
    assert dialog.category.currentData() == "turned_back"
    _key(qtbot, dialog, Key.Key_Tab)
    _type(qtbot, dialog, "12")
    _key(qtbot, dialog, Key.Key_Enter)
    qtbot.waitUntil(
        lambda: chart.series_values()["turned_back"][-1] == turned_back + 12, timeout=1000
    )
    assert chart.series_values()["crossed_regular"][-1] == regular + 250
    saved = ctx.store.observations(entered_by="Tester")
    assert [(o.category, o.count) for o in saved] == [("crossed_regular", 250), ("turned_back", 12)]
    assert all(o.source == "" and o.site_id == saved[0].site_id for o in saved)
    _key(qtbot, dialog, Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_form_changes_with_the_category(qtbot, ctx):
    records = build_records(qtbot, ctx)
    dialog = records.new_counts()
    assert dialog.start.isVisibleTo(dialog) and not dialog.at.isVisibleTo(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("stranded"))
    assert dialog.at.isVisibleTo(dialog) and not dialog.start.isVisibleTo(dialog)
    assert not dialog.direction.isVisibleTo(dialog)
    dialog.site.setCurrentIndex(dialog.site.findText("Línea de la Concordia"))
    qtbot.keyClicks(dialog.count, "33")
    qtbot.keyClick(dialog.count, Key.Key_Return)
    stock = ctx.store.observations(entered_by="Tester")[0]
    assert stock.category == "stranded" and stock.period_start == stock.period_end
    assert stock.period_start == lima(2025, 12, 1, 8) and stock.direction == "none"
    dialog.reject()


def test_problems_show_beside_their_fields_and_nothing_is_written(qtbot, ctx):
    records = build_records(qtbot, ctx)
    dialog = records.new_counts()
    qtbot.keyClicks(dialog.count, "10")
    qtbot.keyClicks(dialog.parts["adults"], "8")
    qtbot.keyClicks(dialog.parts["children"], "5")
    qtbot.keyClick(dialog.count, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors["children"].isVisible()
    assert "exceed the count (10)" in dialog.errors["children"].text()
    assert not dialog.errors["count"].isVisible()
    dialog.count.setText("12,5")
    qtbot.keyClick(dialog.count, Key.Key_Return)
    assert "not a whole number" in dialog.errors["count"].text()
    assert dialog.focusWidget() is dialog.count  # focus goes to the bad field
    dialog.start.setDateTime(dialog.end.dateTime().addSecs(3600))
    dialog.count.setText("12")
    dialog.parts["children"].clear()
    qtbot.keyClick(dialog.count, Key.Key_Return)
    assert "ends before it starts" in dialog.errors["period_end"].text()
    assert ctx.store.observations(entered_by="Tester") == []
    dialog.reject()


def test_defaults_follow_the_last_entry(qtbot, ctx):
    store = ctx.store
    site = store.site_by_name("Complejo Santa Rosa")
    store.add_observation(
        site_id=site.id,
        period_start=lima(2025, 11, 30, 19),
        period_end=lima(2025, 12, 1, 7),
        direction="into_peru",
        category="turned_back",
        count=3,
        source="PNP Santa Rosa",
    )
    records = build_records(qtbot, ctx)
    dialog = records.new_counts()
    assert dialog.site.currentText() == "Complejo Santa Rosa"
    assert dialog.category.currentData() == "turned_back"
    assert dialog.source.text() == "PNP Santa Rosa"
    assert dialog.start.dateTime().toString("yyyy-MM-dd HH:mm") == "2025-11-30 20:00"  # 12 h
    dialog.reject()
