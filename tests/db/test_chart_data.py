"""What the flow chart shows, computed in db/ (no Qt): flows vs stocks, the clock, filters."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest

from db.flows.chart_data import chart_data, day_at, day_seconds, wall_seconds
from db.flows.chart_export import chart_rows, write_chart_csv
from db.flows.chart_ranges import chart_marks, preset_range, range_seconds
from tests.conftest import lima


@pytest.fixture(autouse=True)
def _known_early(reported_at):
    """The counts these tests build were all reported before the instants they read."""
    reported_at(lima(2025, 1, 1))


@pytest.fixture
def sites(store):
    a = store.add_site(name="Santa Rosa", kind="crossing", lat=-18.31, lon=-70.31)
    b = store.add_site(name="Concordia", kind="gathering", lat=-18.32, lon=-70.31)
    return a, b


def _flow(store, site, start, hours=12, count=100, category="crossed_regular", **kw):
    return store.add_observation(
        site_id=site.id,
        period_start=start,
        period_end=start + timedelta(hours=hours),
        direction=kw.pop("direction", "into_peru"),
        category=category,
        count=count,
        **kw,
    )


def _stock(store, site, at, count):
    return store.add_observation(site_id=site.id, period_start=at, category="stranded", count=count)


def test_wall_seconds_read_post_time_as_utc():
    # 1 Dec 2025 00:00 in Lima is 05:00 UTC; on the chart it sits exactly at the day's start.
    assert wall_seconds(lima(2025, 12, 1), "America/Lima") == day_seconds(date(2025, 12, 1))
    assert day_at(wall_seconds(lima(2025, 12, 1, 23, 59), "America/Lima")) == date(2025, 12, 1)
    assert day_seconds(date(1970, 1, 2)) == 86_400.0


def test_flows_are_summed_per_post_day_by_category_and_direction(store, sites):
    a, _ = sites
    _flow(store, a, lima(2025, 12, 1, 7), count=100)  # ends 19:00 on 1 Dec
    _flow(store, a, lima(2025, 12, 1, 19), count=50)  # ends 07:00 on 2 Dec: counted then (§4)
    _flow(store, a, lima(2025, 12, 2, 7), count=7, category="turned_back")
    _flow(store, a, lima(2025, 12, 2, 7), count=30, direction="into_chile")
    _flow(store, a, lima(2025, 12, 1, 12), hours=12, count=4)  # ends at 00:00 2 Dec: 1 Dec's
    data = chart_data(store, lima(2025, 12, 3, 12))
    assert data.days == [date(2025, 12, 1), date(2025, 12, 2), date(2025, 12, 3)]
    assert list(data.flows["crossed_regular"]) == [104, 80, 0]
    assert list(data.flows["turned_back"]) == [0, 7, 0]
    assert list(data.total()) == [104, 80, 0]  # the 7 turned back did not cross: not stacked
    by_dir = chart_data(store, lima(2025, 12, 3, 12), by="direction")
    assert list(by_dir.flows["into_peru"]) == [104, 50, 0]  # people who entered Peru only
    assert list(by_dir.flows["into_chile"]) == [0, 30, 0]
    assert list(by_dir.flows["turned_back"]) == [0, 7, 0]  # a series of its own
    assert list(by_dir.total()) == [104, 80, 0]
    assert data.x.dtype == np.float64 and data.x[0] == day_seconds(date(2025, 12, 1))


def test_stranded_is_the_latest_reading_of_the_day_never_a_sum_over_time(store, sites):
    a, b = sites
    _stock(store, b, lima(2025, 12, 1, 7), 120)
    _stock(store, b, lima(2025, 12, 1, 19), 80)  # later the same day: replaces 120
    _stock(store, a, lima(2025, 12, 1, 9), 5)  # another site: added
    _stock(store, b, lima(2025, 12, 3, 7), 10)  # site a did not report: its 5 are carried
    data = chart_data(store, lima(2025, 12, 3, 12))
    assert data.stranded[0] == 85
    assert math.isnan(data.stranded[1])  # no reading that day: no point, not zero
    assert data.stranded[2] == 15
    assert list(data.total()) == [0, 0, 0]  # stocks are never counted as flows


def test_only_what_is_known_at_the_clock_is_shown(store, sites):
    a, b = sites
    _flow(store, a, lima(2025, 12, 1, 7), hours=12, count=100)  # ends 19:00
    _stock(store, b, lima(2025, 12, 1, 9), 40)
    at_8 = chart_data(store, lima(2025, 12, 1, 8))
    assert list(at_8.total()) == [0] and math.isnan(at_8.stranded[0])
    at_20 = chart_data(store, lima(2025, 12, 1, 20))
    assert list(at_20.total()) == [100] and at_20.stranded[0] == 40
    assert not at_20.complete[0]
    assert chart_data(store, lima(2025, 12, 2, 0)).complete[0]


def test_per_crossing_follows_the_site_through_its_corrections(store, sites):
    a, b = sites
    _flow(store, a, lima(2025, 12, 1, 7), count=100)
    _flow(store, b, lima(2025, 12, 1, 7), count=1, category="assisted", direction="none")
    renamed = store.correct(a.id, name="Complejo Santa Rosa")
    _flow(store, renamed, lima(2025, 12, 1, 8), count=20)
    at = lima(2025, 12, 2, 12)
    assert chart_data(store, at, site_id=renamed.id).flows["crossed_regular"][0] == 120
    assert chart_data(store, at, site_id=a.id).total()[0] == 120
    assert chart_data(store, at, site_id=b.id).flows["assisted"][0] == 1
    assert chart_data(store, at, site_id=b.id).total()[0] == 0  # assisted are not crossings
    assert chart_data(store, at).total()[0] == 120


def test_corrections_and_voids_change_the_chart(store, sites):
    a, b = sites
    obs = _flow(store, a, lima(2025, 12, 1, 7), count=100)
    reading = _stock(store, b, lima(2025, 12, 1, 7), 60)
    at = lima(2025, 12, 2, 12)
    store.correct(obs.id, count=90)
    assert chart_data(store, at).total()[0] == 90
    store.void(reading.id, "counted twice")
    assert math.isnan(chart_data(store, at).stranded[0])


def test_seven_day_mean_uses_complete_days_only(store, sites):
    a, _ = sites
    for i in range(10):
        _flow(store, a, lima(2025, 12, 1, 7) + timedelta(days=i), hours=1, count=10 * (i + 1))
    data = chart_data(store, lima(2025, 12, 10, 12))  # 10 Dec still running
    mean = data.mean()
    assert np.isnan(mean[:6]).all()
    assert mean[6] == pytest.approx(sum(range(10, 71, 10)) / 7)  # 1..7 Dec
    assert mean[8] == pytest.approx(sum(range(30, 91, 10)) / 7)
    assert math.isnan(mean[9])


def test_stacking_puts_each_series_on_the_ones_below(store, sites):
    a, _ = sites
    _flow(store, a, lima(2025, 12, 1, 7), count=100)
    _flow(store, a, lima(2025, 12, 1, 7), count=7, category="turned_back")
    data = chart_data(store, lima(2025, 12, 2, 12))
    stack = data.stacked(["crossed_regular", "turned_back"])
    assert stack["crossed_regular"][0][0] == 0 and stack["crossed_regular"][1][0] == 100
    assert stack["turned_back"][0][0] == 100 and stack["turned_back"][1][0] == 7


def test_illustrative_flag_follows_the_rows(store, sites):
    a, _ = sites
    _flow(store, a, lima(2025, 12, 1, 7))
    assert not chart_data(store, lima(2025, 12, 2)).illustrative
    _flow(store, a, lima(2025, 12, 1, 8), illustrative=True)
    assert chart_data(store, lima(2025, 12, 2)).illustrative


def test_demo_chart_at_the_exercise_clock(demo):
    data = chart_data(demo, lima(2025, 12, 1, 8))
    assert data.days[0] == date(2025, 11, 15) and data.days[-1] == date(2025, 12, 1)
    assert data.illustrative
    # Nothing of 1 Dec's day shift (07:00-19:00) is known at 08:00; the night shift that ended
    # at 07:00 is, on the day it closed.
    night = lima(2025, 12, 1, 7)
    assert data.flows["crossed_regular"][-1] == sum(
        o.count
        for o in demo.observations(category="crossed_regular")
        if o.period_end == night and o.entered_at <= lima(2025, 12, 1, 8)
    )
    assert data.flows["crossed_regular"][-2] > 5000
    assert data.stranded[-1] >= 0


def test_presets(demo):
    now, tz = lima(2025, 12, 1, 8), "America/Lima"
    extent = (date(2025, 11, 15), date(2025, 12, 1))
    decrees = demo.decrees()
    assert preset_range("7d", now, tz, decrees, extent) == (date(2025, 11, 25), date(2025, 12, 1))
    assert preset_range("30d", now, tz, decrees, extent) == (date(2025, 11, 2), date(2025, 12, 1))
    assert preset_range("all", now, tz, decrees, extent) == extent
    # The chain DS 135 (29 Nov, 60 d) + DS 013 (28 Jan, 60 d): in force through 28 Mar 2026.
    assert preset_range("decree", now, tz, decrees, extent) == (
        date(2025, 11, 29),
        date(2026, 3, 28),
    )
    assert preset_range("decree", now, tz, [], extent) is None
    assert range_seconds(date(2025, 12, 1), date(2025, 12, 1)) == (
        day_seconds(date(2025, 12, 1)),
        day_seconds(date(2025, 12, 2)),
    )
    with pytest.raises(ValueError):
        preset_range("year", now, tz, decrees, extent)


def test_marks_for_decrees_and_milestones(demo):
    marks = chart_marks(demo.decrees(), demo.milestones(), "America/Lima")
    decree_marks = [(day_at(m.x), m.kind, m.title) for m in marks if m.kind != "milestone"]
    assert decree_marks == [
        (date(2025, 11, 29), "decree_start", "DS N° 135-2025-PCM"),
        (date(2026, 1, 28), "decree_start", "DS N° 013-2026-PCM"),  # one mark, not two
        (date(2026, 3, 29), "decree_end", "DS N° 013-2026-PCM"),
    ]
    run_off = next(m for m in marks if m.title == "Segunda vuelta en Chile")
    assert run_off.x == day_seconds(date(2025, 12, 14))  # its own day, though Chile is UTC-3
    assert run_off.subkind == "election"


def test_chart_csv_rows(tmp_path, store, sites):
    a, b = sites
    _flow(store, a, lima(2025, 12, 1, 7), count=100)
    _stock(store, b, lima(2025, 12, 2, 7), 12)
    data = chart_data(store, lima(2025, 12, 3, 9))
    rows = chart_rows(data, date(2025, 12, 2), date(2025, 12, 3), site_name="all")
    assert [r["date"] for r in rows] == ["2025-12-02", "2025-12-03"]
    assert rows[0]["stranded"] == 12 and rows[1]["stranded"] == ""
    assert rows[1]["complete"] == "no" and rows[0]["timezone"] == "America/Lima"
    path = tmp_path / "chart.csv"
    keys = list(data.keys)
    assert write_chart_csv(path, chart_rows(data, *data.extent()), keys) == 3
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith(
        "date,crossed_regular,crossed_irregular,crossed_total,mean_7d,"
        "turned_back,detained,assisted,stranded"
    )
    assert lines[1].startswith("2025-12-01,100,0,100,,0,0,0,")


def test_turned_back_is_never_an_entry_whichever_way_the_days_are_read(store, sites):
    a, _ = sites
    _flow(store, a, lima(2025, 12, 1, 7), count=100)
    _flow(store, a, lima(2025, 12, 1, 9), count=7, category="turned_back")
    at = lima(2025, 12, 3, 12)
    # The daily totals serve the post's zone; another zone is read from the records.
    for tz in ("America/Lima", "America/Santiago"):
        data = chart_data(store, at, by="direction", tz=tz)
        assert int(data.flows["into_peru"].sum()) == 100
        assert int(data.flows["turned_back"].sum()) == 7
