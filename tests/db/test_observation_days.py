"""The daily totals the store keeps (db/flows/days.py) against the records themselves.

Random histories of counts, corrections, voidings, batches and rows arriving out of order (as
sync bundles do), in a zone with daylight saving: the totals must equal what a scan of the
current records gives, and every question answered from them (and by the scan the store falls
back on) must equal the from-scratch answer of tests/flows_reference.py.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.clock import local_date, parse_instant
from db.flows import days as od
from db.flows import totals as dt
from db.flows.chart_data import chart_data
from db.store.store import Store
from db.vocab import FLOW_CATEGORIES, STOCK_CATEGORIES
from tests import flows_reference as reference

# Chile leaves summer time at 2026-04-05 03:00 UTC: local days are 27 then 25 hours around it.
ZONE = "America/Santiago"
T0 = datetime(2026, 4, 3, 0, tzinfo=UTC)
CATEGORIES = (*FLOW_CATEGORIES[:3], *STOCK_CATEGORIES)
DIRECTIONS = ("into_peru", "into_chile", "none")


@pytest.fixture(autouse=True)
def _known_early(reported_at):
    """The counts these tests build were all reported before the instants they read: the
    daily totals answer (a reader as of an earlier instant reads the records instead)."""
    reported_at(datetime(2025, 1, 1, tzinfo=UTC))


def _open(folder: str) -> tuple[Store, list[str]]:
    store = Store.open(Path(folder) / "post.db", operator="Tester")
    store.conn.execute("PRAGMA synchronous = OFF")  # a throwaway file: no need to wait for disk
    store.set_meta(timezone=ZONE)
    sites = [
        store.add_site(name=f"Paso {i}", kind="crossing", country="CL", lat=-18, lon=-70).id
        for i in range(2)
    ]
    return store, sites


def _values(data: st.DataObject, sites: list[str]) -> dict:
    start = T0 + timedelta(minutes=30 * data.draw(st.integers(0, 5 * 48)))
    category = data.draw(st.sampled_from(CATEGORIES))
    stock = category in STOCK_CATEGORIES
    return {
        "site_id": data.draw(st.sampled_from(sites)),
        "period_start": start,
        "period_end": start if stock else start + timedelta(hours=data.draw(st.integers(1, 30))),
        # a site's stock may come in several directions' buckets on one day: the latest counts
        "direction": data.draw(st.sampled_from(DIRECTIONS)),
        "category": category,
        "count": data.draw(st.integers(0, 500)),
        "illustrative": data.draw(st.booleans()),
    }


def _current(store: Store) -> list:
    return store.conn.execute(
        "SELECT o.rowid, o.* FROM observations o WHERE o.id IN (SELECT id FROM current_observations)"
    ).fetchall()


def _play(store: Store, sites: list[str], data: st.DataObject) -> None:
    held_back: list[dict] = []  # rows of a "bundle" whose earlier versions come later
    for _ in range(data.draw(st.integers(1, 15))):
        current = [r["id"] for r in _current(store)]
        action = data.draw(st.sampled_from(("add", "add", "batch", "correct", "void", "late")))
        if action == "add":
            store.add_observation(**_values(data, sites))
        elif action == "batch":
            rows = [
                store.prepare("observations", _values(data, sites))
                for _ in range(data.draw(st.integers(1, 6)))
            ]
            store.insert_rows("observations", rows)
        elif action == "correct" and current:
            target = data.draw(st.sampled_from(current))
            if data.draw(st.booleans()):
                store.correct(target, count=data.draw(st.integers(0, 500)))
            else:  # moved to another day, site or category
                store.correct(target, **_values(data, sites))
        elif action == "void" and current:
            store.void(data.draw(st.sampled_from(current)), "counted twice")
        elif action == "late":
            # A correction arrives before the count it corrects (bundles are order-free).
            original = store.prepare("observations", _values(data, sites))
            fix = store.prepare("observations", _values(data, sites), supersedes=original["id"])
            store.insert_rows("observations", [fix])
            held_back.append(original)
    for row in held_back:
        store.insert_rows("observations", [row])


def _expected(store: Store) -> dict:
    """observation_days recomputed in Python from the current records."""
    buckets: dict = defaultdict(lambda: [0, 0, 0, "", ("", 0, 0)])
    for r in _current(store):
        # A flow's day is the one its period closes (an end at midnight: the day before), a
        # stock's the day of its reading (docs/architecture.md §4).
        instant = parse_instant(r["period_start"])
        if r["category"] in FLOW_CATEGORIES:
            instant = parse_instant(r["period_end"]) - timedelta(seconds=1)
        day = local_date(instant, ZONE).isoformat()
        b = buckets[(r["category"], day, r["site_id"], r["direction"])]
        b[0] += r["count"]
        b[1] += 1
        b[2] = max(b[2], r["illustrative"])
        b[3] = max(b[3], r["period_end"])
        b[4] = max(b[4], (r["period_start"], r["rowid"], r["count"]))
    return {k: (t, n, i, e, *latest) for k, (t, n, i, e, latest) in buckets.items()}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(st.data())
def test_daily_totals_match_the_records_and_answer_as_a_scan_does(data):
    with tempfile.TemporaryDirectory() as folder:
        store, sites = _open(folder)
        try:
            _play(store, sites, data)
            _check_tables(store)
            _check_answers(store, sites, data)
            _check_chart(store, sites, data)
        finally:
            store.close()


def _check_tables(store: Store) -> None:
    kept = {
        tuple(r[:4]): tuple(r[4:])
        for r in store.conn.execute(
            "SELECT category, day, site_id, direction, total, records, illustrative, "
            "last_end, latest_start, latest_rowid, latest_count FROM observation_days"
        )
    }
    assert kept == _expected(store)
    everywhere = defaultdict(lambda: [0, 0, 0, ""])
    for (category, day, _site, direction), (t, n, i, e, *_latest) in kept.items():
        b = everywhere[(category, day, direction)]
        b[0], b[1], b[2], b[3] = b[0] + t, b[1] + n, max(b[2], i), max(b[3], e)
    all_sites = {
        tuple(r[:3]): tuple(r[3:]) for r in store.conn.execute("SELECT * FROM observation_days_all")
    }
    assert all_sites == {k: tuple(v) for k, v in everywhere.items()}
    assert store.counts()["observations"] == len(_current(store))
    every = store.conn.execute(
        "SELECT coalesce(max(julianday(period_end) - julianday(period_start)), 0) FROM observations"
    ).fetchone()[0]
    assert od.longest_period(store.conn) == timedelta(days=every)


def _check_answers(store: Store, sites: list[str], data: st.DataObject) -> None:
    conn = store.conn
    first = date(2026, 4, 2) + timedelta(days=data.draw(st.integers(0, 7)))
    last = first + timedelta(days=data.draw(st.integers(0, 7)))
    clock = T0 + timedelta(minutes=data.draw(st.integers(0, 8 * 24 * 60)))
    ended_by = data.draw(st.sampled_from((None, clock)))
    chosen = data.draw(st.sampled_from((None, sites[:1], sites)))
    for by in ("category", "direction"):
        asked = {"by": by, "tz": ZONE, "site_ids": chosen, "ended_by": ended_by}
        expected_flows = reference.daily_flows(conn, first, last, **asked)
        assert dt.daily_flows(conn, first, last, **asked) == expected_flows
        assert dt.daily_flows_scan(conn, first, last, **asked) == expected_flows
    asked = {"tz": ZONE, "site_ids": chosen, "taken_by": ended_by}
    expected_stock = reference.daily_stock(conn, first, last, **asked)
    assert dt.daily_stock(conn, first, last, **asked) == expected_stock
    assert dt.daily_stock_scan(conn, first, last, **asked) == expected_stock
    category = data.draw(st.sampled_from((None, *CATEGORIES)))
    n = dt.current_count(conn, tz=ZONE, site_ids=chosen, category=category)
    scanned = [
        r
        for r in _current(store)
        if (chosen is None or r["site_id"] in chosen)
        and (category is None or r["category"] == category)
    ]
    assert n == len(scanned)


def test_a_new_post_zone_recounts_the_days(store):
    site = store.add_site(name="Paso", kind="crossing", country="CL", lat=-18, lon=-70)
    # 02:30 UTC on 5 Apr: still 4 Apr in Lima (UTC-5) and in Santiago (UTC-3 until 03:00)...
    store.add_observation(
        site_id=site.id,
        # A flow is counted on the day it ends (§4): 04:50 UTC is 4 Apr in Lima, but 5 Apr in
        # Santiago (UTC-4 by then).
        period_start=datetime(2026, 4, 5, 4, 30, tzinfo=UTC),
        period_end=datetime(2026, 4, 5, 4, 50, tzinfo=UTC),
        category="crossed_regular",
        direction="into_chile",
        count=7,
    )
    days = "SELECT day FROM observation_days_all"
    assert [r[0] for r in store.conn.execute(days)] == ["2026-04-04"]
    store.set_meta(timezone=ZONE)
    assert [r[0] for r in store.conn.execute(days)] == ["2026-04-05"]
    assert od.serves(store.conn, ZONE) and not od.serves(store.conn, "America/Lima")


def test_a_site_counted_in_two_directions_on_one_day_shows_its_latest_count(store):
    site = store.add_site(name="Paso", kind="crossing", country="PE", lat=-18, lon=-70)
    for hour, direction, count in ((9, "into_chile", 40), (15, "none", 25), (11, "into_peru", 60)):
        store.add_observation(
            site_id=site.id,
            period_start=datetime(2025, 12, 1, hour, tzinfo=UTC),
            category="stranded",
            direction=direction,
            count=count,
        )
    day = date(2025, 12, 1)
    stock = dt.daily_stock(store.conn, day, day, tz="America/Lima")
    assert stock.readings == {day: {(site.id, "stranded"): 25}}  # 15:00, whatever its direction
    assert stock == dt.daily_stock_scan(store.conn, day, day, tz="America/Lima")


def _check_chart(store: Store, sites: list[str], data: st.DataObject) -> None:
    """The chart's data from the daily totals equals the chart's data read from the records
    (what it does where the totals are kept in another zone)."""
    now = T0 + timedelta(minutes=data.draw(st.integers(0, 8 * 24 * 60)))
    site_id = data.draw(st.sampled_from((None, *sites)))
    by = data.draw(st.sampled_from(("category", "direction")))
    if store.conn.execute("SELECT 1 FROM current_observations").fetchone() is None:
        return
    fast = chart_data(store, now, site_id=site_id, by=by)
    store.conn.execute("DELETE FROM meta WHERE key = ?", (od.TZ_META_KEY,))
    try:
        slow = chart_data(store, now, site_id=site_id, by=by)
    finally:
        store.conn.execute("INSERT INTO meta VALUES (?, ?)", (od.TZ_META_KEY, ZONE))
    assert fast.days == slow.days and fast.illustrative == slow.illustrative
    for key in fast.keys:
        np.testing.assert_array_equal(fast.flows[key], slow.flows[key])
    np.testing.assert_array_equal(fast.stranded, slow.stranded)


def test_a_range_before_the_clock_day_holds_only_its_own_days(store):
    site = store.add_site(name="Paso", kind="crossing", country="PE", lat=-18, lon=-70)
    for day in (1, 3):
        store.add_observation(
            site_id=site.id,
            period_start=datetime(2025, 12, day, 15, tzinfo=UTC),
            category="stranded",
            count=day * 10,
        )
    asked = {"tz": "America/Lima", "taken_by": datetime(2025, 12, 5, 12, tzinfo=UTC)}
    first = date(2025, 12, 1)
    stock = dt.daily_stock(store.conn, first, first, **asked)
    assert stock.readings == {first: {(site.id, "stranded"): 10}}
    assert stock == dt.daily_stock_scan(store.conn, first, first, **asked)


def test_a_batch_that_fails_leaves_the_totals_and_their_trigger_as_they_were(store):
    site = store.add_site(name="Paso", kind="crossing", country="PE", lat=-18, lon=-70)
    values = {
        "site_id": site.id,
        "period_start": datetime(2025, 12, 1, 12, tzinfo=UTC),
        "period_end": datetime(2025, 12, 1, 13, tzinfo=UTC),
        "category": "crossed_regular",
        "direction": "into_peru",
        "count": 7,
    }
    good = store.prepare("observations", values)
    bad = {**store.prepare("observations", values), "note": object()}  # SQLite cannot store it
    with pytest.raises(sqlite3.Error):
        store.insert_rows("observations", [good] * 600 + [bad])  # fails in the second statement
    assert store.counts()["observations"] == 0
    assert store.conn.execute("SELECT count(*) FROM observation_days").fetchone()[0] == 0
    store.add_observation(**values)  # the row trigger is still there
    assert store.conn.execute("SELECT sum(total) FROM observation_days").fetchone()[0] == 7
