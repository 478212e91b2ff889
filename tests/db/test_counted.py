"""One truth for every figure (docs/architecture.md §4): the tiles, ``status``, the chart's days,
the map's labels and the briefing's table count the same window the same way, as the post knew
it at the clock's time, on the demo exercise."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.briefing.content import compose_briefing
from db.clock import Clock, local_date, local_midnight, to_iso_precise
from db.flows.chart_data import chart_data
from db.flows.headline import headline_figures
from db.geo.layers import site_markers
from db.status import status
from db.store.store import Store
from db.vocab import CROSSING_CATEGORIES
from tests.conftest import lima

TZ = "America/Lima"
FIRST, LAST = lima(2025, 11, 16), lima(2026, 4, 10)  # the demo's counts, and days after them
TILES = ("into_peru", "into_chile", "crossed_irregular", "turned_back", "detained", "stranded")


@pytest.fixture(scope="module")
def exercise(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The demo exercise, read only: one copy for every example of this module."""
    from db.scenario import init_database

    path = tmp_path_factory.mktemp("exercise") / "demo.db"
    store = init_database(str(path), demo=True)
    yield store
    store.close()


instants = st.integers(0, int((LAST - FIRST).total_seconds()) // 60).map(
    lambda m: FIRST + timedelta(minutes=m)
)
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _tiles(store: Store, at: datetime) -> dict[str, int]:
    return {f.code: f.value for f in headline_figures(store, at).figures}


def _status(store: Store, at: datetime) -> dict[str, int]:
    figures = status(store, at, exercise=True)["figures"]
    return {
        "into_peru": figures["by_direction"].get("into_peru", 0),
        "into_chile": figures["by_direction"].get("into_chile", 0),
        **{c: figures["by_category"][c] for c in ("crossed_irregular", "turned_back", "detained")},
        "stranded": figures["stranded_latest"],
    }


def _chart_day(store: Store, at: datetime, day: date) -> dict[str, int]:
    chart = chart_data(store, at)
    i = chart.index_of(day)
    assert i is not None
    return {c: int(chart.flows[c][i]) for c in (*chart.keys, *chart.other_keys)}


def _briefing(store: Store, day: date, cutoff_hour: int) -> dict[str, int]:
    b = compose_briefing(store, day, cutoff_hour=cutoff_hour, operator="Ana")
    return {f.code: f.value for f in b.figures}


@SETTINGS
@given(at=instants)
def test_every_reader_counts_the_same_window_alike(exercise: Store, at: datetime) -> None:
    # The last 24 hours at the clock: the tiles and status --json.
    assert _tiles(exercise, at) == _status(exercise, at)
    # A calendar day, read at the midnight that closes it: tiles, status, the chart's bars
    # and a briefing whose period is that day.
    midnight = local_midnight(local_date(at, TZ), TZ)
    day = local_date(midnight - timedelta(hours=1), TZ)
    tiles = _tiles(exercise, midnight)
    assert tiles == _status(exercise, midnight)
    bars = _chart_day(exercise, midnight, day)
    briefing = _briefing(exercise, local_date(midnight, TZ), 0)
    assert {code: briefing[code] for code in TILES} == tiles
    for category in ("crossed_regular", "crossed_irregular", "turned_back", "detained"):
        assert bars[category] == briefing[category]
    assert tiles["into_peru"] + tiles["into_chile"] == sum(bars[c] for c in CROSSING_CATEGORIES)
    # The briefing's period (the 24 hours to 07:00), read at 07:00: tiles, status, briefing.
    seven = midnight + timedelta(hours=7)
    tiles = _tiles(exercise, seven)
    assert tiles == _status(exercise, seven)
    briefing = _briefing(exercise, local_date(seven, TZ), 7)
    assert {code: briefing[code] for code in TILES} == tiles


def _figures_at(store: Store, at: datetime) -> tuple:
    markers = [(m.id, m.stranded, m.crossed_24h) for m in site_markers(store, at)]
    chart = chart_data(store, at)
    bars = {k: chart.flows[k].tolist() for k in chart.keys}
    stranded = [None if v != v else v for v in chart.stranded.tolist()]  # NaN: no reading
    figures = status(store, at, exercise=True)["figures"]
    return headline_figures(store, at).figures, figures, markers, bars, stranded


