"""Records as the store hands them out: frozen snapshots of one row each.

A record is a fact that was entered. It is never changed in place: ``Store.correct`` writes a
new record whose ``supersedes`` names the old one, ``Store.void`` writes a ``Void``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, ClassVar, Self

from db.clock import parse_instant


@dataclass(frozen=True)
class Record:
    """What every record carries: who entered it, where, when, and what it supersedes."""

    kind: ClassVar[str] = ""
    table: ClassVar[str] = ""
    # The column ``kind`` holds the sub-kind (crossing, patrol...); this names its field.
    kind_field: ClassVar[str | None] = None

    id: str
    entered_at: datetime
    entered_by: str
    station: str
    supersedes: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict[str, Any]) -> Self:
        data = dict(row)
        if cls.kind_field:
            data[cls.kind_field] = data.pop("kind")
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = data.get(f.name)
            values[f.name] = _decode(f.type, raw)
        return cls(**values)


def _decode(type_name: Any, raw: Any) -> Any:
    t = str(type_name)
    if raw is None:
        return None
    if t.startswith("datetime"):
        return parse_instant(raw)
    if t.startswith("date"):
        return date.fromisoformat(raw)
    if t.startswith("bool"):
        return bool(raw)
    return raw


@dataclass(frozen=True)
class Site(Record):
    """A place on the map: a crossing, a checkpoint, a shelter, a town."""

    kind_field: ClassVar[str | None] = "site_kind"
    kind: ClassVar[str] = "site"
    table: ClassVar[str] = "sites"

    name: str = ""
    site_kind: str = "other"
    country: str = "PE"
    lat: float = 0.0
    lon: float = 0.0
    approximate: bool = False
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Observation(Record):
    """A count of people at a site over a period, by direction and category."""

    kind: ClassVar[str] = "observation"
    table: ClassVar[str] = "observations"

    site_id: str = ""
    period_start: datetime | None = None
    period_end: datetime | None = None
    direction: str = "none"
    category: str = ""
    count: int = 0
    nationality: str = ""
    adults: int | None = None
    children: int | None = None
    unaccompanied: int | None = None
    source: str = ""
    note: str = ""
    illustrative: bool = False


@dataclass(frozen=True)
class Event(Record):
    """Something that happened at a place and time: a stranded group, a patrol, an incident."""

    kind_field: ClassVar[str | None] = "event_kind"
    kind: ClassVar[str] = "event"
    table: ClassVar[str] = "events"

    event_kind: str = "other"
    title: str = ""
    occurred_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    people: int | None = None
    severity: str = "info"
    closed: bool = False
    source: str = ""
    note: str = ""
    illustrative: bool = False

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Decree(Record):
    """A state-of-emergency decree: ``days`` from ``starts_on``, possibly extending another."""

    kind: ClassVar[str] = "decree"
    table: ClassVar[str] = "decrees"

    number: str = ""
    title: str = ""
    authority: str = ""
    zone: str = ""
    published_on: date | None = None
    starts_on: date | None = None
    days: int = 0
    extends: str | None = None
    tz: str = "America/Lima"
    source: str = ""


@dataclass(frozen=True)
class Milestone(Record):
    """A date that drives the situation: an election, an inauguration, a meeting."""

    kind_field: ClassVar[str | None] = "milestone_kind"
    kind: ClassVar[str] = "milestone"
    table: ClassVar[str] = "milestones"

    title: str = ""
    milestone_kind: str = "other"
    at: datetime | None = None
    tz: str = "America/Lima"
    all_day: bool = False
    source: str = ""
    note: str = ""
    # What came of it (the run-off's result) and who reported it: entered as a correction, so
    # known only from the time it was reported (docs/architecture.md §4).
    outcome: str = ""
    outcome_source: str = ""


@dataclass(frozen=True)
class Void:
    """The record of a deletion: which record, why, by whom (the record itself stays)."""

    id: str
    record_id: str
    record_kind: str
    reason: str
    entered_at: datetime
    entered_by: str
    station: str

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict[str, Any]) -> Void:
        d = dict(row)
        d["entered_at"] = parse_instant(d["entered_at"])
        return cls(**d)


RECORD_TYPES: dict[str, type[Record]] = {
    t.table: t for t in (Site, Observation, Event, Decree, Milestone)
}
KIND_TO_TABLE = {t.kind: t.table for t in RECORD_TYPES.values()}
