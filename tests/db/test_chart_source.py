"""The chart's incremental source always equals a computation from scratch (db/, no Qt)."""

from __future__ import annotations

import random
from datetime import timedelta

import numpy as np
import pytest

from db.flows.chart_data import ChartData, chart_data
from db.flows.chart_source import ChartSource
from db.store.site_lineage import site_lineage
from tests.conftest import lima

FLOW = ["crossed_regular", "turned_back", "assisted"]


@pytest.fixture(autouse=True)
def _known_early(reported_at):
    """The counts these tests build were all reported before the instants they read."""
    reported_at(lima(2025, 1, 1))


def _crossings(store) -> list:
    return [
        store.add_site(name=f"Paso {i}", kind="crossing", lat=-18.3, lon=-70.3 + i / 100)
        for i in range(3)
    ]


def _random_count(store, rnd, sites, start, *, stranded: float, hours: list[int]):
    """A stock reading (with probability ``stranded``) or a flow, at a random crossing."""
    site = rnd.choice(sites)
    if rnd.random() < stranded:
        return store.add_observation(
            site_id=site.id,
            period_start=start,
            category="stranded",
            count=rnd.randint(0, 90),
            illustrative=rnd.random() < 0.1,
        )
    return store.add_observation(
        site_id=site.id,
        period_start=start,
        period_end=start + timedelta(hours=rnd.choice(hours)),
        direction=rnd.choice(["into_peru", "into_chile", "none"]),
        category=rnd.choice(FLOW),
        count=rnd.randint(0, 500),
    )


def _same(a: ChartData, b: ChartData) -> None:
    assert a.days == b.days
    for key in a.flows:
        assert list(a.flows[key]) == list(b.flows[key]), key
    np.testing.assert_array_equal(a.stranded, b.stranded)
    np.testing.assert_array_equal(a.complete, b.complete)
    assert a.illustrative == b.illustrative


@pytest.mark.parametrize("seed", range(6))
def test_incremental_equals_from_scratch(store, seed):
    rnd = random.Random(seed)
    sites = _crossings(store)
    site_filter = rnd.choice([None, sites[0].id])
    by = rnd.choice(["category", "direction"])
    source = ChartSource(store, site_id=site_filter, by=by)
    now = lima(2025, 12, 10, 12)
    made = []
    for step in range(70):
        action = rnd.random()
        current = [o for o in made if store.is_current(o.id)]
        if action < 0.45 or not current:
            start = lima(2025, 12, 1) + timedelta(hours=rnd.randint(0, 14 * 24))
            made.append(_random_count(store, rnd, sites, start, stranded=0.25, hours=[1, 12, 30]))
        elif action < 0.65:
            old = rnd.choice(current)
            # A correction names the site's present version (as the form does).
            change = {"count": rnd.randint(0, 500), "site_id": site_lineage(store)[old.site_id]}
            if rnd.random() < 0.3:
                change["period_start"] = old.period_start + timedelta(days=rnd.randint(-3, 3))
                stock = old.category == "stranded"
                change["period_end"] = change["period_start"] + timedelta(hours=0 if stock else 2)
            made.append(store.correct(old.id, **change))
        elif action < 0.8:
            store.void(rnd.choice(current).id, "test")
        elif action < 0.9:
            now += timedelta(hours=rnd.choice([-30, -5, 3, 11, 26]))
        else:
            renamed = store.correct(rnd.choice(sites).id, name=f"Renamed {step}")
            sites = [s for s in sites if store.is_current(s.id)] + [renamed]
        _same(source.data(now), chart_data(store, now, site_id=site_filter, by=by))


