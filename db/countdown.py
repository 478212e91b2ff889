"""Decree chains, their states and the milestones ahead (DESIGN.md §4).

A decree of N calendar days starting on S is in force from S 00:00 to S+N 00:00 in its zone.
Extensions (``extends``) make a chain; the countdown reports the link in force (or next) and the
end of the whole chain, and shows any gap between links instead of joining them silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from db.clock import local_date, local_midnight, to_iso
from db.records import Decree, Milestone

WARN_DAYS = 7
CRITICAL_DAYS = 2

STATES = ("upcoming", "in_force", "warning", "critical", "expired")


@dataclass(frozen=True)
class Thresholds:
    warn_days: float = WARN_DAYS
    critical_days: float = CRITICAL_DAYS


DEFAULT_THRESHOLDS = Thresholds()


def decree_window(decree: Decree) -> tuple[datetime, datetime]:
    """The UTC instants at which ``decree`` comes into force and lapses."""
    assert decree.starts_on is not None
    start = local_midnight(decree.starts_on, decree.tz)
    end = local_midnight(decree.starts_on + timedelta(days=decree.days), decree.tz)
    return start, end


def last_day(decree: Decree) -> date:
    assert decree.starts_on is not None
    return decree.starts_on + timedelta(days=decree.days - 1)


def chains(decrees: list[Decree]) -> list[list[Decree]]:
    """The decrees grouped into chains, each ordered from the original to the latest extension."""
    by_id = {d.id: d for d in decrees}
    children: dict[str | None, list[Decree]] = {}
    for d in decrees:
        parent = d.extends if d.extends in by_id else None
        children.setdefault(parent, []).append(d)
    result = []
    for root in sorted(children.get(None, []), key=lambda d: (d.starts_on, d.number)):
        chain, frontier = [], [root]
        while frontier:
            node = frontier.pop(0)
            chain.append(node)
            frontier.extend(
                sorted(children.get(node.id, []), key=lambda d: (d.starts_on, d.number))
            )
        result.append(chain)
    return result


def chain_of(decrees: list[Decree], decree_id: str | None) -> list[Decree]:
    """The chain that contains ``decree_id`` (empty if none does)."""
    for chain in chains(decrees):
        if any(d.id == decree_id for d in chain):
            return chain
    return []


@dataclass(frozen=True)
class Gap:
    after: str
    before: str
    starts_at: datetime
    ends_at: datetime

    @property
    def days(self) -> int:
        return round((self.ends_at - self.starts_at).total_seconds() / 86400)


@dataclass(frozen=True)
class ChainStatus:
    """Where one chain stands at one instant: what the countdown panel and status show."""

    decree: Decree
    chain: list[Decree]
    state: str
    day: int
    days: int
    starts_at: datetime
    ends_at: datetime
    remaining_seconds: int
    chain_ends_at: datetime
    gaps: list[Gap] = field(default_factory=list)
    lapsed: bool = False  # inside a gap: the previous link lapsed, the next is not yet in force

    @property
    def number(self) -> str:
        return self.decree.number

    @property
    def ends_on(self) -> date:
        return last_day(self.decree)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "chain": [d.number for d in self.chain],
            "state": self.state,
            "day": self.day,
            "days": self.days,
            "starts_on": self.decree.starts_on.isoformat() if self.decree.starts_on else None,
            "ends_on": self.ends_on.isoformat(),
            "ends_at": to_iso(self.ends_at),
            "remaining_seconds": self.remaining_seconds,
            "chain_ends_at": to_iso(self.chain_ends_at),
            "gaps": [
                {
                    "after": g.after,
                    "before": g.before,
                    "starts_at": to_iso(g.starts_at),
                    "ends_at": to_iso(g.ends_at),
                    "days": g.days,
                }
                for g in self.gaps
            ],
            "lapsed": self.lapsed,
        }


def chain_status(
    chain: list[Decree], at: datetime, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> ChainStatus:
    """The state of ``chain`` at instant ``at`` (aware)."""
    links = sorted(chain, key=lambda d: d.starts_on)
    windows = [decree_window(d) for d in links]
    gaps = [
        Gap(links[i].number, links[i + 1].number, windows[i][1], windows[i + 1][0])
        for i in range(len(links) - 1)
        if windows[i + 1][0] > windows[i][1]
    ]
    chain_end = max(w[1] for w in windows)
    current, (start, end), state, lapsed = links[-1], windows[-1], "expired", False
    for decree, (s, e) in zip(links, windows, strict=True):
        if at < s:
            current, (start, end) = decree, (s, e)
            state, lapsed = "upcoming", decree is not links[0]
            break
        if s <= at < e:
            current, (start, end) = decree, (s, e)
            left_days = (e - at).total_seconds() / 86400
            state = (
                "critical"
                if left_days <= thresholds.critical_days
                else "warning"
                if left_days <= thresholds.warn_days
                else "in_force"
            )
            break
    if state == "expired":
        remaining = 0
        day = current.days
    elif state == "upcoming":
        remaining = int((start - at).total_seconds())
        day = 0
    else:
        remaining = int((end - at).total_seconds())
        assert current.starts_on is not None
        day = (local_date(at, current.tz) - current.starts_on).days + 1
    return ChainStatus(
        current, links, state, day, current.days, start, end, remaining, chain_end, gaps, lapsed
    )


def countdown(
    decrees: list[Decree], at: datetime, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[ChainStatus]:
    """One status per chain, chains in force first, then upcoming, then expired."""
    order = {"critical": 0, "warning": 0, "in_force": 0, "upcoming": 1, "expired": 2}
    result = [chain_status(c, at, thresholds) for c in chains(decrees)]
    return sorted(result, key=lambda s: (order[s.state], s.ends_at))


@dataclass(frozen=True)
class MilestoneStatus:
    milestone: Milestone
    remaining_seconds: int
    today: bool  # an all-day milestone whose day it is
    days_left: int  # calendar days to go in the milestone's own zone, as "D-11" counts them

    def to_json(self) -> dict[str, Any]:
        m = self.milestone
        return {
            "title": m.title,
            "kind": m.milestone_kind,
            "at": to_iso(m.at) if m.at else None,
            "tz": m.tz,
            "all_day": m.all_day,
            "remaining_seconds": self.remaining_seconds,
            "days_left": self.days_left,
            "source": m.source,
        }


def upcoming_milestones(
    milestones: list[Milestone], at: datetime, limit: int | None = None
) -> list[MilestoneStatus]:
    """Milestones not yet past at ``at``, soonest first (all-day ones stay for their day)."""
    out = []
    for m in milestones:
        assert m.at is not None
        end = m.at + timedelta(days=1) if m.all_day else m.at
        if end <= at:
            continue
        days = (local_date(m.at, m.tz) - local_date(at, m.tz)).days
        out.append(
            MilestoneStatus(
                m, max(0, int((m.at - at).total_seconds())), m.all_day and m.at <= at, days
            )
        )
    out.sort(key=lambda s: s.milestone.at)
    return out[:limit] if limit else out


def past_milestones(milestones: list[Milestone], at: datetime) -> list[Milestone]:
    """Milestones already past at ``at``, most recent first (the timeline)."""
    past = [
        m
        for m in milestones
        if m.at is not None and (m.at + timedelta(days=1) if m.all_day else m.at) <= at
    ]
    return sorted(past, key=lambda m: m.at, reverse=True)
