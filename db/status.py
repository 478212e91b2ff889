"""The machine-readable picture at one instant (``situation-room status --json``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from db.clock import to_iso
from db.decrees.countdown import (
    Thresholds,
    countdown,
    load_thresholds,
    past_milestones,
    upcoming_milestones,
)
from db.decrees.known import known_at
from db.flows.counted import counted
from db.geo.overlays import overlay_counts
from db.store.store import Store

FIGURES_WINDOW = timedelta(hours=24)


def status(
    store: Store, at: datetime, *, exercise: bool, thresholds: Thresholds | None = None
) -> dict[str, Any]:
    """Decree chains, milestones, the last 24 hours' figures and record counts at ``at``.

    ``at`` is taken to the whole second (what the countdown shows); the thresholds are the
    post's settings unless given.
    """
    at = at.replace(microsecond=0)
    thresholds = thresholds or load_thresholds(store.meta)
    figures = counted(store, at - FIGURES_WINDOW, at, known_at=at)  # docs/architecture.md §4
    known = known_at(store, at)
    milestones = known.milestones
    return {
        "as_of": to_iso(at),
        "exercise": exercise,
        "timezone": store.timezone,
        "station": {"id": store.station_id, "name": store.station_name},
        "thresholds": thresholds.to_json(),
        "decrees": [s.to_json() for s in countdown(known.decrees, at, thresholds)],
        "milestones": [m.to_json() for m in upcoming_milestones(milestones, at)],
        "past_milestones": [
            {
                "title": m.title,
                "kind": m.milestone_kind,
                "at": to_iso(m.at),
                "tz": m.tz,
                "outcome": m.outcome,
                "outcome_source": m.outcome_source,
            }
            for m in past_milestones(milestones, at)
            if m.at is not None
        ],
        "figures": figures.to_json(),
        "counts": {**store.counts(), **overlay_counts(store)},
    }
