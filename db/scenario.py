"""The built-in exercise: the Tacna emergency of November 2025.

Public facts (decrees, milestones, sites, two counts and one incident) come from
``resources/scenario/tacna_2025.json`` with their sources. Daily counts and most map events are
generated here, deterministically, and marked ``illustrative`` in every row.

Every record of the scenario gets a stable id (UUID5 of the scenario key and the record key), so
two stations initialised from the same scenario share ids and never double them on sync.
"""

from __future__ import annotations

import json
import math
import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from db.clock import local_midnight, parse_local, to_iso, to_iso_precise, zone
from db.resources import SCENARIO_FILE, read_json
from db.store.store import Store

SCENARIO_NAMESPACE = uuid.UUID("6f1c2a57-2f6e-4a53-9d1e-8b3f4c2d7a10")
SCENARIO_OPERATOR = "escenario"
ILLUSTRATIVE_SOURCE = "Ilustrativo (generado para el ejercicio)"


def stable_id(scenario_key: str, *parts: str) -> str:
    return str(uuid.uuid5(SCENARIO_NAMESPACE, "/".join((scenario_key, *parts))))


def load_scenario(store: Store, data: dict[str, Any] | None = None) -> dict[str, int]:
    """Write the scenario into ``store`` (idempotent: ids are stable); returns rows per table."""
    data = data or read_json(*SCENARIO_FILE)
    key, tz = data["key"], data["timezone"]
    operator, store.operator = store.operator, SCENARIO_OPERATOR
    try:
        rows = _scenario_rows(store, data, key, tz)
        added = {table: store.insert_rows(table, items) for table, items in rows.items()}
    finally:
        store.operator = operator
    clock = parse_local(data["exercise_clock"], tz)
    store.set_meta(
        scenario=data["name"],
        scenario_key=key,
        exercise_clock=to_iso(clock),
        timezone=tz,
        # The sourced context travels with the database (briefing, About): see
        # db/scenario_context.py.
        scenario_context=json.dumps(_context(data), ensure_ascii=False),
    )
    return added


def _scenario_rows(
    store: Store, data: dict[str, Any], key: str, tz: str
) -> dict[str, list[dict[str, Any]]]:
    site_ids: dict[str, str] = {}
    rows: dict[str, list[dict[str, Any]]] = {
        "sites": [],
        "decrees": [],
        "milestones": [],
        "observations": [],
        "events": [],
    }
    gen = data["illustrative"]
    delays = gen["report_delay_minutes"]
    # Every record is stamped with when the post learned of it, so that stepping the exercise
    # clock replays the emergency as it was lived (docs/architecture.md §4, the as-of rule).
    set_up_at = parse_local(data["set_up_at"], tz)
    for site in data["sites"]:
        sid = site_ids[site["key"]] = stable_id(key, "site", site["key"])
        values = {k: v for k, v in site.items() if k != "key"}
        rows["sites"].append(_reported(store.prepare("sites", values, record_id=sid), set_up_at))
    store.insert_rows("sites", rows.pop("sites"))
    decree_ids: dict[str, str] = {}
    for decree in data["decrees"]:
        did = decree_ids[decree["key"]] = stable_id(key, "decree", decree["key"])
        values = {k: v for k, v in decree.items() if k != "key"}
        if "extends" in values:
            values["extends"] = decree_ids[values["extends"]]
        published = local_midnight(date.fromisoformat(decree["published_on"]), tz)
        row = _reported(store.prepare("decrees", values, record_id=did), published)
        store.insert_rows("decrees", [row])
    for m in data["milestones"]:
        rows["milestones"].extend(_milestone_rows(store, key, tz, m))
    fact_delay = timedelta(minutes=delays["facts"])
    for fact in data["facts"]:
        fid = stable_id(key, "fact", fact["key"])
        values = {k: v for k, v in fact.items() if k not in ("key", "type", "site")}
        if fact["type"] == "observation":
            values["site_id"] = site_ids[fact["site"]]
            for field in ("period_start", "period_end"):
                if field in values:
                    values[field] = parse_local(values[field], tz)
            known = values.get("period_end") or values["period_start"]
            row = store.prepare("observations", values, record_id=fid)
            rows["observations"].append(_reported(row, known + fact_delay))
        else:
            site = next(s for s in data["sites"] if s["key"] == fact["site"])
            values.update(
                lat=site["lat"], lon=site["lon"], occurred_at=parse_local(values["occurred_at"], tz)
            )
            row = store.prepare("events", values, record_id=fid)
            rows["events"].append(_reported(row, values["occurred_at"] + fact_delay))
    rnd = random.Random(gen["seed"])
    # Report delays from their own sequence: the figures do not change with the delays.
    late = random.Random(gen["seed"] + 1)
    for values in _illustrative_counts(gen, site_ids, tz, rnd):
        rid = stable_id(key, "obs", values.pop("_key"))
        known = values.get("period_end") or values["period_start"]
        low, high = delays["counts" if "period_end" in values else "stranded"]
        row = store.prepare("observations", values, record_id=rid)
        rows["observations"].append(_reported(row, known + _minutes(late, low, high)))
    lines = {line["key"]: line for line in data["lines"]}
    for i, values in enumerate(_illustrative_events(gen, data["sites"], lines, tz, rnd)):
        low, high = delays["events"]
        row = store.prepare("events", values, record_id=stable_id(key, "event", str(i)))
        rows["events"].append(_reported(row, values["occurred_at"] + _minutes(late, low, high)))
    return rows


