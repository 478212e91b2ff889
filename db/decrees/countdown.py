"""Decree chains, their states and the milestones ahead (docs/architecture.md §4).

A decree of N calendar days starting on S is in force from S 00:00 to S+N 00:00 in its zone.
Extensions (``extends``) make a chain; the countdown reports the link in force (or next) and the
end of the whole chain, and shows any gap between links instead of joining them silently. The
alarm state follows the emergency, not the document: it is computed on the end of the chain (as
far as the links run on without a gap), so with an extension published the last day of a link
is not critical. The caller passes the decrees known at the instant (``db.decrees.known``).
Everything here is pure: the desktop keeps the records it last read and calls ``countdown`` once
a second, so ticking never touches the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from db.clock import CHILE_TZ, WallTime, local_date, local_midnight, to_iso, wall_time
from db.store.records import Decree, Milestone

WARN_DAYS = 7
CRITICAL_DAYS = 2
SECONDS_PER_DAY = 86_400

# The meta keys that hold the thresholds of one post (shared by the window, the CLI and the
# briefing, so they never disagree about a state).
WARN_DAYS_KEY = "countdown_warn_days"
CRITICAL_DAYS_KEY = "countdown_critical_days"


@dataclass(frozen=True)
class Thresholds:
    """How many days before a decree lapses it turns amber (warning) and red (critical)."""

    warn_days: float = WARN_DAYS
    critical_days: float = CRITICAL_DAYS

    def __post_init__(self) -> None:
        if not 0 <= self.critical_days <= self.warn_days:
            raise ValueError(
                f"thresholds must satisfy 0 ≤ critical ({self.critical_days}) "
                f"≤ warning ({self.warn_days}) days"
            )

    def state(self, seconds_left: float) -> str:
        days_left = seconds_left / SECONDS_PER_DAY
        if days_left <= self.critical_days:
            return "critical"
        if days_left <= self.warn_days:
            return "warning"
        return "in_force"

    def to_json(self) -> dict[str, float]:
        return {
            "warn_days": _number(self.warn_days),
            "critical_days": _number(self.critical_days),
        }


def _number(value: float) -> float:
    return int(value) if float(value).is_integer() else value


DEFAULT_THRESHOLDS = Thresholds()


def load_thresholds(meta: Callable[[str], str | None]) -> Thresholds:
    """The post's thresholds from its settings (``store.meta``); defaults where unset or bad."""
    try:
        warn = float(meta(WARN_DAYS_KEY) or WARN_DAYS)
        critical = float(meta(CRITICAL_DAYS_KEY) or CRITICAL_DAYS)
        return Thresholds(warn, critical)
    except ValueError:
        return DEFAULT_THRESHOLDS


def threshold_settings(thresholds: Thresholds) -> dict[str, str]:
    """The meta values that store ``thresholds``: ``store.set_meta(**threshold_settings(t))``."""
    return {
        WARN_DAYS_KEY: f"{thresholds.warn_days:g}",
        CRITICAL_DAYS_KEY: f"{thresholds.critical_days:g}",
    }


def decree_window(decree: Decree) -> tuple[datetime, datetime]:
    """The UTC instants at which ``decree`` comes into force and lapses."""
    assert decree.starts_on is not None
    start = local_midnight(decree.starts_on, decree.tz)
    end = local_midnight(decree.starts_on + timedelta(days=decree.days), decree.tz)
    return start, end


def last_day(decree: Decree) -> date:
    assert decree.starts_on is not None
    return decree.starts_on + timedelta(days=decree.days - 1)


def extension_start(decree: Decree) -> date:
    """The day an extension of ``decree`` starts to leave no gap: the day after its last day."""
    assert decree.starts_on is not None
    return decree.starts_on + timedelta(days=decree.days)


def _order(d: Decree) -> tuple[date, str]:
    return (d.starts_on or date.min, d.number)


