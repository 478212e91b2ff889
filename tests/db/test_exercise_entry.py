"""Entries under an exercise clock: reported at the exercise time, the real time in the audit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db.clock import Clock, utc_now
from db.store.store import Store
from db.sync.exchange import export_bundle, import_bundle
from tests.conftest import lima


@pytest.fixture
def post(store: Store) -> Store:
    store.report_clock = Clock(lima(2025, 12, 1, 8), frozen=True)
    store.add_site(name="Complejo Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)
    return store


def _count(store: Store, n: int):
    return store.add_observation(
        site_id=store.sites()[0].id,
        period_start=lima(2025, 12, 1, 6),
        period_end=lima(2025, 12, 1, 7),
        direction="into_peru",
        category="crossed_regular",
        count=n,
    )


def test_a_record_entered_under_an_exercise_clock_is_reported_at_its_time(post):
    before = utc_now()
    obs = _count(post, 250)
    after = utc_now()
    assert post.get(obs.id).entered_at == lima(2025, 12, 1, 8)
    real = post.real_entry_times([obs.id])[obs.id]
    assert before - timedelta(seconds=1) <= real <= after + timedelta(seconds=1)


def test_live_time_keeps_the_real_time_and_writes_no_audit_row(post):
    post.report_clock = Clock(None)
    obs = _count(post, 3)
    assert abs(obs.entered_at - utc_now()) < timedelta(minutes=1)
    assert post.real_entry_times([obs.id]) == {}


def test_a_correction_or_void_is_never_reported_before_what_it_answers(post):
    obs = _count(post, 40)
    post.report_clock = Clock(lima(2025, 11, 30, 8), frozen=True)  # stepped back a day
    fixed = post.correct(obs.id, count=38)
    assert fixed.entered_at == lima(2025, 12, 1, 8)
    void = post.void(fixed.id, "counted twice")
    assert void.entered_at == lima(2025, 12, 1, 8)
    assert set(post.real_entry_times([obs.id, fixed.id, void.id])) == {obs.id, fixed.id, void.id}


def test_ctrl_z_takes_the_entry_typed_last_not_the_one_of_the_latest_time(post):
    first = _count(post, 1)
    post.report_clock = Clock(lima(2025, 11, 30, 8), frozen=True)
    second = _count(post, 2)
    assert second.entered_at < first.entered_at
    last = post.last_entry_by(post.operator)
    assert last is not None and last.id == second.id


def test_bundles_carry_the_records_as_reported(post, tmp_path):
    obs = _count(post, 250)
    bundle = tmp_path / "a.srbundle"
    export_bundle(post, bundle, since="all")
    other = Store.open(tmp_path / "other.db", operator="Ana")
    import_bundle(other, bundle)
    assert other.get(obs.id).entered_at == lima(2025, 12, 1, 8)
    assert other.get(obs.id).count == 250
    other.close()


def test_the_count_form_follows_the_entry_typed_last(post):
    from db.flows.entry_defaults import observation_defaults

    chacalluta = post.add_site(
        name="Complejo Chacalluta", kind="crossing", country="CL", lat=-18.32, lon=-70.31
    )
    _count(post, 1)  # at Santa Rosa, reported 1 Dec 08:00
    post.report_clock = Clock(lima(2025, 11, 30, 8), frozen=True)  # stepped back a day
    post.add_observation(
        site_id=chacalluta.id,
        period_start=lima(2025, 11, 30, 6),
        period_end=lima(2025, 11, 30, 7),
        direction="into_chile",
        category="crossed_regular",
        count=2,
    )
    d = observation_defaults(post, post.operator, lima(2025, 11, 30, 8))
    assert d.site_id == chacalluta.id and d.direction == "into_chile"
