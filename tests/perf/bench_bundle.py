"""Benchmark: a round of 10,000 records through a sync bundle (export, then import elsewhere).

Run from the project root:

    /work/venv/bin/python -m tests.perf.bench_bundle [--records N] [--repeat K]

Prints one JSON object per line: {"metric": ..., "value": ..., "unit": ..., "target": ...}.
The round trip is export at station A + import at an empty station B (checks, validation of
every row, one transaction); the best of ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.store.store import Store
from db.sync.exchange import export_bundle, import_bundle

ROUNDTRIP_TARGET_S = 5


def build_station(path: Path, records: int) -> Store:
    """A station holding ``records`` rows: sites, counts, events, corrections and voidings."""
    store = Store.open(path, operator="Ana")
    rnd = random.Random(7)
    sites = [
        store.prepare(
            "sites",
            {"name": f"Puesto {i}", "kind": "checkpoint", "lat": -18 - i / 100, "lon": -70.3},
        )
        for i in range(20)
    ]
    store.insert_rows("sites", sites)
    start = datetime(2025, 11, 15, 12, tzinfo=UTC)
    n_events = records // 25
    n_fix = records // 200
    n_obs = records - len(sites) - n_events - 2 * n_fix
    observations = []
    for i in range(n_obs):
        begin = start + timedelta(hours=12 * (i // 40))
        observations.append(
            store.prepare(
                "observations",
                {
                    "site_id": sites[i % len(sites)]["id"],
                    "period_start": begin,
                    "period_end": begin + timedelta(hours=12),
                    "direction": rnd.choice(["into_peru", "into_chile"]),
                    "category": rnd.choice(["crossed_regular", "turned_back", "assisted"]),
                    "count": rnd.randint(0, 5000),
                    "source": "PNP",
                    "note": "conteo de turno",
                },
            )
        )
    store.insert_rows("observations", observations)
    events = [
        store.prepare(
            "events",
            {
                "kind": "patrol",
                "title": f"Patrulla {i}",
                "occurred_at": start + timedelta(minutes=37 * i),
                "lat": -18.3 + rnd.uniform(-0.05, 0.05),
                "lon": -70.3 + rnd.uniform(-0.05, 0.05),
            },
        )
        for i in range(n_events)
    ]
    store.insert_rows("events", events)
    for row in observations[:n_fix]:
        store.correct(row["id"], count=row["count"] + 1)
    for row in events[:n_fix]:
        store.void(row["id"], "duplicado")
    return store


def run(records: int, repeat: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        a = build_station(base / "a.db", records)
        total = sum(
            a.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sites", "observations", "events", "decrees", "milestones", "voids")
        )
        best = {"export": float("inf"), "import": float("inf"), "again": float("inf")}
        size = 0
        for k in range(repeat):
            bundle = base / f"round{k}.zip"
            t0 = time.perf_counter()
            export_bundle(a, bundle, since="all")
            t1 = time.perf_counter()
            b = Store.open(base / f"b{k}.db", operator="Beto")
            t2 = time.perf_counter()
            summary = import_bundle(b, bundle)
            t3 = time.perf_counter()
            import_bundle(b, bundle)  # the same bundle again: all present, nothing written
            t4 = time.perf_counter()
            assert summary.total_added == total, (summary.total_added, total)
            b.close()
            size = bundle.stat().st_size
            best["export"] = min(best["export"], t1 - t0)
            best["import"] = min(best["import"], t3 - t2)
            best["again"] = min(best["again"], t4 - t3)
        a.close()
    tag = f"{records // 1000}k" if records % 1000 == 0 else str(records)
    roundtrip: dict = {
        "metric": f"bundle_roundtrip_{tag}_s",
        "value": round(best["export"] + best["import"], 3),
        "unit": "s",
    }
    if records == 10_000:  # the target is set for a round of 10,000 records
        roundtrip["target"] = ROUNDTRIP_TARGET_S
    return [
        {**roundtrip, "records": total},
        {"metric": f"bundle_export_{tag}_s", "value": round(best["export"], 3), "unit": "s"},
        {"metric": f"bundle_import_{tag}_s", "value": round(best["import"], 3), "unit": "s"},
        {"metric": f"bundle_reimport_{tag}_s", "value": round(best["again"], 3), "unit": "s"},
        {"metric": f"bundle_size_{tag}_bytes", "value": size, "unit": "bytes"},
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for line in run(args.records, args.repeat):
        print(json.dumps(line))


if __name__ == "__main__":
    main()