def chains(decrees: list[Decree]) -> list[list[Decree]]:
    """The decrees grouped into chains, each ordered from the original to the latest extension.

    A decree whose ``extends`` names no decree of the list starts a chain. Any decree that no
    root reaches (a loop, which the store refuses but a merged file might hold) still gets a
    chain of its own: nothing entered is ever dropped from the countdown.
    """
    by_id = {d.id: d for d in decrees}
    children: dict[str | None, list[Decree]] = {}
    for d in decrees:
        parent = d.extends if d.extends in by_id and d.extends != d.id else None
        children.setdefault(parent, []).append(d)
    result: list[list[Decree]] = []
    seen: set[str] = set()
    roots = sorted(children.get(None, []), key=_order)
    leftovers = sorted(decrees, key=_order)
    for root in [*roots, *leftovers]:
        if root.id in seen:
            continue
        chain, frontier = [], [root]
        while frontier:
            node = frontier.pop(0)
            if node.id in seen:
                continue
            seen.add(node.id)
            chain.append(node)
            frontier.extend(sorted(children.get(node.id, []), key=_order))
        result.append(sorted(chain, key=_order))
    return result


def chain_of(decrees: list[Decree], decree_id: str | None) -> list[Decree]:
    """The chain that contains ``decree_id`` (empty if none does)."""
    for chain in chains(decrees):
        if any(d.id == decree_id for d in chain):
            return chain
    return []


class Gap(NamedTuple):
    """Time between one link's lapse and the next link's start: the emergency had lapsed."""

    after: str
    before: str
    starts_at: datetime
    ends_at: datetime

    @property
    def days(self) -> int:
        """Whole days lapsed ("lapsed for 2 days")."""
        return round((self.ends_at - self.starts_at).total_seconds() / SECONDS_PER_DAY)

    def to_json(self) -> dict[str, Any]:
        return {
            "after": self.after,
            "before": self.before,
            "starts_at": to_iso(self.starts_at),
            "ends_at": to_iso(self.ends_at),
            "days": self.days,
        }


def whole_days_left(seconds: float) -> int:
    """The one rounding rule for days left, everywhere: whole days, as ``Duration`` splits them.

    "3 days left" stands beside "3 d 14 h"; on a decree's last calendar day (less than a day to
    its midnight end) it is 0, which the screens and the briefing say as "last day".
    """
    return max(0, int(seconds)) // SECONDS_PER_DAY


class Duration(NamedTuple):
    """Seconds split as the countdown shows them: ``52 d 07 h 12 m 09 s``."""

    days: int
    hours: int
    minutes: int
    seconds: int

    @classmethod
    def of(cls, seconds: float) -> Duration:
        total = max(0, int(seconds))
        days, rest = divmod(total, SECONDS_PER_DAY)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        return cls(days, hours, minutes, secs)


def display_zones(post_tz: str) -> tuple[str, ...]:
    """The zones an end is shown in: the post's, then Chile's (the other side of the line)."""
    return (post_tz,) if post_tz == CHILE_TZ else (post_tz, CHILE_TZ)


