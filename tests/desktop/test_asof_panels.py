"""The records table, the events log and the map show what the post knew at the clock's time.

A record entered after the exercise clock is not shown until the clock passes its entry; a
correction entered after the clock leaves the old value on show (docs/architecture.md §4).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from db.clock import Clock, parse_instant
from db.store.asof import records_as_of
from tests.chart_fixtures import build_records, make_ctx
from tests.conftest import lima
from tests.map_fixtures import build_panel

pytestmark = pytest.mark.gui

T0 = lima(2025, 12, 1, 8)
USER = Qt.ItemDataRole.UserRole
LATER = T0 + timedelta(hours=2)


@pytest.fixture
def post(store, monkeypatch):
    """Records reported before T0, and a count, a correction, an event and a site after it."""

    def reported(instant):
        monkeypatch.setattr("db.store.store.utc_now", lambda: instant)

    reported(T0 - timedelta(hours=3))
    site = store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.1, lon=-70.3)
    night = store.add_observation(
        site_id=site.id,
        period_start=T0 - timedelta(hours=14),
        period_end=T0 - timedelta(hours=4),
        direction="into_peru",
        category="crossed_regular",
        count=120,
    )
    store.add_event(
        kind="incident", title="Patrulla en la ruta", occurred_at=T0 - timedelta(hours=5),
        lat=-18.2, lon=-70.3,
    )  # fmt: skip
    reported(LATER)
    store.correct(night.id, count=150)
    store.add_observation(
        site_id=site.id, period_start=T0 - timedelta(hours=1), category="stranded", count=7
    )
    store.add_event(kind="log", title="Relevo de turno", occurred_at=T0 - timedelta(hours=1))
    store.add_event(
        kind="incident", title="Grupo en la pampa", occurred_at=T0 - timedelta(minutes=30),
        lat=-18.0, lon=-70.2,
    )  # fmt: skip
    store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.35, lon=-70.33)
    return store


def _column(panel, name):
    from desktop.panels.records.model import COLUMNS

    col = COLUMNS.index(name)
    model = panel.table.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def _step_to(ctx, instant):
    ctx.clock.set(instant)
    ctx.clock_signals.moved.emit()


def test_the_records_table_shows_what_was_entered_by_the_exercise_clock(qtbot, post):
    ctx = make_ctx(post, T0)
    records = build_records(qtbot, ctx)
    assert _column(records, "count") == ["120"]  # the correction came after the clock
    assert records.total_label.text() == "Counts: 1 (up to the exercise clock)"
    sites = [records.site_filter.itemText(i) for i in range(records.site_filter.count())]
    assert sites == ["All sites", "Santa Rosa"]
    _step_to(ctx, LATER)
    assert _column(records, "count") == ["7", "150 ✎"]
    assert records.total_label.text() == "Counts: 2 (up to the exercise clock)"
    _step_to(ctx, T0)  # back: it reads as it did then
    assert _column(records, "count") == ["120"]
    ctx.watcher.close()


def test_the_events_log_and_the_map_show_what_was_known_at_the_clock(qtbot, post):
    clock = Clock(T0, frozen=True)
    panel = build_panel(qtbot, post, clock)
    log = panel.log
    log.period_filter.setCurrentIndex(log.period_filter.findData(None))  # all entries
    assert [e.title for e in log.model.rows] == ["Patrulla en la ruta"]
    assert log.count_label.text() == "1 entries"
    assert panel.event_count == 1
    assert [s.name for s in panel.sites_item.sites_painter.sites] == ["Santa Rosa"]
    _step_to(panel.ctx, LATER)
    assert [e.title for e in log.model.rows] == [
        "Grupo en la pampa",
        "Relevo de turno",
        "Patrulla en la ruta",
    ]
    assert panel.event_count == 2
    assert sorted(s.name for s in panel.sites_item.sites_painter.sites) == [
        "Chacalluta",
        "Santa Rosa",
    ]
    panel.ctx.watcher.close()


def test_the_search_boxes_find_what_was_known_at_the_clock(qtbot, post):
    clock = Clock(T0, frozen=True)
    panel = build_panel(qtbot, post, clock)
    log = panel.log
    log.period_filter.setCurrentIndex(log.period_filter.findData(None))
    log.search.setText("relevo")
    qtbot.waitUntil(lambda: log.count_label.text() == "0 entries")
    _step_to(panel.ctx, LATER)
    assert [e.title for e in log.model.rows] == ["Relevo de turno"]
    panel.ctx.watcher.close()


def test_at_any_instant_of_the_demo_the_panels_list_the_records_as_of_it(qtbot, demo):
    """Property: stepping the exercise clock to a random instant of the demo (its exercise, or
    when its records were reported), the records table and the events log hold exactly the
    records current as of that instant."""
    first, last = demo.conn.execute(
        "SELECT min(entered_at), max(entered_at) FROM (SELECT entered_at FROM observations "
        "UNION ALL SELECT entered_at FROM events)"
    ).fetchone()
    reports = st.datetimes(
        min_value=(parse_instant(first) - timedelta(hours=1)).replace(tzinfo=None),
        max_value=(parse_instant(last) + timedelta(hours=1)).replace(tzinfo=None),
        timezones=st.just(UTC),
    )
    exercise = st.datetimes(
        min_value=datetime(2025, 11, 1), max_value=datetime(2026, 5, 1), timezones=st.just(UTC)
    )
    ctx = make_ctx(demo, lima(2025, 12, 1, 8))
    records = build_records(qtbot, ctx)
    panel = build_panel(qtbot, demo, ctx.clock)
    log = panel.log
    log.period_filter.setCurrentIndex(log.period_filter.findData(None))

    @settings(max_examples=15, deadline=None)
    @given(st.one_of(reports, exercise))
    def panels_follow_the_rule(t):
        _step_to(ctx, t)
        _step_to(panel.ctx, t)
        counts = records_as_of(demo, "observations", t, order="period_start DESC")
        assert records.model.total == len(counts)
        shown = {records.model.data(records.model.index(r, 0), USER) for r in range(100)}
        assert shown - {None} <= {o.id for o in counts}
        assert len(shown - {None}) == min(100, len(counts))
        events = records_as_of(demo, "events", t)
        assert sorted(e.id for e in log.model.rows) == sorted(e.id for e in events)

    panels_follow_the_rule()
    ctx.watcher.close()
    panel.ctx.watcher.close()