def _milestone_rows(store: Store, key: str, tz: str, m: dict[str, Any]) -> list[dict[str, Any]]:
    """A milestone as the post entered it when it was announced and, when it has an outcome
    (an election's result), the correction that reported it: as of any earlier instant the
    milestone reads without its result (docs/architecture.md §4)."""
    values = {
        "title": m["title"],
        "kind": m["kind"],
        "at": local_midnight(date.fromisoformat(m["date"]), m["tz"]),
        "tz": m["tz"],
        "all_day": m.get("all_day", False),
        "source": m["source"],
    }
    mid = stable_id(key, "milestone", m["key"])
    announced = store.prepare("milestones", values, record_id=mid)
    if "announced" in m:
        announced = _reported(announced, parse_local(m["announced"], tz))
    rows = [announced]
    if "outcome" in m:
        outcome = m["outcome"]
        values.update(outcome=outcome["text"], outcome_source=outcome["source"])
        reported = store.prepare(
            "milestones", values, record_id=stable_id(key, "milestone", m["key"], "outcome"),
            supersedes=mid,
        )  # fmt: skip
        rows.append(_reported(reported, parse_local(outcome["reported"], tz)))
    return rows


def _reported(row: dict[str, Any], at: datetime) -> dict[str, Any]:
    """``row`` as the post received it at ``at`` (its report time, ``entered_at``)."""
    row["entered_at"] = to_iso_precise(at)
    return row


def _minutes(rnd: random.Random, low: int, high: int) -> timedelta:
    return timedelta(minutes=rnd.randint(low, high))


def _context(data: dict[str, Any]) -> list[dict[str, str]]:
    """The scenario's sourced context figures, as db/scenario_context.py reads them back."""
    return [dict(item) for item in data.get("context", [])]


def _pressure(day: date) -> float:
    """Relative pressure at the line on a day (0.4 quiet .. 1.0 peak), shaped on what was
    reported (peak 29 Nov – 14 Dec): it drives the irregular side (turned back, irregular
    crossings, detentions, assistance), not the regular flow, which SERMIG said held steady."""
    points = [
        (date(2025, 11, 15), 0.40),
        (date(2025, 11, 24), 0.45),
        (date(2025, 11, 28), 0.80),
        (date(2025, 11, 30), 1.00),
        (date(2025, 12, 14), 0.95),
        (date(2025, 12, 24), 0.65),
        (date(2026, 1, 15), 0.50),
        (date(2026, 2, 20), 0.45),
        (date(2026, 3, 9), 0.60),
        (date(2026, 3, 12), 0.45),
        (date(2026, 3, 31), 0.40),
    ]
    for (d0, v0), (d1, v1) in zip(points, points[1:], strict=False):
        if d0 <= day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / max(1, (d1 - d0).days)
    return points[-1][1]


def _stranded(day: date, rnd: random.Random) -> int:
    if date(2025, 11, 26) <= day <= date(2025, 11, 28):
        return rnd.randint(105, 135)  # ">100" reported on those nights
    if day == date(2025, 11, 29):
        return rnd.randint(50, 70)
    if date(2025, 11, 30) <= day <= date(2025, 12, 16):
        return rnd.randint(5, 25)
    return rnd.randint(0, 6)


def _regular_flows(levels: dict[str, Any], pressure: float, rnd: random.Random) -> tuple[int, int]:
    """(regular exits from Chile, regular entries into Chile) on a day: exits steady within the
    sourced 5,000–6,000 (a little higher at the peak), both ways together near the sourced
    movements a day."""
    low, high = levels["regular_exits_from_chile_per_day"]
    mid, half = (low + high) / 2, (high - low) / 2
    exits = mid + half * (0.7 * (pressure - 0.7) / 0.3 + rnd.uniform(-0.25, 0.25))
    exits = int(min(high, max(low, exits)))
    both_ways = levels["movements_per_day"] * rnd.uniform(0.975, 1.025)
    return exits, int(both_ways) - exits


