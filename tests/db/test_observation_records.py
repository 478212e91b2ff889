"""The observation form's defaults and the records table's queries, in db/ (no Qt)."""

from __future__ import annotations

from datetime import date, timedelta

from db.flows.entry_defaults import is_stock, observation_defaults, post_hour
from db.flows.query import (
    ObservationFilter,
    count_observations,
    observation_operators,
    observation_page,
)
from db.store.site_lineage import site_names, site_versions
from db.store.store import Store
from tests.conftest import lima


def _sites(store):
    a = store.add_site(name="Santa Rosa", kind="crossing", lat=-18.31, lon=-70.31)
    b = store.add_site(name="Concordia", kind="gathering", lat=-18.32, lon=-70.31)
    return a, b


def test_post_hour_rounds_down_in_post_time():
    assert post_hour(lima(2025, 12, 1, 8, 59, 30), "America/Lima") == lima(2025, 12, 1, 8)
    assert post_hour(lima(2025, 12, 1, 8), "America/Lima").utcoffset() == timedelta(hours=-5)


def test_defaults_without_history_pick_a_crossing_and_the_last_hour(store):
    _a, _b = _sites(store)
    d = observation_defaults(store, "Tester", lima(2025, 12, 1, 8, 40))
    assert store.get(d.site_id).name == "Santa Rosa"
    assert (d.period_start, d.period_end) == (lima(2025, 12, 1, 7), lima(2025, 12, 1, 8))
    assert d.category == "crossed_regular" and d.source == ""


def test_a_first_count_into_peru_starts_at_the_crossing_that_processes_it(store):
    # Integrated control: entries into Peru are processed at the Peruvian complex, even when
    # the Chilean one comes first in the list.
    store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.32, lon=-70.31)
    store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.31, lon=-70.31)
    d = observation_defaults(store, "Tester", lima(2025, 12, 1, 8, 40))
    assert d.direction == "into_peru" and store.get(d.site_id).name == "Santa Rosa"


def test_defaults_follow_the_operators_last_entry(store, tmp_path):
    a, b = _sites(store)
    store.add_observation(
        site_id=b.id,
        period_start=lima(2025, 12, 1, 7),
        period_end=lima(2025, 12, 1, 19),
        direction="into_peru",
        category="turned_back",
        count=5,
        source="PNP",
    )
    other = Store.open(store.path, operator="Luis")
    other.add_observation(
        site_id=a.id, period_start=lima(2025, 12, 1, 7), category="stranded", count=3, source="X"
    )
    other.close()
    d = observation_defaults(store, "Tester", lima(2025, 12, 2, 10, 5))
    assert (d.site_id, d.category, d.direction, d.source) == (
        b.id,
        "turned_back",
        "into_peru",
        "PNP",
    )
    assert d.period_end - d.period_start == timedelta(hours=12)  # the same kind of period
    assert d.period_end == lima(2025, 12, 2, 10)
    luis = observation_defaults(store, "Luis", lima(2025, 12, 2, 10, 5))
    assert luis.category == "stranded" and luis.at == lima(2025, 12, 2, 10)
    assert is_stock("stranded") and not is_stock("turned_back")


def test_records_filter_by_site_category_period_and_operator(store):
    a, b = _sites(store)
    for day in range(1, 4):
        store.add_observation(
            site_id=a.id,
            period_start=lima(2025, 12, day, 7),
            period_end=lima(2025, 12, day, 8),
            category="crossed_regular",
            direction="into_peru",
            count=day,
        )
    store.add_observation(
        site_id=b.id, period_start=lima(2025, 12, 2, 23), category="stranded", count=9
    )
    luis = Store.open(store.path, operator="Luis")
    luis.add_observation(
        site_id=b.id, period_start=lima(2025, 12, 3, 6), category="stranded", count=4
    )
    luis.close()
    everything = ObservationFilter()
    assert count_observations(store, everything) == 5
    rows = observation_page(store, everything)
    assert [r.observation.count for r in rows] == [3, 4, 9, 2, 1]  # newest period first
    assert rows[1].site_name == "Concordia" and rows[1].observation.entered_by == "Luis"
    assert count_observations(store, ObservationFilter(site_id=a.id)) == 3
    assert count_observations(store, ObservationFilter(category="stranded")) == 2
    assert count_observations(store, ObservationFilter(operator="Luis")) == 1
    dec2 = ObservationFilter(first_day=date(2025, 12, 2), last_day=date(2025, 12, 2))
    assert [r.observation.count for r in observation_page(store, dec2)] == [9, 2]  # 23:00 Lima
    assert [r.observation.count for r in observation_page(store, everything, 1, 2)] == [4, 9]
    # An exercise clock before these counts were entered: none of them was known yet.
    before = ObservationFilter(as_of=lima(2025, 12, 2, 23))
    assert observation_page(store, before) == [] and count_observations(store, before) == 0
    assert observation_operators(store) == ["Luis", "Tester"]


def test_a_corrected_site_keeps_its_counts_and_shows_its_new_name(store):
    a, _ = _sites(store)
    store.add_observation(
        site_id=a.id, period_start=lima(2025, 12, 1, 7), category="stranded", count=1
    )
    renamed = store.correct(a.id, name="Complejo Santa Rosa")
    assert site_versions(store, renamed.id) == sorted([a.id, renamed.id])
    assert site_names(store)[a.id] == "Complejo Santa Rosa"
    rows = observation_page(store, ObservationFilter(site_id=renamed.id))
    assert [r.site_name for r in rows] == ["Complejo Santa Rosa"]
    # A correction names the site's present version (the form offers only current sites).
    fixed = store.correct(rows[0].observation.id, count=2, site_id=renamed.id)
    rows = observation_page(store, ObservationFilter())
    assert rows[0].corrected and rows[0].observation.id == fixed.id
