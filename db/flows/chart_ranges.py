"""Where the flow chart looks: range presets and the dated marks drawn across it.

Presets answer "which days?" for the buttons 7 d, 30 d, decree period and all; marks are the
vertical lines for decrees coming into force or lapsing and for milestones. Both are in post
wall-clock seconds like the chart's data (see ``db.flows.chart_data``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db.clock import local_date
from db.decrees.countdown import chains, decree_window, last_day
from db.decrees.marks import dated_marks
from db.flows.chart_data import day_seconds, wall_seconds
from db.store.records import Decree, Milestone

PRESETS = ("7d", "30d", "decree", "all")


def preset_range(
    preset: str,
    now: datetime,
    tz: str,
    decrees: list[Decree],
    extent: tuple[date, date],
) -> tuple[date, date] | None:
    """The first and last day (post-local, inclusive) that ``preset`` shows at ``now``.

    ``extent`` is the data's first and last day. "decree" is the whole period of the decree
    chain in force at ``now`` (else the next one, else the last one), future days included so
    its end is on screen; None when there is no decree at all.
    """
    today = local_date(now, tz)
    if preset == "7d":
        return today - timedelta(days=6), today
    if preset == "30d":
        return today - timedelta(days=29), today
    if preset == "all":
        return extent
    if preset == "decree":
        chain = _chain_for(decrees, now)
        if not chain:
            return None
        first = min(d.starts_on for d in chain if d.starts_on is not None)
        return first, max(last_day(d) for d in chain)
    raise ValueError(f"preset must be one of {PRESETS}")


def _chain_for(decrees: list[Decree], now: datetime) -> list[Decree]:
    windows = [
        (chain, min(decree_window(d)[0] for d in chain), max(decree_window(d)[1] for d in chain))
        for chain in chains(decrees)
    ]
    if not windows:
        return []
    for chain, start, end in windows:
        if start <= now < end:
            return chain
    upcoming = [w for w in windows if w[1] > now]
    if upcoming:
        return min(upcoming, key=lambda w: w[1])[0]
    return max(windows, key=lambda w: w[2])[0]


def range_seconds(first: date, last: date) -> tuple[float, float]:
    """The x span of days ``first`` to ``last`` inclusive: from the first's start to the end of the last."""
    return day_seconds(first), day_seconds(last + timedelta(days=1))


@dataclass(frozen=True)
class ChartMark:
    """A dated vertical line: ``kind`` is decree_start, decree_end or milestone."""

    x: float
    kind: str
    title: str
    subkind: str = ""  # the milestone's kind (election, meeting...)


def chart_marks(decrees: list[Decree], milestones: list[Milestone], tz: str) -> list[ChartMark]:
    """The marks of ``db.decrees.marks.dated_marks`` (the rule the printed chart follows too),
    placed on the chart's x axis and sorted by x: a decree's at its instant on the post's
    clock, an all-day milestone at the start of its own day."""
    marks = [
        ChartMark(
            day_seconds(m.day) if m.all_day else wall_seconds(m.at, tz), m.kind, m.title, m.subkind
        )
        for m in dated_marks(decrees, milestones, tz)
    ]
    return sorted(marks, key=lambda mark: (mark.x, mark.kind))


SHORT_EXTENT_DAYS = 31
# What the chart reads before its first paint: the 30 days it opens on (``default_preset``),
# the six before them that the first days' 7-day means need, and a week to spare.
OPENING_READ_DAYS = 45


def default_preset(extent: tuple[date, date]) -> str:
    """What the chart opens on: all the data while it is a month or less, else the last 30 days."""
    first, last = extent
    return "all" if (last - first).days < SHORT_EXTENT_DAYS else "30d"


def view_limits(extent: tuple[date, date], marks: list[ChartMark]) -> tuple[float, float]:
    """How far the chart may be panned: the data, the marks, and a day either side."""
    lo, hi = range_seconds(*extent)
    xs = [m.x for m in marks]
    return min([lo, *xs]) - 86_400, max([hi, *xs]) + 86_400