class ChainStatus(NamedTuple):
    """Where one chain stands at one instant: what the countdown panel and status show.

    ``starts_at``/``ends_at`` are the window of ``decree`` (the link in force, or the next one
    when the chain is upcoming or lapsed, or the last one when it expired). ``remaining_seconds``
    counts to ``ends_at`` while in force and to ``starts_at`` while upcoming.
    """

    decree: Decree
    chain: list[Decree]
    state: str  # upcoming, in_force, warning, critical or expired
    day: int
    days: int
    starts_at: datetime
    ends_at: datetime
    remaining_seconds: int
    chain_ends_at: datetime
    gaps: list[Gap]
    lapsed: bool = False  # inside a gap: the previous link lapsed, the next is not yet in force
    lapsed_gap: Gap | None = None  # the gap we are in, when ``lapsed``
    chain_day: int = 0  # the running day of the emergency across the chain's links
    chain_days: int = 0  # the days the chain's links cover together
    chain_remaining_seconds: int = 0  # until the emergency lapses (the links run on to then)

    @property
    def number(self) -> str:
        return self.decree.number

    @property
    def ends_on(self) -> date:
        return last_day(self.decree)

    @property
    def in_force(self) -> bool:
        return self.state in ("in_force", "warning", "critical")

    @property
    def left(self) -> Duration:
        return Duration.of(self.remaining_seconds)

    @property
    def days_left(self) -> int:
        """Whole days to the link's end (``whole_days_left``; 0 on its last day).

        While upcoming, the days until it comes into force; 0 once expired.
        """
        return whole_days_left(self.remaining_seconds)

    @property
    def chain_days_left(self) -> int:
        """Whole days until the emergency lapses: what the alarm's words count."""
        return whole_days_left(self.chain_remaining_seconds)

    def ends_local(self) -> list[WallTime]:
        """The lapse instant on the wall clocks of the decree's zone and of Chile."""
        return [wall_time(self.ends_at, tz) for tz in display_zones(self.decree.tz)]

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
            "ends_local": {w.tz: w.iso() for w in self.ends_local()},
            "remaining_seconds": self.remaining_seconds,
            "days_left": self.days_left,
            "chain_ends_at": to_iso(self.chain_ends_at),
            "gaps": [g.to_json() for g in self.gaps],
            "lapsed": self.lapsed,
            "lapsed_days": self.lapsed_gap.days if self.lapsed_gap else 0,
            "chain_day": self.chain_day,
            "chain_days": self.chain_days,
            "chain_remaining_seconds": self.chain_remaining_seconds,
        }


def chain_gaps(links: list[Decree]) -> list[Gap]:
    """The gaps between consecutive links of a chain (ordered by start)."""
    windows = [decree_window(d) for d in links]
    return [
        Gap(links[i].number, links[i + 1].number, windows[i][1], windows[i + 1][0])
        for i in range(len(links) - 1)
        if windows[i + 1][0] > windows[i][1]
    ]


def _run_end(windows: list[tuple[datetime, datetime]], start: datetime) -> datetime:
    """When the emergency running from ``start`` lapses: the links that begin before the
    running end carry it on; the first gap stops it."""
    end = start
    for s, e in sorted(windows):
        if s <= end:
            end = max(end, e)
    return end


def _chain_days(links: list[Decree], today: date) -> tuple[int, int]:
    """(the running day of the emergency on ``today``, the days all the links cover): calendar
    days in force across the chain, a day covered by two links once, a lapsed day not at all."""
    covered: set[date] = set()
    for d in links:
        assert d.starts_on is not None
        covered.update(d.starts_on + timedelta(days=i) for i in range(max(0, d.days)))
    return sum(1 for day in covered if day <= today), len(covered)


