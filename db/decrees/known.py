"""The decrees and milestones the post knew at an instant (docs/architecture.md §4, as-of rule).

Every reader of decrees and milestones (the countdown panel and its timeline strip, the wall
display, the chart's marks, ``status`` and the briefing) takes them from ``known_at``, so a
decree published tomorrow or a result reported tonight never shows early on one of them:

- a decree is known once it is entered (``entered_at ≤ T``) and published by the post's
  calendar day of T (``published_on ≤`` the post-local date of T);
- a milestone is known once it is entered (announced); its ``outcome`` is entered as a
  correction, so as of an earlier T the milestone reads as it did then, without it.

A reader that keeps what it read (the countdown ticks every second without the store) asks
``Known.holds_at`` whether the picture still holds, and reads again when it does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from db.clock import local_date, local_midnight, parse_instant, to_iso_precise
from db.store.asof import decrees_as_of, records_as_of
from db.store.records import Decree, Milestone
from db.store.store import Store


@dataclass(frozen=True)
class Known:
    """What the post knew at ``at``: decrees and milestones, each as it read then.

    ``next_change`` is the first instant after ``at`` at which that could change (an entry,
    correction or void reported later, or the day a stored decree is published); None if
    nothing stored would change it.
    """

    at: datetime
    decrees: list[Decree] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    next_change: datetime | None = None

    def holds_at(self, instant: datetime) -> bool:
        """True while ``instant`` sees the same decrees and milestones as ``at`` did."""
        if instant < self.at:
            return False
        return self.next_change is None or instant < self.next_change


def known_at(store: Store, at: datetime) -> Known:
    """The decrees and milestones known at ``at`` (aware), by the as-of rule above."""
    today = local_date(at, store.timezone)
    entered = decrees_as_of(store, at)
    decrees = [d for d in entered if d.published_on is None or d.published_on <= today]
    milestones = [
        m
        for m in records_as_of(store, "milestones", at, order="at, entered_at")
        if isinstance(m, Milestone) and m.at is not None
    ]
    changes = [
        local_midnight(d.published_on, store.timezone)
        for d in entered
        if d.published_on is not None and d.published_on > today
    ]
    instant = to_iso_precise(at)
    for sql in (
        "SELECT MIN(entered_at) FROM decrees WHERE entered_at > ?",
        "SELECT MIN(entered_at) FROM milestones WHERE entered_at > ?",
        "SELECT MIN(entered_at) FROM voids WHERE entered_at > ? "
        "AND record_kind IN ('decree', 'milestone')",
    ):
        (first,) = store.conn.execute(sql, (instant,)).fetchone()
        if first:
            changes.append(parse_instant(first))
    return Known(at, decrees, milestones, min(changes, default=None))