def _copy(template: Path, folder: Path) -> Store:
    target = folder / f"demo-{uuid.uuid4().hex}.db"
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return Store.open(target, operator="Tester")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(at=instants, data=st.data())
def test_what_is_entered_later_does_not_change_what_was_known(
    _demo_template: Path, tmp_path: Path, at: datetime, data: st.DataObject
) -> None:
    demo = _copy(_demo_template, tmp_path)
    before = _figures_at(demo, at)
    # Entered an hour after the clock: a late count of a period before it, a correction, a
    # void; and a stock reading entered a minute after it.
    demo.report_clock = Clock(at + timedelta(hours=1), frozen=True)
    site = data.draw(st.sampled_from(sorted(s.id for s in demo.sites())))
    end = at - timedelta(hours=data.draw(st.integers(0, 30)))
    demo.add_observation(
        site_id=site,
        period_start=end - timedelta(hours=2),
        period_end=end,
        direction="into_peru",
        category=data.draw(st.sampled_from(["crossed_regular", "turned_back"])),
        count=data.draw(st.integers(1, 5000)),
    )
    row = demo.prepare(
        "observations",
        dict(site_id=site, period_start=end, category="stranded", count=999),
    )
    row["entered_at"] = to_iso_precise(at + timedelta(minutes=1))
    demo.insert_rows("observations", [row])
    known = sorted(
        (
            o
            for o in demo.observations()
            if o.period_end <= at and o.entered_at <= at and o.period_end > at - timedelta(days=2)
        ),
        key=lambda o: o.id,
    )
    picks = data.draw(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 9)))
    if known:
        corrected = known[picks[0] % len(known)]
        demo.correct(corrected.id, count=picks[2])
        others = [o for o in known if o.id != corrected.id]
        if others:
            demo.void(others[picks[1] % len(others)].id, reason="contado dos veces")
    try:
        assert _figures_at(demo, at) == before
    finally:
        demo.close()


def test_a_shift_is_counted_once_it_has_ended(demo: Store) -> None:
    at = lima(2025, 12, 1, 8)  # the demo's clock
    counts = demo.observations()
    day_shift = [o for o in counts if o.period_start == lima(2025, 12, 1, 7)]
    assert day_shift  # the 07:00–19:00 shift of 1 Dec, not over at 08:00
    crossed_in = sum(
        o.count
        for o in counts
        if o.category in CROSSING_CATEGORIES
        and o.direction == "into_peru"
        and at - timedelta(hours=24) < o.period_end <= at
        and o.entered_at <= at  # reported by the clock
    )
    tiles = _tiles(demo, at)
    assert tiles["into_peru"] == crossed_in
    assert _status(demo, at)["into_peru"] == crossed_in
    # Chacalluta's label: what crossed there in the periods that ended in the last 24 h.
    chacalluta = next(m for m in site_markers(demo, at) if m.name.startswith("Complejo Chacalluta"))
    assert chacalluta.crossed_24h == sum(
        o.count
        for o in counts
        if o.site_id == chacalluta.id
        and o.category in CROSSING_CATEGORIES
        and at - timedelta(hours=24) < o.period_end <= at
        and o.entered_at <= at
    )
    # The chart's today is what ended since midnight: the night shift that closed at 07:00.
    chart = chart_data(demo, at)
    today = chart.index_of(date(2025, 12, 1))
    night = [o for o in counts if o.period_end == lima(2025, 12, 1, 7) and o.entered_at <= at]
    for category in ("crossed_regular", "turned_back", "detained"):
        assert chart.flows[category][today] == sum(o.count for o in night if o.category == category)
    # ... and the same as the figures counted for the calendar day so far, read at 08:00.
    midnight = lima(2025, 12, 1)
    from db.flows.counted import counted

    so_far = counted(demo, midnight, at, known_at=at)
    assert chart.flows["crossed_regular"][today] == so_far.by_category["crossed_regular"]
    assert chart.total(CROSSING_CATEGORIES)[today] == sum(so_far.by_direction.values())


def test_people_turned_back_did_not_enter_peru(demo: Store) -> None:
    at = lima(2025, 12, 1, 8)
    before = _tiles(demo, at)
    santa_rosa = next(s for s in demo.sites() if s.name.startswith("Complejo Santa Rosa"))
    row = demo.prepare(
        "observations",
        dict(
            site_id=santa_rosa.id,
            period_start=lima(2025, 12, 1, 6),
            period_end=lima(2025, 12, 1, 7),
            direction="into_peru",
            category="turned_back",
            count=14,
        ),
    )
    row["entered_at"] = to_iso_precise(lima(2025, 12, 1, 7, 30))
    demo.insert_rows("observations", [row])
    after = _tiles(demo, at)
    assert after["into_peru"] == before["into_peru"]
    assert after["turned_back"] == before["turned_back"] + 14
    assert (
        status(demo, at, exercise=True)["figures"]["by_category"]["turned_back"]
        == (after["turned_back"])
    )


def test_a_period_ending_at_midnight_closes_the_day_before(store: Store) -> None:
    site = store.add_site(name="Paso", kind="crossing", country="PE", lat=-18, lon=-70).id
    row = store.prepare(
        "observations",
        dict(
            site_id=site,
            period_start=lima(2025, 12, 1, 19),
            period_end=lima(2025, 12, 2),
            direction="into_peru",
            category="crossed_regular",
            count=40,
        ),
    )
    row["entered_at"] = to_iso_precise(lima(2025, 12, 2))
    store.insert_rows("observations", [row])
    chart = chart_data(store, lima(2025, 12, 2, 12))
    assert chart.flows["crossed_regular"].tolist()[-2:] == [40, 0]
    assert [f.value for f in headline_figures(store, lima(2025, 12, 2)).figures][0] == 40
    assert headline_figures(store, datetime(2025, 12, 2, 5, 0, 1, tzinfo=UTC)).figures[0].value == (
        40
    )
    assert headline_figures(store, lima(2025, 12, 2) - timedelta(seconds=1)).figures[0].value == 0