def chain_status(
    chain: list[Decree], at: datetime, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> ChainStatus:
    """The state of ``chain`` at instant ``at`` (aware)."""
    links = sorted(chain, key=_order)
    windows = [decree_window(d) for d in links]
    gaps = chain_gaps(links)
    chain_end = max(w[1] for w in windows)
    current, (start, end), state, lapsed = links[-1], windows[-1], "expired", False
    chain_remaining = 0
    # The latest link whose window holds ``at`` is in force: an extension that overlaps its
    # predecessor takes over from its own start. The alarm is on the emergency's end.
    for decree, (s, e) in reversed(list(zip(links, windows, strict=True))):
        if s <= at < e:
            current, (start, end) = decree, (s, e)
            chain_remaining = int((_run_end(windows, s) - at).total_seconds())
            state = thresholds.state(chain_remaining)
            break
    else:
        for decree, (s, e) in zip(links, windows, strict=True):
            if at < s:
                current, (start, end) = decree, (s, e)
                state, lapsed = "upcoming", decree is not links[0]
                chain_remaining = int((_run_end(windows, s) - at).total_seconds())
                break
    lapsed_gap = next((g for g in gaps if g.starts_at <= at < g.ends_at), None)
    if state == "expired":
        remaining, day = 0, current.days
    elif state == "upcoming":
        remaining, day = int((start - at).total_seconds()), 0
    else:
        remaining = int((end - at).total_seconds())
        assert current.starts_on is not None
        day = (local_date(at, current.tz) - current.starts_on).days + 1
    chain_day, chain_days = _chain_days(links, local_date(at, links[0].tz))
    return ChainStatus(
        current,
        links,
        state,
        day,
        current.days,
        start,
        end,
        remaining,
        chain_end,
        gaps,
        lapsed,
        lapsed_gap if lapsed else None,
        chain_day,
        chain_days,
        chain_remaining,
    )


def countdown(
    decrees: list[Decree], at: datetime, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[ChainStatus]:
    """One status per chain: chains in force first (soonest lapse first), then upcoming, then
    expired (most recent first)."""
    order = {"critical": 0, "warning": 0, "in_force": 0, "upcoming": 1, "expired": 2}
    result = [chain_status(c, at, thresholds) for c in chains(decrees)]
    return sorted(
        result,
        key=lambda s: (
            order[s.state],
            -s.ends_at.timestamp() if s.state == "expired" else s.ends_at.timestamp(),
            s.chain[0].number,
        ),
    )


# -- milestones ------------------------------------------------------------------------------


def milestone_end(m: Milestone) -> datetime:
    """When a milestone is over: its instant, or the end of its day (in its own zone)."""
    assert m.at is not None
    if not m.all_day:
        return m.at
    return local_midnight(local_date(m.at, m.tz) + timedelta(days=1), m.tz)


class MilestoneStatus(NamedTuple):
    """Where one milestone stands at one instant: time to go, and whether it is today."""

    milestone: Milestone
    remaining_seconds: int
    today: bool  # an all-day milestone whose day it is
    days_left: int  # calendar days to go in the milestone's own zone, as "D-11" counts them

    @property
    def left(self) -> Duration:
        return Duration.of(self.remaining_seconds)

    @property
    def date(self) -> date:
        """The milestone's day in its own zone (the day an all-day milestone names)."""
        assert self.milestone.at is not None
        return local_date(self.milestone.at, self.milestone.tz)

    def to_json(self) -> dict[str, Any]:
        m = self.milestone
        return {
            "title": m.title,
            "kind": m.milestone_kind,
            "at": to_iso(m.at) if m.at else None,
            "tz": m.tz,
            "all_day": m.all_day,
            "date": self.date.isoformat(),
            "remaining_seconds": self.remaining_seconds,
            "days_left": self.days_left,
            "today": self.today,
            "source": m.source,
            "outcome": m.outcome,
            "outcome_source": m.outcome_source,
        }


def upcoming_milestones(
    milestones: list[Milestone], at: datetime, limit: int | None = None
) -> list[MilestoneStatus]:
    """Milestones not yet past at ``at``, soonest first (all-day ones stay for their day)."""
    out = []
    for m in milestones:
        assert m.at is not None
        if milestone_end(m) <= at:
            continue
        days = (local_date(m.at, m.tz) - local_date(at, m.tz)).days
        out.append(
            MilestoneStatus(
                m, max(0, int((m.at - at).total_seconds())), m.all_day and m.at <= at, days
            )
        )
    out.sort(key=lambda s: (s.milestone.at, s.milestone.title))
    return out[:limit] if limit else out


def past_milestones(milestones: list[Milestone], at: datetime) -> list[Milestone]:
    """Milestones already past at ``at``, most recent first (they move to the timeline)."""
    past = [(m.at, m) for m in milestones if m.at is not None and milestone_end(m) <= at]
    return [m for _at, m in sorted(past, key=lambda pair: pair[0], reverse=True)]
