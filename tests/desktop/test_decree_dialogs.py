"""Entering, correcting and voiding decrees and milestones through the dialogs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, QTimeZone
from PySide6.QtWidgets import QApplication, QLabel

from db.clock import Clock
from db.decrees.countdown import countdown
from desktop.context import AppContext
from desktop.dialogs.decree_dialog import DecreeDialog
from desktop.dialogs.decrees_manager import DecreesManagerDialog
from desktop.dialogs.history_dialog import HistoryDialog
from desktop.dialogs.milestone_dialog import MilestoneDialog
from desktop.dialogs.void_dialog import VoidDialog
from desktop.panels.countdown.panel import CountdownPanel
from desktop.watcher import StoreWatcher
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(demo, qtbot, monkeypatch):
    # Entries are reported at the exercise's time, as the exercise clock's entries are.
    monkeypatch.setattr("db.store.store.utc_now", lambda: lima(2025, 12, 3, 12))
    watcher = StoreWatcher(demo)
    context = AppContext(demo, Clock(lima(2025, 12, 3, 12), frozen=True), watcher, lang="en")
    yield context
    watcher.close()


def _numbers(panel) -> list[str]:
    return [
        label.text()
        for label in panel.findChildren(QLabel)
        if label.objectName().startswith("countdownNumber") and label.isVisibleTo(panel)
    ]


def _decree_count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM decrees").fetchone()[0]


def test_entering_a_decree_shows_it_in_the_panel(ctx, qtbot):
    panel = CountdownPanel(ctx)
    qtbot.addWidget(panel)
    dialog = DecreeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.number, "DS N° 140-2025-PCM")
    qtbot.keyClicks(dialog.title_edit, "Declaran el Estado de Emergencia en Desaguadero")
    qtbot.keyClicks(dialog.authority, "Presidencia del Consejo de Ministros")
    qtbot.keyClicks(dialog.zone, "Desaguadero (Puno)")
    dialog.published.setDate(QDate(2025, 12, 1))
    dialog.starts.setDate(QDate(2025, 12, 2))
    dialog.days.selectAll()
    qtbot.keyClicks(dialog.days, "30")
    qtbot.keyClicks(dialog.source, "El Peruano")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == DecreeDialog.DialogCode.Accepted
    assert _numbers(panel) == ["DS N° 140-2025-PCM", "DS N° 135-2025-PCM"]
    assert panel.findChild(QLabel, "countdownDay").text() == "Day 2 of 30"
    saved = dialog.saved
    assert (saved.days, saved.zone, saved.entered_by) == (30, "Desaguadero (Puno)", "Tester")


def test_invalid_field_shows_a_message_beside_it_and_writes_nothing(ctx, qtbot):
    before = _decree_count(ctx.store)
    dialog = DecreeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.number, "DS N° 141-2025-PCM")
    dialog.published.setDate(QDate(2025, 12, 5))
    dialog.starts.setDate(QDate(2025, 12, 1))
    dialog.days.selectAll()
    qtbot.keyClicks(dialog.days, "400")
    qtbot.keyClick(dialog.source, Qt.Key.Key_Return)  # Enter saves
    assert dialog.isVisible() and dialog.result() != DecreeDialog.DialogCode.Accepted
    assert dialog.error("starts_on").text() == "starts before it was published"
    assert dialog.error("starts_on").isVisible()
    assert "at most 365" in dialog.error("days").text()
    assert not dialog.error("number").isVisible()
    assert _decree_count(ctx.store) == before
    # Fixing the fields clears the messages and saves.
    dialog.starts.setDate(QDate(2025, 12, 6))
    dialog.days.setValue(30)
    qtbot.keyClick(dialog.source, Qt.Key.Key_Return)
    assert dialog.result() == DecreeDialog.DialogCode.Accepted
    assert _decree_count(ctx.store) == before + 1


def test_extension_defaults_and_duplicate_number_in_its_chain(ctx, qtbot):
    dialog = DecreeDialog(ctx)
    qtbot.addWidget(dialog)
    ext = next(d for d in ctx.store.decrees() if d.extends)
    dialog.extends.setCurrentIndex(dialog.extends.findData(ext.id))
    assert dialog.starts.date() == QDate(2026, 3, 29)  # the day after DS 013's last day
    assert dialog.days.value() == 60
    assert dialog.zone.text() == ext.zone
    qtbot.keyClicks(dialog.number, "DS N° 135-2025-PCM")
    dialog.published.setDate(QDate(2026, 3, 20))
    dialog.accept()
    assert dialog.error("number").text() == "DS N° 135-2025-PCM is already in this chain"


def test_tab_order_is_reading_order(ctx, qtbot):
    dialog = DecreeDialog(ctx)
    qtbot.addWidget(dialog)
    order, widget = [], dialog.number
    for _ in range(9):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not widget.objectName().startswith("field_") and widget is not dialog.ok_button:
            widget = widget.nextInFocusChain()
    assert order == [
        "field_number",
        "field_title",
        "field_authority",
        "field_zone",
        "field_published_on",
        "field_starts_on",
        "field_days",
        "field_extends",
        "field_source",
    ]


def test_correcting_a_decree_keeps_history(ctx, qtbot):
    original = next(d for d in ctx.store.decrees() if not d.extends)
    dialog = DecreeDialog(ctx, original)
    qtbot.addWidget(dialog)
    assert dialog.number.text() == original.number and dialog.days.value() == 60
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Titulo corregido")
    dialog.accept()
    assert dialog.result() == DecreeDialog.DialogCode.Accepted
    history = HistoryDialog(ctx, original.id)
    qtbot.addWidget(history)
    actions = [history.table.item(r, 3).text() for r in range(history.table.rowCount())]
    assert actions == ["Entered", "Corrected (current)"]
    # The extension still follows the corrected decree: one chain, two links.
    (status,) = countdown(ctx.store.decrees(), lima(2025, 12, 3, 12))
    assert [d.number for d in status.chain] == ["DS N° 135-2025-PCM", "DS N° 013-2026-PCM"]
    assert status.decree.title == "Titulo corregido"


def test_entering_a_milestone_in_chile_time(ctx, qtbot):
    panel = CountdownPanel(ctx)
    qtbot.addWidget(panel)
    dialog = MilestoneDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title_edit, "Cierre de mesas en Chile")
    dialog.kind.setCurrentIndex(dialog.kind.findData("deadline"))
    dialog.zone.setCurrentIndex(dialog.zone.findData("America/Santiago"))
    dialog.when.setDateTime(QDateTime(QDate(2025, 12, 5), QTime(18, 0), QTimeZone.utc()))
    qtbot.keyClicks(dialog.source, "Servel")
    qtbot.keyClick(dialog.source, Qt.Key.Key_Return)
    assert dialog.result() == MilestoneDialog.DialogCode.Accepted
    assert dialog.saved.at == datetime(2025, 12, 5, 21, tzinfo=UTC)  # 18:00 Chile (UTC−3)
    assert panel.findChild(QLabel, "milestoneTitle_1").text() == "Cierre de mesas en Chile"
    assert panel.findChild(QLabel, "milestoneBadge_1").text() == "D-2"
    assert panel.findChild(QLabel, "milestoneWhen_1").text() == "5 Dec 2025 18:00 Chile (UTC−3)"


def test_all_day_milestone_needs_a_title(ctx, qtbot):
    dialog = MilestoneDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.all_day.setChecked(True)
    dialog.accept()
    assert dialog.error("title").text() == "is required"
    qtbot.keyClicks(dialog.title_edit, "Feriado")
    dialog.when.setDateTime(QDateTime(QDate(2025, 12, 8), QTime(15, 0), QTimeZone.utc()))
    dialog.accept()
    assert dialog.saved.all_day and dialog.saved.at == lima(2025, 12, 8)


def test_voiding_asks_for_a_reason_and_history_shows_it(ctx, qtbot):
    milestone = ctx.store.milestones()[0]
    dialog = VoidDialog(ctx, milestone.id, milestone.title)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "reason is required" in dialog.error("reason").text()
    assert ctx.store.is_current(milestone.id)
    qtbot.keyClicks(dialog.reason, "entered by mistake")
    dialog.accept()
    assert not ctx.store.is_current(milestone.id)
    history = HistoryDialog(ctx, milestone.id)
    qtbot.addWidget(history)
    last = history.table.rowCount() - 1
    assert history.table.item(last, 3).text() == "Voided: entered by mistake"


def test_voiding_an_extended_decree_is_refused_with_a_message(ctx, qtbot):
    original = next(d for d in ctx.store.decrees() if not d.extends)
    dialog = VoidDialog(ctx, original.id, original.number)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason, "withdrawn")
    dialog.accept()
    assert "DS N° 013-2026-PCM extends this decree" in dialog.general_error.text()
    assert ctx.store.is_current(original.id)


def test_manager_lists_records_and_voids_the_selected_one(ctx, qtbot):
    manager = DecreesManagerDialog(ctx)
    qtbot.addWidget(manager)
    assert manager.decree_table.rowCount() == 2
    assert manager.decree_table.item(1, 4).text() == "DS N° 135-2025-PCM"  # extends
    manager.tabs.setCurrentIndex(1)
    assert manager.milestone_table.rowCount() == 7
    assert not manager.void.isEnabled()
    manager.milestone_table.selectRow(0)
    assert manager.void.isEnabled()

    def fill_reason() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, VoidDialog)
        qtbot.keyClicks(box.reason, "duplicate")
        box.accept()

    QTimer.singleShot(0, fill_reason)
    manager.void.click()
    assert manager.milestone_table.rowCount() == 6
    assert len(ctx.store.milestones()) == 6


def test_an_outcome_is_entered_as_a_correction_and_shows_from_then(ctx, qtbot):
    panel = CountdownPanel(ctx)
    qtbot.addWidget(panel)
    inauguration = next(m for m in ctx.store.milestones() if m.title.startswith("Asunción"))
    dialog = MilestoneDialog(ctx, inauguration)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.outcome, "Kast asume")
    qtbot.keyClicks(dialog.outcome_source, "Servel")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == MilestoneDialog.DialogCode.Accepted
    assert (dialog.saved.outcome, dialog.saved.outcome_source) == ("Kast asume", "Servel")
    assert panel.findChild(QLabel, "milestoneWhen_3").text().endswith("Outcome: Kast asume")
    # As of the morning, before it was reported (12:00 on the exercise clock), it is not there.
    ctx.clock.set(lima(2025, 12, 3, 11))
    ctx.clock_signals.moved.emit()
    assert "Outcome" not in panel.findChild(QLabel, "milestoneWhen_3").text()


def test_the_manager_lists_each_milestone_outcome(ctx, qtbot):
    manager = DecreesManagerDialog(ctx)
    qtbot.addWidget(manager)
    table = manager.milestone_table
    outcome_column = next(
        c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "Outcome"
    )
    rows = {
        table.item(r, 1).text(): table.item(r, outcome_column).text()
        for r in range(table.rowCount())
    }
    assert rows["Segunda vuelta en Chile"] == "Kast 58.17 %, Jara 41.83 % (Servel, preliminar)"
    assert rows["Asunción de mando en Chile"] == ""
