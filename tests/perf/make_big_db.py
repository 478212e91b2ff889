"""Build a large, deterministic database for the benchmarks (docs/architecture.md §12).

    python tests/perf/make_big_db.py PATH [--observations 1000000] [--events 20000]

1,000,000 observations over 5 years at 10 sites and 20,000 events, plus the demo's decrees and
milestones. Rows are generated, then written in bulk (the values are the same kinds the store's
validation accepts; this is a fixture, so it skips per-row checks for speed).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db.clock import to_iso, to_iso_precise  # noqa: E402
from db.scenario import init_database  # noqa: E402
from db.vocab import EVENT_KINDS  # noqa: E402

SEED = 20251129
YEARS = 5
REPORT_LAG = timedelta(minutes=30)
FLOW_SERIES = [
    ("into_peru", "crossed_regular"),
    ("into_chile", "crossed_regular"),
    ("into_peru", "turned_back"),
    ("into_peru", "crossed_irregular"),
    ("into_peru", "detained"),
    ("none", "assisted"),
]


def build(path: Path, observations: int, events: int) -> dict[str, float]:
    t0 = time.perf_counter()
    if path.exists():
        raise SystemExit(f"{path}: already exists")
    store = init_database(str(path), demo=True, operator="bench")
    rnd = random.Random(SEED)
    station = store.station_id
    now = to_iso_precise(datetime(2026, 4, 1, tzinfo=UTC))
    sites = []
    for i in range(10):
        sid = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        sites.append(sid)
        store.conn.execute(
            "INSERT INTO sites(id, entered_at, entered_by, station, name, kind, country, lat, lon, "
            "approximate, source) VALUES (?,?,?,?,?,?,?,?,?,1,'bench')",
            (
                sid,
                now,
                "bench",
                station,
                f"Paso {i + 1}",
                "crossing",
                "PE" if i % 2 else "CL",
                -18.3 + rnd.uniform(-0.5, 0.5),
                -70.3 + rnd.uniform(-0.5, 0.5),
            ),
        )
    end = datetime(2026, 3, 31, 12, tzinfo=UTC)
    start = end - timedelta(days=365 * YEARS)
    per_site = observations // len(sites)
    step = (end - start) / per_site
    rows = []
    for s_i, sid in enumerate(sites):
        for k in range(per_site):
            at = start + step * k
            if k % 7 == 6:
                direction, category, span = "none", "stranded", timedelta(0)
            else:
                direction, category = FLOW_SERIES[(k + s_i) % len(FLOW_SERIES)]
                span = min(step, timedelta(hours=12))
            rows.append(
                (
                    str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                    # Reported as a post reports: half an hour after the period ends, so a
                    # reader at an earlier instant knows what was known then.
                    to_iso_precise(at + span + REPORT_LAG),
                    "bench",
                    station,
                    sid,
                    to_iso(at),
                    to_iso(at + span),
                    direction,
                    category,
                    rnd.randint(0, 400),
                    "bench",
                )
            )
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.executemany(
        "INSERT INTO observations(id, entered_at, entered_by, station, site_id, period_start, "
        "period_end, direction, category, count, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    kinds = [k for k in EVENT_KINDS if k != "log"]
    ev = []
    for _ in range(events):
        at = start + timedelta(seconds=rnd.uniform(0, (end - start).total_seconds()))
        ev.append(
            (
                str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                now,
                "bench",
                station,
                rnd.choice(kinds),
                "Evento de prueba",
                to_iso(at),
                -18.3 + rnd.gauss(0, 0.25),
                -70.3 + rnd.gauss(0, 0.25),
                rnd.randint(1, 200),
            )
        )
    store.conn.executemany(
        "INSERT INTO events(id, entered_at, entered_by, station, kind, title, occurred_at, lat, "
        "lon, people) VALUES (?,?,?,?,?,?,?,?,?,?)",
        ev,
    )
    store.conn.execute("COMMIT")
    # Years of counts as a post holds them in live use: the clock after every entry, so the
    # readers answer from the daily totals (a clock before entries reads the records as of it,
    # docs/architecture.md §4: the exercise's path, not this benchmark's).
    latest = store.conn.execute("SELECT max(entered_at) FROM observations").fetchone()[0]
    clock = datetime.fromisoformat(latest.replace("Z", "+00:00")) + timedelta(minutes=1)
    store.set_meta(exercise_clock=to_iso(clock))
    store.conn.execute("ANALYZE")
    store.close()
    return {"seconds": time.perf_counter() - t0, "observations": len(rows), "events": len(ev)}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("path", type=Path)
    p.add_argument("--observations", type=int, default=1_000_000)
    p.add_argument("--events", type=int, default=20_000)
    a = p.parse_args()
    print(build(a.path, a.observations, a.events))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
