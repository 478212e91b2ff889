"""What the daily briefing's 14-day chart counts (docs/architecture.md §7).

People who crossed per category and day (the stacked bars), the flows that are not crossings
(turned back, detained, assisted: drawn apart, never stacked on the crossings; docs/
architecture.md §4), the stranded line and the dated marks (decrees coming into force or
lapsing, milestones) over the briefing's days, as the store held them at the briefing's entry
cutoff. The words (labels, captions) are the briefing's own: ``db.briefing.sections``
puts them on. The window's flow chart has its own model, ``db.flows.chart_data.ChartData``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db.decrees.marks import dated_marks
from db.flows.figures import daily_series
from db.store.records import Decree, Milestone
from db.store.store import Store
from db.vocab import CROSSING_CATEGORIES, FLOW_CATEGORIES


@dataclass(frozen=True)
class BriefingChartMark:
    """A dated line across the chart: ``kind`` is milestone, decree_start or decree_end;
    ``name`` is the milestone's title or the decree's number."""

    day: date
    kind: str
    name: str


@dataclass(frozen=True)
class BriefingChartCounts:
    days: tuple[date, ...]
    flows: tuple[tuple[str, tuple[int, ...]], ...]  # (crossing category, one value a day)
    others: tuple[tuple[str, tuple[int, ...]], ...]  # (other category, one value a day)
    stranded: tuple[int | None, ...]
    marks: tuple[BriefingChartMark, ...]  # by day
    illustrative: bool


def briefing_chart_counts(
    store: Store,
    first: date,
    last: date,
    decrees: list[Decree],
    milestones: list[Milestone],
    as_of: datetime | None,
    tz: str,
) -> BriefingChartCounts:
    """The chart's days ``first`` to ``last`` (post-local, inclusive), read as of ``as_of``."""
    series = daily_series(store, first, last, by="category", tz=tz, as_of_entry=as_of)
    counted = [code for code in FLOW_CATEGORIES if any(series.flows.get(code, ()))]
    flows = tuple(
        (code, tuple(series.flows[code])) for code in counted if code in CROSSING_CATEGORIES
    )
    others = tuple(
        (code, tuple(series.flows[code])) for code in counted if code not in CROSSING_CATEGORIES
    )
    # The screen's rule (db.decrees.marks): an extension's start and its predecessor's lapse
    # are one mark.
    marks = [
        BriefingChartMark(mark.day, mark.kind, mark.title)
        for mark in dated_marks(decrees, milestones, tz)
        if first <= mark.day <= last
    ]
    return BriefingChartCounts(
        days=tuple(series.days),
        flows=flows,
        others=others,
        stranded=tuple(series.stranded),
        marks=tuple(marks),
        illustrative=series.illustrative,
    )
