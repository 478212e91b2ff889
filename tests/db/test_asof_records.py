"""The record readers follow the as-of rule: what the post knew at the clock's time T.

Records entered by T; corrections and voids from the time they were entered (as of an earlier
T a record reads as it did then). The records table's query, the events log, the map's markers
and site symbols, the search and the exports all read that picture (docs/architecture.md §4).
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.clock import parse_instant
from db.flows.csv_export import export_observations
from db.flows.query import ObservationFilter, count_observations, observation_page
from db.geo.export import export_events, export_sites
from db.geo.layers import event_points, log_entries, site_markers
from db.store.asof import entered_after, records_as_of
from db.store.records import Event, Observation
from db.store.search import matching_ids, search
from tests.conftest import lima

T0 = lima(2025, 12, 1, 8)  # the exercise clock of these tests
LATER = T0 + timedelta(hours=2)


@pytest.fixture
def reported(monkeypatch):
    """``reported(t)``: the records entered next get the report time (``entered_at``) t."""

    def at(instant):
        monkeypatch.setattr("db.store.store.utc_now", lambda: instant)

    return at


@pytest.fixture
def post(store, reported):
    """A site and one count, one located event and one log entry, all reported before T0."""
    reported(T0 - timedelta(hours=3))
    site = store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.1, lon=-70.3)
    count = store.add_observation(
        site_id=site.id,
        period_start=T0 - timedelta(hours=14),
        period_end=T0 - timedelta(hours=4),
        direction="into_peru",
        category="crossed_regular",
        count=120,
        note="turno noche",
    )
    event = store.add_event(
        kind="incident", title="Patrulla en la ruta", occurred_at=T0 - timedelta(hours=5),
        lat=-18.2, lon=-70.3,
    )  # fmt: skip
    return store, site, count, event


def _counts(store, at):
    flt = ObservationFilter(as_of=at)
    return [r.observation.count for r in observation_page(store, flt)], count_observations(
        store, flt
    )


def test_entered_after_says_whether_anything_came_after_an_instant(store, reported):
    assert not entered_after(store.conn, "events", T0)  # an empty store
    reported(T0)
    event = store.add_event(kind="incident", title="A", occurred_at=T0)
    assert entered_after(store.conn, "events", T0 - timedelta(seconds=1))
    assert not entered_after(store.conn, "events", T0)
    assert not entered_after(store.conn, "sites", T0 - timedelta(days=1))
    reported(LATER)
    store.void(event.id, "duplicado")  # a void counts for every table
    assert entered_after(store.conn, "events", T0) and entered_after(store.conn, "sites", T0)
    with pytest.raises(ValueError):
        entered_after(store.conn, "voids; DROP TABLE sites", T0)


def test_the_records_table_lists_what_was_entered_by_its_clock(post, reported):
    store, site, count, _ = post
    reported(LATER)
    late = store.add_observation(
        site_id=site.id, period_start=T0 - timedelta(hours=1), category="stranded", count=7
    )
    assert _counts(store, T0) == ([120], 1)  # entered after the clock: not known yet
    assert _counts(store, LATER) == ([7, 120], 2)
    assert _counts(store, None) == ([7, 120], 2)
    # The counts of one category and the search box follow the same rule.
    stranded = ObservationFilter(category="stranded", as_of=T0)
    assert count_observations(store, stranded) == 0 and observation_page(store, stranded) == []
    assert [r.observation.id for r in observation_page(store, ObservationFilter(as_of=LATER))] == [
        late.id,
        count.id,
    ]
    noche = ObservationFilter(as_of=T0, text="noche")
    assert count_observations(store, noche) == 1


def test_a_correction_or_void_entered_after_the_clock_leaves_the_old_reading(post, reported):
    store, _, count, _ = post
    reported(LATER)
    fixed = store.correct(count.id, count=150)
    rows = observation_page(store, ObservationFilter(as_of=T0))
    assert [(r.observation.id, r.observation.count, r.corrected) for r in rows] == [
        (count.id, 120, False)
    ]
    rows = observation_page(store, ObservationFilter(as_of=LATER))
    assert [(r.observation.id, r.observation.count, r.corrected) for r in rows] == [
        (fixed.id, 150, True)
    ]
    reported(LATER + timedelta(hours=1))
    store.void(fixed.id, "duplicado")
    assert _counts(store, LATER) == ([150], 1)  # voided later: still there at LATER
    assert _counts(store, LATER + timedelta(hours=1)) == ([], 0)
    assert _counts(store, T0) == ([120], 1)


def test_a_site_renamed_after_the_clock_keeps_its_old_name_in_the_table(post, reported):
    store, site, _, _ = post
    reported(LATER)
    store.correct(site.id, name="Complejo Santa Rosa")
    assert [r.site_name for r in observation_page(store, ObservationFilter(as_of=T0))] == [
        "Santa Rosa"
    ]
    for at in (LATER, None):
        rows = observation_page(store, ObservationFilter(as_of=at))
        assert [r.site_name for r in rows] == ["Complejo Santa Rosa"]


def test_the_events_log_and_the_map_read_what_was_known_at_the_clock(post, reported):
    store, site, _, event = post
    reported(LATER)
    store.correct(event.id, title="Patrulla detenida en la ruta", people=4)
    radio = store.add_event(kind="log", title="Llamada", occurred_at=T0 - timedelta(hours=1))
    store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.3, lon=-70.3)
    at_t0 = log_entries(store, as_of=T0)
    assert [(e.id, e.title, e.people) for e in at_t0] == [(event.id, "Patrulla en la ruta", None)]
    assert [e.id for e in log_entries(store, as_of=LATER)][0] == radio.id
    assert len(log_entries(store, as_of=LATER)) == len(log_entries(store)) == 2
    points = event_points(store, T0, as_of=T0)
    assert points.ids == (event.id,) and points.people.tolist() == [-1]
    assert event_points(store, LATER, as_of=LATER).people.tolist() == [4]
    assert [m.name for m in site_markers(store, T0, as_of=T0)] == ["Santa Rosa"]
    assert [m.name for m in site_markers(store, LATER, as_of=LATER)] == [
        "Chacalluta",
        "Santa Rosa",
    ]
    assert site.id in {m.id for m in site_markers(store, T0, as_of=T0)}


def test_the_search_finds_what_was_known_at_the_clock(post, reported):
    store, _, _, event = post
    reported(LATER)
    fixed = store.correct(event.id, title="Control vehicular en la ruta")
    store.add_event(kind="incident", title="Patrulla fronteriza", occurred_at=T0)
    assert [h.id for h in search(store, "patrulla", at=T0)] == [event.id]
    assert [h.title for h in search(store, "control", at=T0)] == []
    assert [h.id for h in search(store, "control", at=LATER)] == [fixed.id]
    assert matching_ids(store, "events", "patrulla", at=T0) == {event.id}
    assert len(matching_ids(store, "events", "patrulla", at=LATER)) == 1  # the new one only
    assert matching_ids(store, "events", "patrulla") == matching_ids(
        store, "events", "patrulla", at=LATER
    )


def _csv_ids(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_an_export_at_an_instant_writes_the_records_known_then(post, reported, tmp_path):
    store, site, count, event = post
    reported(LATER)
    fixed = store.correct(count.id, count=150)
    store.add_observation(
        site_id=site.id, period_start=T0 - timedelta(hours=1), category="stranded", count=7
    )
    store.add_event(kind="incident", title="Otro", occurred_at=T0, lat=-18.0, lon=-70.1)
    store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.3, lon=-70.3)

    then = _csv_ids(export_observations(store, tmp_path / "t0.csv", at=T0).path)
    assert set(then) == {o.id for o in records_as_of(store, "observations", T0)} == {count.id}
    assert then[count.id]["count"] == "120"
    now = _csv_ids(export_observations(store, tmp_path / "all.csv").path)
    current = store.observations()
    assert set(now) == {o.id for o in current} and fixed.id in now and len(now) == 2
    # Each with its report time.
    assert {i: r["entered_at"] for i, r in now.items()} == {
        o.id: o.entered_at.isoformat(timespec="microseconds").replace("+00:00", "Z")
        for o in current
    }

    def geo_ids(report):
        return {f["id"] for f in json.loads(report.path.read_text("utf-8"))["features"]}

    assert geo_ids(export_events(store, tmp_path / "e0.geojson", at=T0)) == {event.id}
    assert len(geo_ids(export_events(store, tmp_path / "e.geojson"))) == 2
    assert geo_ids(export_sites(store, tmp_path / "s0.geojson", at=T0)) == {site.id}
    assert len(geo_ids(export_sites(store, tmp_path / "s.geojson"))) == 2
    kml = export_events(store, tmp_path / "e0.kml", at=T0)
    assert kml.written == 1


def test_the_table_and_the_log_at_any_instant_of_the_demo_are_the_records_as_of_it(demo, reported):
    """Property: at a random instant of the demo (its exercise, or when its records were
    reported), with corrections and voids reported along the way, the records table and the
    events log list exactly ``records_as_of`` the instant."""
    store = demo
    observations = store.observations()[::97]
    events = store.events()[::7]
    for i, record in enumerate([*observations, *events]):
        # Report each answer some hours after what it answers (demo times stay in order).
        reported(record.entered_at + timedelta(hours=1 + i % 5, microseconds=i))
        if i % 3 == 2:
            store.void(record.id, "duplicado")
        elif hasattr(record, "count"):
            store.correct(record.id, count=record.count + 1)
        else:
            store.correct(record.id, title=f"{record.title} (corregido)")
    ((first, last),) = store.conn.execute(
        "SELECT min(entered_at), max(entered_at) FROM (SELECT entered_at FROM observations "
        "UNION ALL SELECT entered_at FROM events UNION ALL SELECT entered_at FROM voids)"
    )
    reports = st.datetimes(
        min_value=(parse_instant(first) - timedelta(hours=1)).replace(tzinfo=None),
        max_value=(parse_instant(last) + timedelta(hours=1)).replace(tzinfo=None),
        timezones=st.just(UTC),
    )
    exercise = st.datetimes(
        min_value=datetime(2025, 11, 1), max_value=datetime(2026, 5, 1), timezones=st.just(UTC)
    )

    @settings(max_examples=40, deadline=None)
    @given(st.one_of(reports, exercise))
    def table_and_log_follow_the_rule(t):
        flt = ObservationFilter(as_of=t)
        known = records_as_of(store, "observations", t)
        rows = observation_page(store, flt, 0, len(known) + 10)
        assert sorted((r.observation.id, r.observation.count) for r in rows) == sorted(
            (o.id, o.count) for o in known if isinstance(o, Observation)
        )
        starts = [r.observation.period_start for r in rows]
        assert starts == sorted(starts, reverse=True)  # newest period first
        assert count_observations(store, flt) == len(known)
        log = log_entries(store, as_of=t)
        assert sorted((e.id, e.title) for e in log) == sorted(
            (e.id, e.title) for e in records_as_of(store, "events", t) if isinstance(e, Event)
        )

    table_and_log_follow_the_rule()


def test_the_records_table_total_is_the_rows_it_lists_for_any_days_and_clock(demo):
    """Property: the total the records table shows (the daily totals' fast path when the
    clock is past every entry, the records otherwise) is the number of rows it lists, for any
    days and site filter: a night shift across midnight counts on the day the table lists it."""
    sites = [None, *(s.id for s in demo.sites())]
    last = demo.conn.execute("SELECT max(entered_at) FROM observations").fetchone()[0]
    clocks = st.one_of(
        st.none(),
        st.just(parse_instant(last)),
        st.datetimes(
            min_value=datetime(2025, 11, 20), max_value=datetime(2026, 2, 1), timezones=st.just(UTC)
        ),
    )
    days = st.dates(min_value=date(2025, 11, 15), max_value=date(2026, 4, 5))

    @settings(max_examples=40, deadline=None)
    @given(days, st.integers(0, 20), st.sampled_from(sites), clocks)
    def total_is_rows(first, span, site_id, at):
        flt = ObservationFilter(
            site_id=site_id, first_day=first, last_day=first + timedelta(days=span), as_of=at
        )
        assert count_observations(demo, flt) == len(observation_page(demo, flt, 0, 100_000))

    total_is_rows()
