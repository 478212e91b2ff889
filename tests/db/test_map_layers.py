"""db.geo.layers: what the map's operational layers show, without Qt."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from db.geo.layers import (
    EVENT_KIND_CODES,
    FADED_OPACITY,
    SEVERITY_CODES,
    event_opacity,
    event_points,
    log_entries,
    site_markers,
)
from tests.conftest import lima

AT = lima(2025, 12, 1, 8)


def _event(store, hours_ago, **extra):
    values = {
        "kind": "incident",
        "title": f"hace {hours_ago} h",
        "occurred_at": AT - timedelta(hours=hours_ago),
        "lat": -18.3,
        "lon": -70.3,
    }
    values.update(extra)
    return store.add_event(**values)


def test_event_points_are_located_occurred_and_open_newest_first(store):
    old = _event(store, 30, people=12)
    new = _event(store, 1, kind="stranded_group")
    _event(store, -2)  # later than the clock: not yet on the map
    closed = _event(store, 3, closed=True)
    _event(store, 2, lat=None, lon=None)  # a log entry without a place
    points = event_points(store, AT)
    assert points.ids == (new.id, old.id)
    assert EVENT_KIND_CODES[points.kind[0]] == "stranded_group"
    assert list(points.people) == [-1, 12]
    assert points.age_s[0] == pytest.approx(3600)
    with_closed = event_points(store, AT, include_closed=True)
    assert closed.id in with_closed.ids and bool(
        with_closed.closed[with_closed.index_of(closed.id)]
    )
    assert event_points(store, AT, since=AT - timedelta(hours=5)).ids == (new.id,)


def test_each_event_keeps_its_own_kind_severity_people_and_state(store):
    made = [
        _event(store, 1, kind="shelter", severity="high", people=65_000, closed=True),
        _event(store, 2, kind="patrol", severity="info"),
        _event(store, 3, kind="other", severity="medium", people=0),
    ]
    points = event_points(store, AT, include_closed=True)
    assert points.ids == tuple(e.id for e in made)
    assert [EVENT_KIND_CODES[k] for k in points.kind] == ["shelter", "patrol", "other"]
    assert [SEVERITY_CODES[s] for s in points.severity] == ["high", "info", "medium"]
    assert list(points.people) == [65_000, -1, 0]
    assert list(points.closed) == [True, False, False]


def test_a_voided_or_corrected_event_leaves_only_its_current_version(store):
    event = _event(store, 1)
    fixed = store.correct(event.id, lat=-18.2)
    gone = _event(store, 2)
    store.void(gone.id, "duplicado")
    points = event_points(store, AT)
    assert points.ids == (fixed.id,) and points.lat[0] == pytest.approx(-18.2)


def test_events_fade_with_age_down_to_a_floor():
    hours = np.array([0, 6, 24 * 7, 24 * 30])
    opacity = event_opacity(hours * 3600.0)
    assert opacity[0] == opacity[1] == 1.0
    assert opacity[2] == pytest.approx(FADED_OPACITY) and opacity[3] == pytest.approx(FADED_OPACITY)
    assert 1.0 > event_opacity(np.array([48 * 3600.0]))[0] > FADED_OPACITY


def test_sites_carry_their_latest_stranded_and_crossings(demo):
    at = demo.exercise_clock
    markers = {m.name: m for m in site_markers(demo, at)}
    concordia = markers["Línea de la Concordia"]
    assert concordia.stranded is not None and concordia.illustrative
    assert markers["Complejo Chacalluta"].crossed_24h > 1000
    assert markers["Tacna"].stranded is None and markers["Tacna"].crossed_24h is None


def test_log_entries_hold_unlocated_entries_and_filter_by_kind(store):
    _event(store, 1)
    note = _event(store, 2, kind="log", lat=None, lon=None, title="Relevo de turno")
    entries = log_entries(store, since=AT - timedelta(hours=24), until=AT)
    assert [e.located for e in entries] == [True, False]
    assert [e.id for e in log_entries(store, kind="log")] == [note.id]