def _illustrative_counts(
    gen: dict[str, Any], sites: dict[str, str], tz: str, rnd: random.Random
) -> list[dict[str, Any]]:
    first, last = date.fromisoformat(gen["first_day"]), date.fromisoformat(gen["last_day"])
    tzinfo = zone(tz)
    out = []
    day = first
    while day <= last:
        level = _pressure(day)
        exits_chile, entries_chile = _regular_flows(gen["levels"], level, rnd)
        # Integrated control: who leaves Chile for Peru is processed at Santa Rosa (Peru's
        # side), who leaves Peru for Chile at Chacalluta (Chile's side).
        daily = {  # (site, direction, category): people that day
            ("santa-rosa", "into_peru", "crossed_regular"): exits_chile,
            ("chacalluta", "into_chile", "crossed_regular"): entries_chile,
            ("santa-rosa", "into_peru", "turned_back"): int(140 * level * rnd.uniform(0.6, 1.3)),
            ("santa-rosa", "into_peru", "crossed_irregular"): int(
                45 * level * rnd.uniform(0.4, 1.4)
            ),
            ("santa-rosa", "into_peru", "detained"): int(12 * level * rnd.uniform(0.2, 1.5)),
            ("concordia", "none", "assisted"): int(260 * level**2 * rnd.uniform(0.7, 1.2)),
        }
        for (start_s, end_s), share in zip(gen["shifts"], (0.62, 0.38), strict=True):
            start = datetime.combine(day, time.fromisoformat(start_s), tzinfo)
            end = datetime.combine(
                day + timedelta(days=1 if end_s <= start_s else 0),
                time.fromisoformat(end_s),
                tzinfo,
            )
            for (site, direction, category), total in daily.items():
                out.append(
                    {
                        "_key": f"{day}/{start_s}/{site}/{direction}/{category}",
                        "site_id": sites[site],
                        "period_start": start,
                        "period_end": end,
                        "direction": direction,
                        "category": category,
                        "count": round(total * share),
                        "source": ILLUSTRATIVE_SOURCE,
                        "illustrative": True,
                    }
                )
            stranded_at = datetime.combine(day, time.fromisoformat(start_s), tzinfo)
            if not (day == date(2025, 11, 30) and start_s == "19:00"):  # that one is a fact
                out.append(
                    {
                        "_key": f"{day}/{start_s}/concordia/stranded",
                        "site_id": sites["concordia"],
                        "period_start": stranded_at,
                        "direction": "none",
                        "category": "stranded",
                        "count": _stranded(day, rnd),
                        "source": ILLUSTRATIVE_SOURCE,
                        "illustrative": True,
                    }
                )
        day += timedelta(days=1)
    return out


M_PER_DEG_LAT = 110_574.0  # near 18° S


def _point_along(coords: list[list[float]], rnd: random.Random) -> tuple[float, float]:
    """A point on the polyline ``coords`` ([lon, lat] vertices), uniformly along its length."""
    lengths = [math.dist(a, b) for a, b in zip(coords, coords[1:], strict=False)]
    at = rnd.uniform(0, sum(lengths))
    for (a, b), length in zip(zip(coords, coords[1:], strict=False), lengths, strict=True):
        if at <= length and length > 0:
            f = at / length
            return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
        at -= length
    return coords[-1][0], coords[-1][1]


def _event_place(
    template: dict[str, Any],
    sites: dict[str, dict[str, Any]],
    lines: dict[str, dict[str, Any]],
    rnd: random.Random,
) -> tuple[float, float]:
    """(lon, lat) of an illustrative event: on land, where what its title names is."""
    if "near" in template:
        site = sites[template["near"]]
        radius = template["within_m"] * 0.6 / M_PER_DEG_LAT
        # Towards Peru's side (north) only: the site is on or north of the line.
        lat = site["lat"] + rnd.uniform(0, radius)
        lon = site["lon"] + rnd.uniform(-radius, radius)
        return lon, lat
    line = lines[template["along"]]
    coords = line["coordinates"]
    if template.get("on_peru_side"):
        coords = coords[: line["peru_vertices"]]
    lon, lat = _point_along(coords, rnd)
    low, high = template.get("north_m", (0, 40))
    return lon, lat + rnd.uniform(low, high) / M_PER_DEG_LAT


def _illustrative_events(
    gen: dict[str, Any],
    sites: list[dict[str, Any]],
    lines: dict[str, dict[str, Any]],
    tz: str,
    rnd: random.Random,
) -> list[dict[str, Any]]:
    first = local_midnight(date.fromisoformat(gen["events_first_day"]), tz)
    span = (local_midnight(date.fromisoformat(gen["events_last_day"]), tz) - first).total_seconds()
    by_key = {s["key"]: s for s in sites}
    templates = gen["event_templates"]
    out = []
    for i in range(gen["events"]):
        template = templates[i % len(templates)]
        kind = template["kind"]
        lon, lat = _event_place(template, by_key, lines, rnd)
        people = rnd.randint(8, 120) if kind in ("stranded_group", "incident", "shelter") else None
        at = first + timedelta(seconds=rnd.uniform(0, span))
        out.append(
            {
                "kind": kind,
                "title": template["title"],
                "occurred_at": at,
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "people": people,
                "severity": template["severity"],
                "closed": at.day % 4 == 0 and kind != "stranded_group",
                "source": ILLUSTRATIVE_SOURCE,
                "note": "Ilustrativo",
                "illustrative": True,
            }
        )
    return out


def init_database(path: str, *, demo: bool, operator: str = "") -> Store:
    """A new database at ``path`` (empty, or holding the demo exercise)."""
    store = Store.open(path, operator=operator, new=True)
    if demo:
        load_scenario(store)
    return store
