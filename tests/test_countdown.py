"""Decree days and states on the demo exercise (DESIGN.md §4), without Qt."""

from __future__ import annotations

from datetime import timedelta

from db.countdown import countdown, upcoming_milestones
from tests.conftest import lima


def _chain(demo, at):
    (status,) = countdown(demo.decrees(), at)
    return status


def test_day_five_of_sixty(demo):
    s = _chain(demo, lima(2025, 12, 3, 12))
    assert (s.number, s.day, s.days, s.state) == ("DS N° 135-2025-PCM", 5, 60, "in_force")
    assert s.to_json()["ends_on"] == "2026-01-27"
    assert s.to_json()["ends_at"] == "2026-01-28T05:00:00Z"
    assert s.remaining_seconds == 4_795_200
    assert s.to_json()["chain_ends_at"] == "2026-03-29T05:00:00Z"


def test_last_second_and_handover_to_extension(demo):
    last = lima(2026, 1, 27, 23, 59, 59)
    s = _chain(demo, last)
    assert (s.day, s.state, s.remaining_seconds) == (60, "critical", 1)
    s = _chain(demo, last + timedelta(seconds=1))
    assert (s.number, s.day, s.days) == ("DS N° 013-2026-PCM", 1, 60)


def test_warning_and_expired(demo):
    assert _chain(demo, lima(2026, 1, 22, 12)).state == "warning"
    assert _chain(demo, lima(2026, 4, 1)).state == "expired"


def test_gap_is_reported(demo):
    ext = next(d for d in demo.decrees() if d.extends)
    demo.correct(ext.id, starts_on="2026-01-30")
    s = _chain(demo, lima(2026, 1, 29, 12))
    assert [g.days for g in s.gaps] == [2]
    assert s.lapsed and s.state == "upcoming"


def test_milestones_soonest_first_with_d_minus(demo):
    ms = upcoming_milestones(demo.milestones(), lima(2025, 12, 3, 12), limit=3)
    assert ms[1].milestone.title == "Segunda vuelta en Chile"
    assert ms[1].days_left == 11
    assert ms[0].remaining_seconds < ms[1].remaining_seconds
