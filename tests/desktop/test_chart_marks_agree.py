"""The dated marks on the screen's chart and on the printed briefing's chart are one list."""

from __future__ import annotations

from datetime import date

import pytest

from db.briefing.content import compose_briefing
from db.flows.chart_data import day_at
from tests.chart_fixtures import build_chart, make_ctx
from tests.conftest import lima

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (
            date(2026, 2, 10),  # the extension takes over on 28 Jan: one mark, not two
            [(date(2026, 1, 28), "decree_start", "DS N° 013-2026-PCM")],
        ),
        (
            date(2025, 12, 20),
            [
                (date(2025, 12, 9), "milestone", "Grupo técnico consular y migratorio en Tacna"),
                (date(2025, 12, 14), "milestone", "Segunda vuelta en Chile"),
            ],
        ),
    ],
)
def test_screen_and_paper_show_the_same_marks(demo, qtbot, day, expected):
    briefing = compose_briefing(demo, day, operator="Ana", lang="en")
    first, last = briefing.chart.days[0], briefing.chart.days[-1]
    paper = [(m.day, m.mark, m.name) for m in briefing.chart.markers]
    ctx = make_ctx(demo, briefing.period_end)
    try:
        chart = build_chart(qtbot, ctx)
        screen = [
            (day_at(m.x), m.kind, m.title) for m in chart.marks if first <= day_at(m.x) <= last
        ]
        labels = [text for x, text in chart.plot.marks.shown() if first <= day_at(x) <= last]
    finally:
        ctx.watcher.close()
    assert screen == paper == expected
    assert len(labels) == len(paper)


def test_a_decree_published_later_draws_no_mark_yet(demo, qtbot):
    ctx = make_ctx(demo, lima(2025, 12, 3, 12))
    try:
        chart = build_chart(qtbot, ctx)
        decree_marks = [(day_at(m.x), m.kind) for m in chart.marks if m.kind != "milestone"]
    finally:
        ctx.watcher.close()
    assert decree_marks == [
        (date(2025, 11, 29), "decree_start"),
        (date(2026, 1, 28), "decree_end"),
    ]
