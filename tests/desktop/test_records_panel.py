"""The records table: filters, correct, void, history, and Ctrl+Z (a voiding, never a delete)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.store.records import Void
from db.store.store import Store
from tests import gui_helpers
from tests.chart_fixtures import build_chart, build_records, make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui

Yes, No, Ok = (
    QMessageBox.StandardButton.Yes,
    QMessageBox.StandardButton.No,
    QMessageBox.StandardButton.Ok,
)


@pytest.fixture
def ctx(demo):
    context = make_ctx(demo)
    yield context
    context.watcher.close()


@pytest.fixture
def records(qtbot, ctx):
    return build_records(qtbot, ctx)


def _count(store, site_name="Complejo Santa Rosa", count=40, hour=6, category="turned_back"):
    return store.add_observation(
        site_id=store.site_by_name(site_name).id,
        period_start=lima(2025, 12, 1, hour),
        period_end=lima(2025, 12, 1, hour + 1),
        direction="into_peru",
        category=category,
        count=count,
        source="PNP",
    )


def _column(panel, name):
    from desktop.panels.records.model import COLUMNS

    col = COLUMNS.index(name)
    model = panel.table.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_the_table_pages_through_thousands_of_counts(qtbot, demo):
    later = make_ctx(demo, lima(2026, 4, 2))  # the exercise clock after the demo's last report
    records = build_records(qtbot, later)
    total = demo.counts()["observations"]
    assert total > 1500  # the demo's counts
    assert records.total_label.text() == f"Counts: {total:,} (up to the exercise clock)"
    from db.flows.query import PAGE_ROWS

    assert records.model.rowCount() == PAGE_ROWS  # the first page; more as the view scrolls
    records.table.scrollToBottom()
    qtbot.waitUntil(lambda: records.model.rowCount() > PAGE_ROWS)
    later.watcher.close()


def test_an_exercise_lists_only_what_was_reported_by_its_clock(qtbot, records, ctx):
    assert max(_column(records, "period")) < "2025-12-01 08:01"
    ctx.clock.set(lima(2025, 12, 2, 8))
    ctx.clock_signals.moved.emit()
    periods = _column(records, "period")
    assert max(periods) < "2025-12-02 08:01"
    assert "2025-12-02 07:00–19:00" not in periods  # a shift's counts arrive after the shift
    ctx.clock.set(lima(2025, 12, 2, 21))
    ctx.clock_signals.moved.emit()
    assert "2025-12-02 07:00–19:00" in _column(records, "period")


def test_filters_by_site_category_period_and_operator(qtbot, records, ctx):
    store = ctx.store
    _count(store, count=41)
    other = Store.open(store.path, operator="Luis")
    other.report_clock = ctx.clock  # a station in the same exercise
    _count(other, count=42, hour=5)
    other.close()
    qtbot.waitUntil(lambda: records.operator_filter.findText("Luis") >= 0, timeout=1000)
    records.site_filter.setCurrentIndex(records.site_filter.findText("Complejo Santa Rosa"))
    records.category_filter.setCurrentIndex(records.category_filter.findData("turned_back"))
    records.set_period(date(2025, 12, 1), date(2025, 12, 1))
    # Ours at 06:00 and 05:00 (the demo's day shift of 1 Dec is reported after the clock).
    assert _column(records, "period") == ["2025-12-01 06:00–07:00", "2025-12-01 05:00–06:00"]
    assert _column(records, "count") == ["41", "42"]
    assert set(_column(records, "site")) == {"Complejo Santa Rosa"}
    assert set(_column(records, "category")) == {"Turned back"}
    records.operator_filter.setCurrentIndex(records.operator_filter.findText("Luis"))
    assert _column(records, "count") == ["42"] and _column(records, "entered_by") == ["Luis"]
    assert records.total_label.text() == "Counts: 1 (up to the exercise clock)"


def test_correct_through_the_form_then_see_the_history(qtbot, records, ctx):
    store = ctx.store
    obs = _count(store)
    records.set_period(date(2025, 12, 1), date(2025, 12, 1))
    qtbot.waitUntil(lambda: records.select(obs.id), timeout=1000)
    dialog = records.correct_selected()
    assert dialog.windowTitle() == "Correct count" and dialog.count.text() == "40"
    dialog.count.setText("38")
    qtbot.keyClick(dialog.count, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    fixed = store.observations(entered_by="Tester")[0]
    assert fixed.count == 38 and fixed.supersedes == obs.id
    qtbot.waitUntil(lambda: records.selected_id() == fixed.id, timeout=1000)
    assert _column(records, "count")[records.model.row_of(fixed.id)] == "38 ✎"
    history = records.history_selected()
    assert [change for change, _ in history.rows] == ["Entered", "Corrected (current)"]
    assert "40 Turned back" in history.rows[0][1] and "38 Turned back" in history.rows[1][1]
    history.reject()


def test_void_with_a_reason(qtbot, records, ctx):
    store = ctx.store
    obs = _count(store)
    records.set_period(date(2025, 12, 1), date(2025, 12, 1))
    qtbot.waitUntil(lambda: records.select(obs.id), timeout=1000)
    dialog = records.void_selected()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: refused, beside the field
    assert dialog.isVisible() and "required" in dialog.errors["reason"].text()
    qtbot.keyClicks(dialog.reason, "counted twice")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not store.is_current(obs.id)
    assert store.history(obs.id)[-1].reason == "counted twice"
    qtbot.waitUntil(lambda: records.model.row_of(obs.id) is None, timeout=1000)


def test_ctrl_z_voids_my_last_entry_after_confirming(qtbot, ctx):
    chart = build_chart(qtbot, ctx)
    records = build_records(qtbot, ctx)
    store = ctx.store
    today = chart.series_values()["turned_back"][-1]  # the demo's own counts of the day
    first = _count(store, count=40, hour=5)
    last = _count(store, count=7, hour=6)
    qtbot.waitUntil(lambda: chart.series_values()["turned_back"][-1] == today + 47, timeout=1000)
    records.activateWindow()
    qtbot.waitUntil(records.isActiveWindow)
    gui_helpers.SEEN.clear()
    gui_helpers.answer_boxes(No)  # changed their mind: nothing happens
    qtbot.keyClick(records.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.is_current(last.id)
    assert "7 Turned back, Into Peru at Complejo Santa Rosa" in gui_helpers.SEEN[-1]
    gui_helpers.answer_boxes(Yes)
    records.activateWindow()  # the message box had the focus
    qtbot.waitUntil(records.isActiveWindow)
    qtbot.keyClick(records.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not store.is_current(last.id) and store.is_current(first.id)
    void = store.history(last.id)[-1]
    assert isinstance(void, Void) and void.reason == "undone by operator (Ctrl+Z)"
    assert store.get(last.id).count == 7  # still there, in the history: never deleted
    qtbot.waitUntil(lambda: chart.series_values()["turned_back"][-1] == today + 40, timeout=1000)


def test_ctrl_z_with_nothing_to_undo_says_so(qtbot, records):
    gui_helpers.SEEN.clear()
    gui_helpers.answer_boxes(Ok)
    records.undo_action.trigger()
    assert gui_helpers.SEEN == ["You have no entry to undo."]


def test_ctrl_z_on_a_correction_warns_that_the_record_goes(qtbot, records, ctx):
    store = ctx.store
    fixed = store.correct(_count(store).id, count=39)
    gui_helpers.SEEN.clear()
    gui_helpers.answer_boxes(No)
    records.undo_action.trigger()
    assert "39 Turned back" in gui_helpers.SEEN[-1]
    assert "This entry is a correction" in gui_helpers.SEEN[-1]
    assert store.is_current(fixed.id)
