"""The built-in exercise teaches the truth: crossings booked where the integrated control
processes them, illustrative levels in line with the sourced figures, events on land where
what they name is, and every record reported no earlier than what it reports."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.clock import local_date, local_midnight
from db.geo.projection import haversine_m, load_basemap
from db.resources import SCENARIO_FILE, read_json
from db.scenario import ILLUSTRATIVE_SOURCE
from db.store.store import Store
from tests.conftest import lima

SCENARIO = read_json(*SCENARIO_FILE)
TZ = SCENARIO["timezone"]


@pytest.fixture
def demo(demo_path: Path):
    s = Store.open(demo_path, operator="Tester")
    yield s
    s.close()


def _site_keys(store: Store) -> dict[str, str]:
    by_name = {s["name"]: s["key"] for s in SCENARIO["sites"]}
    return {site.id: by_name[site.name] for site in store.sites()}


def test_regular_crossings_are_booked_where_the_integrated_control_processes_them(demo):
    keys = _site_keys(demo)
    booked = {(keys[o.site_id], o.direction) for o in demo.observations(category="crossed_regular")}
    # Peru's entries (Chile's exits) at Santa Rosa; Chile's entries (Peru's exits) at Chacalluta.
    assert booked == {("santa-rosa", "into_peru"), ("chacalluta", "into_chile")}
    irregular = {
        (keys[o.site_id], o.direction) for o in demo.observations(category="crossed_irregular")
    }
    fact_sites = {f["site"] for f in SCENARIO["facts"] if f.get("category") == "crossed_irregular"}
    assert (
        irregular == {(site, "into_peru") for site in fact_sites} == {("santa-rosa", "into_peru")}
    )


def _daily(demo: Store, category: str) -> dict[tuple[date, str], int]:
    out: dict[tuple[date, str], int] = defaultdict(int)
    for o in demo.observations(category=category):
        if o.illustrative:
            out[(local_date(o.period_start, TZ), o.direction)] += o.count
    return out


def test_regular_exits_from_chile_hold_steady_and_movements_stay_near_the_sourced_level(demo):
    levels = SCENARIO["illustrative"]["levels"]
    regular = _daily(demo, "crossed_regular")
    days = sorted({d for d, _ in regular})
    assert len(days) > 100
    exits = [regular[(d, "into_peru")] for d in days]
    low, high = levels["regular_exits_from_chile_per_day"]
    assert (low, high) == (5000, 6000)
    # Each day's two shifts are rounded apart: a person either side of the bounds.
    assert all(low - 1 <= n <= high + 1 for n in exits), (min(exits), max(exits))
    assert max(exits) / min(exits) < 1.25  # steady: no surge of regular exits
    both_ways = [regular[(d, "into_peru")] + regular[(d, "into_chile")] for d in days]
    assert levels["movements_per_day"] == 11568
    assert all(abs(n - 11568) <= 0.03 * 11568 for n in both_ways)
    assert abs(sum(both_ways) / len(both_ways) - 11568) < 150


def test_the_sourced_peak_of_stranded_people_is_kept(demo):
    keys = _site_keys(demo)
    for day in (date(2025, 11, 26), date(2025, 11, 27)):
        readings = [
            o.count
            for o in demo.observations(category="stranded")
            if keys[o.site_id] == "concordia" and local_date(o.period_start, TZ) == day
        ]
        assert readings and min(readings) > 100


def test_illustrative_values_stay_flagged_illustrative(demo):
    facts = {f["source"] for f in SCENARIO["facts"]}
    for record in [*demo.observations(), *demo.events()]:
        if record.source == ILLUSTRATIVE_SOURCE:
            assert record.illustrative, record
        else:
            assert record.source in facts and not record.illustrative, record
    assert sum(o.illustrative for o in demo.observations()) > 1500


def _inside(point: tuple[float, float], ring: tuple[tuple[float, float], ...]) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _on_land(lon: float, lat: float) -> str | None:
    for country in load_basemap().land:
        for outer, *holes in country.polygons:
            if _inside((lon, lat), outer) and not any(_inside((lon, lat), h) for h in holes):
                return country.name
    return None


def _distance_to_line_m(lon: float, lat: float, coords: list[list[float]]) -> float:
    # Local equirectangular metres: segments of a few kilometres at 18° S.
    kx, ky = 111_320 * math.cos(math.radians(lat)), 110_574

    def xy(c: list[float] | tuple[float, float]) -> tuple[float, float]:
        return (c[0] - lon) * kx, (c[1] - lat) * ky

    best = math.inf
    for a, b in zip(coords, coords[1:], strict=False):
        (ax, ay), (bx, by) = xy(a), xy(b)
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def test_the_checks_below_can_fail():
    # The sea off the border's end is not land; a point 1 km off the road is not on it.
    assert _on_land(-70.45, -18.35) is None
    assert _on_land(-70.30, -18.20) == "Peru"
    road = next(line for line in SCENARIO["lines"] if line["key"] == "panamericana")
    assert _distance_to_line_m(-70.2980 + 0.0095, -18.2000, road["coordinates"]) > 900


def test_every_illustrative_event_is_on_land_and_near_what_it_names(demo):
    templates = {t["title"]: t for t in SCENARIO["illustrative"]["event_templates"]}
    lines = {line["key"]: line for line in SCENARIO["lines"]}
    sites = {s["key"]: s for s in SCENARIO["sites"]}
    border = [
        [lon, lat] for line in load_basemap().borders("Chile", "Peru") for lon, lat in line.coords
    ]
    events = [e for e in demo.events() if e.illustrative]
    assert len(events) == SCENARIO["illustrative"]["events"]
    seen = set()
    for event in events:
        where = f"{event.title} at {event.lat}, {event.lon}"
        assert _on_land(event.lon, event.lat), f"{where}: in the sea"
        template = templates[event.title]
        seen.add(template["kind"])
        if "near" in template:
            site = sites[template["near"]]
            distance = haversine_m(event.lon, event.lat, site["lon"], site["lat"])
        else:
            distance = _distance_to_line_m(
                event.lon, event.lat, lines[template["along"]]["coordinates"]
            )
        assert distance <= template["within_m"], f"{where}: {distance:.0f} m away"
        if template.get("along") == "border":  # also near the shipped border, on Peru's side
            assert _distance_to_line_m(event.lon, event.lat, border) <= template["within_m"]
            assert _on_land(event.lon, event.lat) == "Peru", where
    assert seen == {t["kind"] for t in templates.values()}
    road_events = [e for e in events if templates[e.title]["kind"] == "checkpoint"]
    assert road_events and all(_on_land(e.lon, e.lat) == "Peru" for e in road_events)


def test_every_record_is_reported_no_earlier_than_what_it_reports(demo):
    for o in demo.observations():
        known = o.period_end or o.period_start
        assert o.entered_at >= known, o
        assert o.entered_at - known <= timedelta(hours=2), o
    counts = [o for o in demo.observations() if o.category != "stranded" and o.illustrative]
    delays = {o.entered_at - o.period_end for o in counts}
    assert min(delays) >= timedelta(minutes=20) and max(delays) <= timedelta(minutes=50)
    for e in demo.events():
        assert e.entered_at >= e.occurred_at, e
    first_use = min(o.period_start for o in demo.observations())
    assert all(s.entered_at < first_use for s in demo.sites())
    for d in demo.decrees():
        assert d.published_on is not None
        assert d.entered_at >= local_midnight(d.published_on, TZ), d


def test_the_scenario_context_travels_with_the_database(demo):
    import json

    context = json.loads(demo.meta("scenario_context") or "[]")
    assert [c["source"] for c in context] == [c["source"] for c in SCENARIO["context"]]
    assert any("5.000 y 6.000" in c["text_es"] for c in context)


def test_the_template_changes_name_with_the_scenario_data(tmp_path, monkeypatch):
    from db import demo as demo_module
    from db.resources import resource

    before = demo_module.fingerprint()
    changed = tmp_path / "scenario.json"
    text = resource(*SCENARIO_FILE).read_text(encoding="utf-8")
    changed.write_text(text.replace('"movements_per_day": 11568', '"movements_per_day": 11569'))
    monkeypatch.setattr(demo_module, "resource", lambda *parts: changed)
    assert demo_module.fingerprint() != before  # so a template of the old data is not copied


def test_the_briefing_context_box_holds_the_sourced_figures_public_by_its_day(demo):
    from db.briefing.content import compose_briefing

    first = compose_briefing(demo, date(2025, 12, 1), lang="es", operator="Ana")
    texts = [c.text for c in first.context]
    assert len(texts) == 3 and all(c.source for c in first.context)
    assert any("Entre 5.000 y 6.000" in t for t in texts)
    assert not any("Venezolanos" in t for t in texts)  # published on 12 Dec, not yet known
    later = compose_briefing(demo, date(2025, 12, 13), lang="en", operator="Ana")
    assert any(c.text.startswith("Venezuelans in Peru: 1,247,942") for c in later.context)
    assert {c.source for c in later.context} == {c["source"] for c in SCENARIO["context"]}


@pytest.fixture(scope="module")
def replay(tmp_path_factory):
    """The demo and, per record, what it reports and when the post learned of it."""
    from db.scenario import init_database

    store = init_database(str(tmp_path_factory.mktemp("replay") / "demo.db"), demo=True)
    yield store, [(o.id, o.period_end or o.period_start) for o in store.observations()]
    store.close()


@settings(max_examples=50, deadline=None, database=None)
@given(
    minutes=st.integers(
        min_value=0, max_value=int((lima(2026, 4, 1) - lima(2025, 11, 14)).total_seconds() // 60)
    )
)
def test_stepping_the_clock_replays_the_exercise_as_it_was_lived(replay, minutes):
    from db.store.asof import records_as_of

    store, reported = replay
    at = lima(2025, 11, 14) + timedelta(minutes=minutes)
    known = records_as_of(store, "observations", at)
    # Nothing is known before it happened ...
    assert all((o.period_end or o.period_start) <= at for o in known)
    # ... and every shift's counts are known within 50 minutes of its end.
    ids = {o.id for o in known}
    late = at - timedelta(minutes=50)
    assert all(rid in ids for rid, end in reported if end <= late)
    events = records_as_of(store, "events", at)
    assert all(e.occurred_at <= at for e in events)
