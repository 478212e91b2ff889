"""The dated marks drawn across a flow chart: one rule for the screen and the printed chart.

A decree is marked on the day it comes into force and on the day it lapses, except that an
extension starting the moment its predecessor lapses makes one mark (its start), not two on the
same day: the emergency goes on. A milestone is marked on its own calendar day when it is
all-day (the run-off on 14 Dec in Chile is on 14 Dec, not at 22:00 Lima the evening before),
else at its instant. The caller passes what was known at the chart's instant
(``db.decrees.known``), so a decree published later or a milestone announced later draws no mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db.clock import local_date
from db.decrees.countdown import decree_window
from db.store.records import Decree, Milestone

KIND_ORDER = {"decree_end": 0, "decree_start": 1, "milestone": 2}


@dataclass(frozen=True)
class DatedMark:
    """One mark: ``kind`` is decree_start, decree_end or milestone; ``title`` the decree's
    number or the milestone's title; ``day`` the post-local day it falls on; ``at`` its
    instant (an all-day milestone: the start of its day in its own zone)."""

    day: date
    at: datetime
    kind: str
    title: str
    subkind: str = ""  # the milestone's kind (election, meeting...)
    all_day: bool = False


def dated_marks(decrees: list[Decree], milestones: list[Milestone], tz: str) -> list[DatedMark]:
    """Every mark of ``decrees`` and ``milestones``, by day (``tz``: the post's zone)."""
    marks: list[DatedMark] = []
    windows = [(d, *decree_window(d)) for d in decrees]
    starts = {start for _d, start, _end in windows}
    for decree, start, _end in windows:
        marks.append(DatedMark(local_date(start, tz), start, "decree_start", decree.number))
    for decree, _start, end in windows:
        if end not in starts:
            marks.append(DatedMark(local_date(end, tz), end, "decree_end", decree.number))
    for m in milestones:
        if m.at is None:
            continue
        day = local_date(m.at, m.tz) if m.all_day else local_date(m.at, tz)
        marks.append(DatedMark(day, m.at, "milestone", m.title, m.milestone_kind, m.all_day))
    return sorted(marks, key=lambda k: (k.day, k.at, KIND_ORDER[k.kind], k.title))
