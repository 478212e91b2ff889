"""Forms in a post on Chile's time: a skipped hour is refused beside its field, a repeated one
is asked for (which of the two offsets) before anything is saved."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone

from db.clock import Clock
from desktop.context import AppContext
from desktop.dialogs.event_dialog import EventDialog
from desktop.dialogs.milestone_dialog import MilestoneDialog
from desktop.dialogs.observation_dialog import ObservationDialog
from desktop.watcher import StoreWatcher
from tests.csv_helpers import add_sites

pytestmark = pytest.mark.gui

SKIPPED = "'2026-09-06 00:30' does not exist in America/Santiago: the clocks skip that hour"
TWICE = (
    "'2026-04-04 23:30' happens twice in America/Santiago (the clocks go back): "
    "say which, UTC\u22123 or UTC\u22124"
)


@pytest.fixture
def ctx(store):
    add_sites(store)
    store.set_meta(timezone="America/Santiago")
    context = AppContext(
        store=store,
        clock=Clock(datetime(2026, 4, 1, 12, tzinfo=UTC), frozen=True),
        watcher=StoreWatcher(store),
        lang="en",
    )
    yield context
    context.watcher.close()


def _wall(day: tuple[int, int, int], hour: int, minute: int) -> QDateTime:
    return QDateTime(QDate(*day), QTime(hour, minute), QTimeZone.utc())


def _offset_list(dialog, field):
    from PySide6.QtWidgets import QComboBox

    return dialog.findChild(QComboBox, f"offset_{field}")


def test_event_form(qtbot, ctx):
    dialog = EventDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title_edit, "Corte de ruta")
    dialog.when.setDateTime(QDateTime(QDate(2026, 9, 6), QTime(0, 30)))
    dialog.accept()
    assert dialog.error("occurred_at").text() == SKIPPED
    assert ctx.store.events() == []
    dialog.when.setDateTime(QDateTime(QDate(2026, 4, 4), QTime(23, 30)))
    dialog.accept()
    assert dialog.error("occurred_at").text() == TWICE
    choice = _offset_list(dialog, "occurred_at")
    assert choice.isVisible() and choice.currentIndex() == -1
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "UTC\u22123: the first time (before the clocks go back)",
        "UTC\u22124: the second time (after the clocks go back)",
    ]
    assert ctx.store.events() == []
    choice.setCurrentIndex(1)
    dialog.accept()
    assert dialog.saved.occurred_at == datetime(2026, 4, 5, 3, 30, tzinfo=UTC)


def test_count_form(qtbot, ctx):
    dialog = ObservationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.category.setCurrentIndex(dialog.category.findData("stranded"))
    dialog.count.setText("4")
    dialog.at.setDateTime(_wall((2026, 9, 6), 0, 30))
    dialog.accept()
    assert dialog.error("at").text() == SKIPPED
    dialog.at.setDateTime(_wall((2026, 4, 4), 23, 30))
    dialog.accept()
    assert dialog.error("at").text() == TWICE
    assert ctx.store.observations() == []
    _offset_list(dialog, "at").setCurrentIndex(0)
    dialog.accept()
    [saved] = ctx.store.observations()
    assert saved.period_start == datetime(2026, 4, 5, 2, 30, tzinfo=UTC)


def test_count_form_period_end(qtbot, ctx):
    dialog = ObservationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.count.setText("4")
    dialog.start.setDateTime(_wall((2026, 9, 5), 23, 0))
    dialog.end.setDateTime(_wall((2026, 9, 6), 0, 30))
    dialog.accept()
    assert dialog.error("period_end").text() == SKIPPED
    assert ctx.store.observations() == []


def test_milestone_form(qtbot, ctx):
    dialog = MilestoneDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title_edit, "Cierre")
    dialog.zone.setCurrentIndex(dialog.zone.findData("America/Santiago"))
    dialog.when.setDateTime(_wall((2026, 9, 6), 0, 30))
    dialog.accept()
    assert dialog.error("at").text() == SKIPPED
    dialog.when.setDateTime(_wall((2026, 4, 4), 23, 30))
    dialog.accept()
    assert dialog.error("at").text() == TWICE
    assert ctx.store.milestones() == []
    _offset_list(dialog, "at").setCurrentIndex(0)
    dialog.accept()
    assert dialog.saved.at == datetime(2026, 4, 5, 2, 30, tzinfo=UTC)


def test_an_all_day_milestone_on_the_day_whose_midnight_is_skipped(qtbot, ctx):
    dialog = MilestoneDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title_edit, "Cambio de hora")
    dialog.zone.setCurrentIndex(dialog.zone.findData("America/Santiago"))
    dialog.all_day.setChecked(True)
    dialog.when.setDateTime(_wall((2026, 9, 6), 0, 0))
    dialog.accept()
    assert dialog.saved.all_day and dialog.saved.at == datetime(2026, 9, 6, 4, tzinfo=UTC)


def test_the_exercise_clock_is_not_moved_to_a_time_that_does_not_exist(qtbot, ctx):
    from desktop.window.clock_bar import ClockBar

    bar = ClockBar(ctx)
    qtbot.addWidget(bar)
    before = ctx.clock.now()
    bar.picker.setDateTime(_wall((2026, 9, 6), 0, 30))
    bar.set_from_picker()
    assert ctx.clock.now() == before
    assert bar.picker.toolTip() == SKIPPED
    bar.picker.setDateTime(_wall((2026, 9, 6), 1, 30))
    bar.set_from_picker()
    assert ctx.clock.now() == datetime(2026, 9, 6, 4, 30, tzinfo=UTC)
    assert bar.picker.toolTip() == "Exercise clock: type a time and press Enter"
