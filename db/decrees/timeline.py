"""What the countdown's timeline strip draws: decree periods, gaps, milestones and "now".

The desktop maps instants to pixels with ``Timeline.fraction`` and paints; every date here
(range, month ticks, which period is past) is decided in ``db/`` like the rest of the countdown.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from db.clock import local_date, local_midnight
from db.decrees.countdown import (
    DEFAULT_THRESHOLDS,
    Thresholds,
    countdown,
    decree_window,
    milestone_end,
)
from db.store.records import Decree, Milestone

PAD_DAYS = 4  # room either side of the first start and the last end
EMPTY_BEFORE_DAYS = 7  # range around "now" when there is nothing to show
EMPTY_AFTER_DAYS = 30


class Period(NamedTuple):
    """One decree's time in force, on the row of its chain."""

    row: int
    number: str
    starts_at: datetime
    ends_at: datetime
    phase: str  # "past" | "current" | "future"
    state: str  # the chain's state while current (in_force, warning, critical), else the phase


class Lapse(NamedTuple):
    """A gap in a chain: the emergency had lapsed for ``days`` days."""

    row: int
    starts_at: datetime
    ends_at: datetime
    days: int


class Mark(NamedTuple):
    """A milestone on the strip (all-day ones span their day)."""

    title: str
    kind: str
    at: datetime
    ends_at: datetime
    all_day: bool
    past: bool


class Tick(NamedTuple):
    """The first of a month in the post's zone, for the strip's axis."""

    at: datetime
    day: date


class Timeline(NamedTuple):
    """Everything the strip draws, over the range from ``starts_at`` to ``ends_at``."""

    starts_at: datetime
    ends_at: datetime
    now: datetime
    rows: int
    periods: list[Period]
    lapses: list[Lapse]
    marks: list[Mark]
    ticks: list[Tick]

    def fraction(self, instant: datetime) -> float:
        """Where ``instant`` falls along the strip: 0 at its start, 1 at its end."""
        span = (self.ends_at - self.starts_at).total_seconds()
        return (instant - self.starts_at).total_seconds() / span if span > 0 else 0.0


def _month_ticks(start: datetime, end: datetime, tz: str) -> list[Tick]:
    day = local_date(start, tz).replace(day=1)
    ticks: list[Tick] = []
    while True:
        at = local_midnight(day, tz)
        if at > end:
            return ticks
        if at >= start:
            ticks.append(Tick(at, day))
        day = (day + timedelta(days=32)).replace(day=1)


def timeline(
    decrees: list[Decree],
    milestones: list[Milestone],
    now: datetime,
    tz: str,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Timeline:
    """The strip from a few days before the first decree or milestone to a few days after the
    last end, always holding ``now``. Rows follow ``countdown``'s order of chains."""
    periods: list[Period] = []
    lapses: list[Lapse] = []
    for row, status in enumerate(countdown(decrees, now, thresholds)):
        for d in status.chain:
            s, e = decree_window(d)
            phase = "past" if e <= now else "future" if s > now else "current"
            state = status.state if phase == "current" else phase
            periods.append(Period(row, d.number, s, e, phase, state))
        lapses.extend(Lapse(row, g.starts_at, g.ends_at, g.days) for g in status.gaps)
    marks = [
        Mark(
            m.title,
            m.milestone_kind,
            m.at,
            milestone_end(m),
            m.all_day,
            milestone_end(m) <= now,
        )
        for m in sorted(milestones, key=lambda m: m.at or now)
        if m.at is not None
    ]
    instants = [p.starts_at for p in periods] + [p.ends_at for p in periods]
    instants += [m.at for m in marks] + [m.ends_at for m in marks]
    if instants:
        pad = timedelta(days=PAD_DAYS)
        start, end = min([*instants, now]) - pad, max([*instants, now]) + pad
    else:
        start = now - timedelta(days=EMPTY_BEFORE_DAYS)
        end = now + timedelta(days=EMPTY_AFTER_DAYS)
    rows = max((p.row for p in periods), default=-1) + 1
    return Timeline(start, end, now, rows, periods, lapses, marks, _month_ticks(start, end, tz))
