"""The machine-readable picture at one instant (``situation-room status --json``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from db.clock import to_iso
from db.countdown import DEFAULT_THRESHOLDS, Thresholds, countdown, upcoming_milestones
from db.figures import key_figures
from db.overlays import overlay_counts
from db.store import Store

FIGURES_WINDOW = timedelta(hours=24)


def status(
    store: Store, at: datetime, *, exercise: bool, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> dict[str, Any]:
    """Decree chains, upcoming milestones, the last 24 hours' figures and record counts."""
    figures = key_figures(store, at - FIGURES_WINDOW, at)
    return {
        "as_of": to_iso(at),
        "exercise": exercise,
        "timezone": store.timezone,
        "station": {"id": store.station_id, "name": store.station_name},
        "decrees": [s.to_json() for s in countdown(store.decrees(), at, thresholds)],
        "milestones": [m.to_json() for m in upcoming_milestones(store.milestones(), at)],
        "figures": figures.to_json(),
        "counts": {**store.counts(), **overlay_counts(store)},
    }
