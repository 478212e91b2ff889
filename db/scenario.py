"""The built-in exercise: the Tacna emergency of November 2025.

Public facts (decrees, milestones, sites, two counts and one incident) come from
``resources/scenario/tacna_2025.json`` with their sources. Daily counts and most map events are
generated here, deterministically, and marked ``illustrative`` in every row.

Every record of the scenario gets a stable id (UUID5 of the scenario key and the record key), so
two stations initialised from the same scenario share ids and never double them on sync.
"""

from __future__ import annotations

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
        scenario=data["name"], scenario_key=key, exercise_clock=to_iso(clock), timezone=tz
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
    for site in data["sites"]:
        sid = site_ids[site["key"]] = stable_id(key, "site", site["key"])
        values = {k: v for k, v in site.items() if k != "key"}
        rows["sites"].append(store.prepare("sites", values, record_id=sid))
    store.insert_rows("sites", rows.pop("sites"))
    decree_ids: dict[str, str] = {}
    for decree in data["decrees"]:
        did = decree_ids[decree["key"]] = stable_id(key, "decree", decree["key"])
        values = {k: v for k, v in decree.items() if k != "key"}
        if "extends" in values:
            values["extends"] = decree_ids[values["extends"]]
        row = store.prepare("decrees", values, record_id=did)
        # The post learns of a decree the day it is published (docs/architecture.md §4).
        if values.get("published_on"):
            published = date.fromisoformat(values["published_on"])
            row["entered_at"] = to_iso_precise(local_midnight(published, tz))
        store.insert_rows("decrees", [row])
    for m in data["milestones"]:
        rows["milestones"].extend(_milestone_rows(store, key, tz, m))
    for fact in data["facts"]:
        fid = stable_id(key, "fact", fact["key"])
        values = {k: v for k, v in fact.items() if k not in ("key", "type", "site")}
        if fact["type"] == "observation":
            values["site_id"] = site_ids[fact["site"]]
            for field in ("period_start", "period_end"):
                if field in values:
                    values[field] = parse_local(values[field], tz)
            rows["observations"].append(store.prepare("observations", values, record_id=fid))
        else:
            site = next(s for s in data["sites"] if s["key"] == fact["site"])
            values.update(
                lat=site["lat"], lon=site["lon"], occurred_at=parse_local(values["occurred_at"], tz)
            )
            rows["events"].append(store.prepare("events", values, record_id=fid))
    gen = data["illustrative"]
    rnd = random.Random(gen["seed"])
    for values in _illustrative_counts(gen, site_ids, tz, rnd):
        rid = stable_id(key, "obs", values.pop("_key"))
        rows["observations"].append(store.prepare("observations", values, record_id=rid))
    for i, values in enumerate(_illustrative_events(gen, data["sites"], tz, rnd)):
        rows["events"].append(
            store.prepare("events", values, record_id=stable_id(key, "event", str(i)))
        )
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
        announced["entered_at"] = to_iso_precise(parse_local(m["announced"], tz))
    rows = [announced]
    if "outcome" in m:
        outcome = m["outcome"]
        values.update(outcome=outcome["text"], outcome_source=outcome["source"])
        reported = store.prepare(
            "milestones", values, record_id=stable_id(key, "milestone", m["key"], "outcome"),
            supersedes=mid,
        )  # fmt: skip
        reported["entered_at"] = to_iso_precise(parse_local(outcome["reported"], tz))
        rows.append(reported)
    return rows


def _level(day: date) -> float:
    """Relative exit pressure on a day: shaped on what was reported (peak 29 Nov – 14 Dec)."""
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


def _illustrative_counts(
    gen: dict[str, Any], sites: dict[str, str], tz: str, rnd: random.Random
) -> list[dict[str, Any]]:
    first, last = date.fromisoformat(gen["first_day"]), date.fromisoformat(gen["last_day"])
    tzinfo = zone(tz)
    out = []
    day = first
    while day <= last:
        level = _level(day)
        daily = {  # (site, direction, category): people that day
            ("chacalluta", "into_peru", "crossed_regular"): int(
                5600 * level * rnd.uniform(0.93, 1.07)
            ),
            ("chacalluta", "into_chile", "crossed_regular"): int(1500 * rnd.uniform(0.85, 1.15)),
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


EVENT_TEMPLATES = [
    ("patrol", "Patrulla mixta PNP–Ejército en la línea de frontera", "info", (0.00, 0.06)),
    ("checkpoint", "Control vehicular en la Panamericana Sur", "low", (0.02, 0.25)),
    ("stranded_group", "Grupo varado en la Línea de la Concordia", "medium", (0.00, 0.01)),
    ("incident", "Intento de cruce por zona no habilitada", "medium", (0.01, 0.08)),
    ("shelter", "Punto de asistencia humanitaria", "info", (0.01, 0.02)),
]


def _illustrative_events(
    gen: dict[str, Any], sites: list[dict[str, Any]], tz: str, rnd: random.Random
) -> list[dict[str, Any]]:
    first = local_midnight(date.fromisoformat(gen["events_first_day"]), tz)
    span = (local_midnight(date.fromisoformat(gen["events_last_day"]), tz) - first).total_seconds()
    concordia = next(s for s in sites if s["key"] == "concordia")
    out = []
    for i in range(gen["events"]):
        kind, title, severity, (near, spread) = EVENT_TEMPLATES[i % len(EVENT_TEMPLATES)]
        # Scatter along and north of the border line (Peru's side), around the crossing.
        lat = concordia["lat"] + near + rnd.uniform(0, spread)
        lon = concordia["lon"] + rnd.uniform(-spread, spread) * 1.5
        people = rnd.randint(8, 120) if kind in ("stranded_group", "incident", "shelter") else None
        at = first + timedelta(seconds=rnd.uniform(0, span))
        out.append(
            {
                "kind": kind,
                "title": title,
                "occurred_at": at,
                "lat": lat,
                "lon": lon,
                "people": people,
                "severity": severity,
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
