"""A trainee's count under the exercise clock: in the table at once, its real time in the audit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.clock import utc_now
from desktop.countdown_text import date_text
from tests.chart_fixtures import build_records, make_ctx
from tests.conftest import LIMA, lima

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(demo):
    context = make_ctx(demo, lima(2025, 12, 1, 8))
    yield context
    context.watcher.close()


def test_a_count_entered_on_the_exercise_clock_shows_at_once_and_keeps_its_real_time(qtbot, ctx):
    from desktop.panels.records.model import COLUMNS

    records = build_records(qtbot, ctx)
    real_days = {date_text(utc_now().astimezone(LIMA).date(), "en")}
    records.activateWindow()
    qtbot.waitUntil(records.isActiveWindow)
    qtbot.keyClick(records.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = records.dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.count, "4321")
    qtbot.keyClick(dialog.count, Qt.Key.Key_Return)
    (saved,) = ctx.store.observations(entered_by="Tester")
    assert saved.entered_at == lima(2025, 12, 1, 8)  # the exercise clock's time
    dialog.reject()
    # In the records table at once: the exercise clock is not past its report time.
    qtbot.waitUntil(lambda: records.select(saved.id), timeout=1000)
    model, count_col = records.table.model(), COLUMNS.index("count")
    assert model.index(records.model.row_of(saved.id), count_col).data() == "4,321"
    history = records.history_selected()
    real_days.add(date_text(utc_now().astimezone(LIMA).date(), "en"))
    header = history.table.horizontalHeaderItem(5).text()
    assert header == "Real time of entry" and not history.table.isColumnHidden(5)
    assert history.table.item(0, 0).text().startswith(date_text(lima(2025, 12, 1).date(), "en"))
    assert history.table.item(0, 0).text().endswith("08:00:00")
    real = history.table.item(0, 5).text()
    assert any(real.startswith(day) for day in real_days), real
    history.reject()


def test_the_history_of_a_live_entry_has_no_real_time_column(qtbot, demo):
    context = make_ctx(demo)
    context.clock.set(None)  # released to live time
    records = build_records(qtbot, context)
    obs = demo.add_observation(
        site_id=demo.site_by_name("Complejo Santa Rosa").id,
        period_start=lima(2025, 12, 1, 6),
        period_end=lima(2025, 12, 1, 7),
        direction="into_peru",
        category="turned_back",
        count=5,
    )
    from desktop.dialogs.history_dialog import HistoryDialog

    history = HistoryDialog(context, obs.id, records)
    assert history.table.isColumnHidden(5)
    assert history.table.item(0, 5).text() == ""
    history.reject()
    context.watcher.close()
