"""What the map's operational layers show, as arrays: no Qt, one query per layer.

The map draws thousands of event markers in one batch, so events come back as numpy columns
rather than records. The rules of what is on the map "as of" an instant live here: an event
shows once it has occurred, closed ones only on request, and it fades with age so the fresh
picture stands out; a site carries its latest figures (people stranded now, crossings in the
last 24 hours) from ``db.flows.counted``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from db.clock import parse_instant, to_iso
from db.flows.counted import counted
from db.store.asof import current_condition, current_source, reading_as_of, sites_as_of
from db.store.connection import plain_rows
from db.store.store import Store
from db.vocab import CROSSING_CATEGORIES, EVENT_KINDS, SEVERITIES

EVENT_KIND_CODES: tuple[str, ...] = tuple(EVENT_KINDS)
SEVERITY_CODES: tuple[str, ...] = tuple(SEVERITIES)
# Fading: fully opaque while fresh, then linear down to a floor that stays readable.
FRESH_HOURS = 6.0
FADED_HOURS = 7 * 24.0
FADED_OPACITY = 0.3
FIGURES_WINDOW = timedelta(hours=24)
# Kind, severity, closed and people travel from SQL packed into one integer (see event_points):
# bits 0-3 the kind, 4-7 the severity, 8 closed, and from 9 up people + 1.
assert len(EVENT_KIND_CODES) <= 16 and len(SEVERITY_CODES) <= 16


@dataclass(frozen=True, eq=False)
class EventPoints:
    """Located events as columns (row i is one event); ``age_s`` is seconds before ``at``."""

    ids: tuple[str, ...]
    lon: np.ndarray
    lat: np.ndarray
    kind: np.ndarray  # int8 index into EVENT_KIND_CODES
    people: np.ndarray  # int32, -1 when not given
    severity: np.ndarray  # int8 index into SEVERITY_CODES
    closed: np.ndarray  # bool
    age_s: np.ndarray  # float64

    def __len__(self) -> int:
        return len(self.ids)

    def aged(self, seconds: float) -> EventPoints:
        """The same events ``seconds`` later on the clock (fading moves on without a query)."""
        return replace(self, age_s=self.age_s + seconds)

    def index_of(self, record_id: str) -> int | None:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return None


def event_points(
    store: Store,
    at: datetime,
    *,
    include_closed: bool = False,
    since: datetime | None = None,
    as_of: datetime | None = None,
) -> EventPoints:
    """Located events current at ``as_of`` (None: now; the clock's time: what the post knew
    then, docs/architecture.md §4) that occurred by ``at`` (and from ``since``), newest first."""
    source, source_params = current_source("events", reading_as_of(store.conn, "events", as_of))
    # This query binds by name; the source's parameters are one instant, bound as :asof.
    assert len(set(source_params)) <= 1
    source = source.replace("?", ":asof")
    clauses = ["lat IS NOT NULL", "lon IS NOT NULL", "occurred_at <= :at"]
    if since is not None:
        clauses.append("occurred_at >= :since")
    if not include_closed:
        clauses.append("closed = 0")
    # Kinds, severities and ages come out of SQL as numbers, so tens of thousands of markers
    # cost no Python per row; the index events_map answers the whole query, in its order
    # (db/store/schema.py). Events of the same second come in id order, the same at every station.
    # The four small numbers come packed in one column: turning every value of every row into
    # a Python object is most of the cost of this read (20,000 events; docs/architecture.md §12).
    kinds = " ".join(f"WHEN :k{i} THEN {i}" for i in range(len(EVENT_KIND_CODES)))
    severities = " ".join(f"WHEN :s{i} THEN {i}" for i in range(len(SEVERITY_CODES)))
    params: dict[str, object] = {
        "asof": source_params[0] if source_params else None,
        "at": to_iso(at),
        "since": to_iso(since) if since is not None else None,
        "other": EVENT_KIND_CODES.index("other"),
        **{f"k{i}": code for i, code in enumerate(EVENT_KIND_CODES)},
        **{f"s{i}": code for i, code in enumerate(SEVERITY_CODES)},
    }
    rows = plain_rows(  # tens of thousands of them
        store.conn,
        f"""SELECT id, lon, lat,
                (CASE kind {kinds} ELSE :other END) + 16 * (CASE severity {severities} ELSE 0 END)
                + 256 * (closed != 0) + 512 * (coalesce(people, -1) + 1),
                (julianday(:at) - julianday(occurred_at)) * 86400.0
            FROM {source} WHERE {" AND ".join(clauses)}
            ORDER BY occurred_at DESC, id DESC""",
        params,
    )
    n = len(rows)
    cols = list(zip(*rows, strict=True)) if rows else [()] * 5
    packed = np.fromiter(cols[3], np.int64, n)
    return EventPoints(
        ids=tuple(cols[0]),
        lon=np.fromiter(cols[1], np.float64, n),
        lat=np.fromiter(cols[2], np.float64, n),
        kind=(packed & 15).astype(np.int8),
        people=((packed >> 9) - 1).astype(np.int32),
        severity=((packed >> 4) & 15).astype(np.int8),
        closed=((packed >> 8) & 1).astype(bool),
        # whole seconds, as the stored times are
        age_s=np.round(np.fromiter(cols[4], np.float64, n)),
    )


def event_opacity(age_s: np.ndarray) -> np.ndarray:
    """How opaque each event is drawn: 1 while fresh, fading to FADED_OPACITY over a week."""
    hours = np.asarray(age_s, dtype=np.float64) / 3600.0
    t = np.clip((hours - FRESH_HOURS) / (FADED_HOURS - FRESH_HOURS), 0.0, 1.0)
    return 1.0 - t * (1.0 - FADED_OPACITY)


@dataclass(frozen=True)
class SiteMarker:
    """A current site with the figures its map label shows (None: nothing counted)."""

    id: str
    name: str
    kind: str
    country: str
    lon: float
    lat: float
    approximate: bool
    stranded: int | None
    crossed_24h: int | None
    illustrative: bool


def site_markers(store: Store, at: datetime, *, as_of: datetime | None = None) -> list[SiteMarker]:
    """Every site current at ``as_of`` (None: now), with people stranded as last counted by
    ``at`` and the people who crossed there (regularly or not) in the 24 hours before ``at``,
    as known at ``at`` (docs/architecture.md §4)."""
    figures = counted(store, at - FIGURES_WINDOW, at, known_at=at)
    out = []
    for site in sites_as_of(store, as_of):
        fig = figures.by_site.get(site.id, {})
        flows = [fig[c] for c in CROSSING_CATEGORIES if c in fig]
        out.append(
            SiteMarker(
                id=site.id,
                name=site.name,
                kind=site.site_kind,
                country=site.country,
                lon=site.lon,
                lat=site.lat,
                approximate=site.approximate,
                stranded=fig.get("stranded"),
                crossed_24h=sum(flows) if flows else None,
                illustrative=figures.illustrative and bool(fig),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line of the events log: just what the log shows (thousands load in milliseconds)."""

    id: str
    occurred_at: datetime
    kind: str
    title: str
    people: int | None
    located: bool
    closed: bool
    note: str


def log_entries(
    store: Store,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    kind: str | None = None,
    as_of: datetime | None = None,
) -> list[LogEntry]:
    """Events (located or not) current at ``as_of`` (None: now) that occurred in
    ``[since, until)``, newest first."""
    at = reading_as_of(store.conn, "events", as_of)
    source = "current_events AS e" if at is None else "events AS e"
    clauses: list[str] = []
    params: list[Any] = []
    if at is not None:
        condition, params = current_condition("events", "e", at)
        clauses.append(condition)
    if since is not None:
        clauses.append("occurred_at >= ?")
        params.append(to_iso(since))
    if until is not None:
        clauses.append("occurred_at < ?")
        params.append(to_iso(until))
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.conn.execute(
        "SELECT id, occurred_at, kind, title, people, lat IS NOT NULL AND lon IS NOT NULL, "
        f"closed, note FROM {source} {where} ORDER BY occurred_at DESC, e.rowid",
        params,
    ).fetchall()
    return [
        LogEntry(r[0], parse_instant(r[1]), r[2], r[3], r[4], bool(r[5]), bool(r[6]), r[7])
        for r in rows
    ]