def test_a_change_elsewhere_reads_no_day_and_a_count_reads_its_day(demo):
    now = lima(2025, 12, 1, 8)
    source = ChartSource(demo)
    source.data(now)
    assert source.days_read == 17  # the first read: every day
    demo.add_event(kind="log", title="Radio check", occurred_at=now)
    source.data(now)
    assert source.days_read == 0
    site = demo.site_by_name("Complejo Santa Rosa")
    obs = demo.add_observation(
        site_id=site.id,
        period_start=lima(2025, 11, 20, 7),
        period_end=lima(2025, 11, 20, 8),
        direction="into_peru",
        category="turned_back",
        count=5,
    )
    data = source.data(now)
    assert source.days_read == 1
    demo.void(obs.id, "test")
    again = source.data(now)
    assert source.days_read == 1
    i = data.index_of(obs.period_start.astimezone(lima(2025, 1, 1).tzinfo).date())
    assert data.flows["turned_back"][i] == again.flows["turned_back"][i] + 5


def _same_from(a: ChartData, b: ChartData, first) -> None:
    """``a`` equals ``b`` on the days from ``first`` on (the days a partial read covers)."""
    assert a.days == b.days
    i = a.days.index(first)
    for key in a.flows:
        assert list(a.flows[key][i:]) == list(b.flows[key][i:]), key
    np.testing.assert_array_equal(a.stranded[i:], b.stranded[i:])
    np.testing.assert_array_equal(a.complete, b.complete)
    assert a.illustrative == b.illustrative  # the days not read yet count for the flag too


@pytest.mark.parametrize("seed", range(4))
def test_reading_the_recent_days_first_shows_them_whole(store, seed):
    """The start-up read (only the recent days, the stranded line carried in from the daily
    totals) shows those days exactly as a full read does, through changes to any day; once
    the earlier days are read, everything equals a full read."""
    rnd = random.Random(seed)
    sites = _crossings(store)
    site_filter = rnd.choice([None, sites[0].id])
    by = rnd.choice(["category", "direction"])
    begin = lima(2025, 9, 1)
    made = []

    def count(start) -> None:
        made.append(_random_count(store, rnd, sites, start, stranded=0.3, hours=[1, 12]))

    for _ in range(120):
        count(begin + timedelta(hours=rnd.randint(0, 100 * 24)))
    now = begin + timedelta(days=100, hours=5)
    source = ChartSource(store, site_id=site_filter, by=by)
    data = source.data(now, recent_days=20)
    assert source.history_pending
    first = data.days[-20]
    assert source.days_read == 20
    _same_from(data, chart_data(store, now, site_id=site_filter, by=by), first)
    for _ in range(15):  # changes to old and new days while the earlier ones wait
        current = [o for o in made if store.is_current(o.id)]
        if rnd.random() < 0.5:
            count(begin + timedelta(hours=rnd.randint(0, 100 * 24)))
        else:
            store.void(rnd.choice(current).id, "test")
        reference = chart_data(store, now, site_id=site_filter, by=by)
        _same_from(source.data(now), reference, first)
    _same(source.load_history(now), chart_data(store, now, site_id=site_filter, by=by))
    assert not source.history_pending
    count(begin + timedelta(days=3))
    _same(source.data(now), chart_data(store, now, site_id=site_filter, by=by))


def test_a_clock_moved_back_while_the_earlier_days_wait_reads_them(store):
    site = _crossings(store)[0]
    begin = lima(2025, 9, 1)
    for day in range(0, 100, 3):
        start = begin + timedelta(days=day, hours=8)
        store.add_observation(
            site_id=site.id,
            period_start=start,
            period_end=start + timedelta(hours=1),
            direction="into_peru",
            category="crossed_regular",
            count=10 + day,
            illustrative=day < 30,  # only the early counts: the flag must come from them
        )
    now = begin + timedelta(days=100, hours=5)
    source = ChartSource(store)
    assert source.data(now, recent_days=20).illustrative  # from days not read yet
    assert source.history_pending
    earlier = now - timedelta(days=50)  # the exercise clock goes back past the days read
    _same(source.data(earlier), chart_data(store, earlier))
    assert not source.history_pending
