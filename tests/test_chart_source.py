"""The chart's incremental source always equals a computation from scratch (db/, no Qt)."""

from __future__ import annotations

import random
from datetime import timedelta

import numpy as np
import pytest

from db.chart_data import ChartData, chart_data
from db.chart_source import ChartSource
from db.site_lineage import site_lineage
from tests.conftest import lima

FLOW = ["crossed_regular", "turned_back", "assisted"]


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
    sites = [
        store.add_site(name=f"Paso {i}", kind="crossing", lat=-18.3, lon=-70.3 + i / 100)
        for i in range(3)
    ]
    site_filter = rnd.choice([None, sites[0].id])
    by = rnd.choice(["category", "direction"])
    source = ChartSource(store, site_id=site_filter, by=by)
    now = lima(2025, 12, 10, 12)
    made = []
    for step in range(70):
        action = rnd.random()
        current = [o for o in made if store.is_current(o.id)]
        if action < 0.45 or not current:
            site = rnd.choice(sites)
            start = lima(2025, 12, 1) + timedelta(hours=rnd.randint(0, 14 * 24))
            if rnd.random() < 0.25:
                made.append(
                    store.add_observation(
                        site_id=site.id,
                        period_start=start,
                        category="stranded",
                        count=rnd.randint(0, 90),
                        illustrative=rnd.random() < 0.1,
                    )
                )
            else:
                made.append(
                    store.add_observation(
                        site_id=site.id,
                        period_start=start,
                        period_end=start + timedelta(hours=rnd.choice([1, 12, 30])),
                        direction=rnd.choice(["into_peru", "into_chile", "none"]),
                        category=rnd.choice(FLOW),
                        count=rnd.randint(0, 500),
                    )
                )
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
