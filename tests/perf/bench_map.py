"""Benchmark: the map panel with 20,000 events, 1600×1000, offscreen (DESIGN.md §6, issue 5).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/perf/bench_map.py [--events 20000] [--repeats 40]

Prints one JSON line per metric: a full repaint of the view after a pan and after a zoom (the
median of many, each forced with ``viewport().repaint()``), the refresh after one event changes
in another connection (store re-read + layer arrays + repaint), and the number of markers drawn.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from db.clock import Clock  # noqa: E402
from db.scenario import init_database  # noqa: E402
from db.store import Store  # noqa: E402
from db.vocab import EVENT_KINDS  # noqa: E402

TARGET_MS = 16.0


def make_store(path: Path, n: int) -> Store:
    store = init_database(str(path), demo=True, operator="bench")
    at = store.exercise_clock
    rnd = random.Random(5)
    kinds = [k for k in EVENT_KINDS if k != "log"]
    rows = []
    for i in range(n):
        # Spread over the border zone (most around the crossings) and the last 30 days.
        near = rnd.random() < 0.6
        lat = rnd.gauss(-18.30, 0.05) if near else rnd.uniform(-18.55, -17.95)
        lon = rnd.gauss(-70.31, 0.06) if near else rnd.uniform(-70.55, -70.0)
        rows.append(
            store.prepare(
                "events",
                {
                    "kind": rnd.choice(kinds),
                    "title": f"Bench event {i}",
                    "occurred_at": at - timedelta(minutes=rnd.uniform(0, 30 * 24 * 60)),
                    "lat": lat,
                    "lon": lon,
                    "people": rnd.choice([None, rnd.randint(1, 300)]),
                    "severity": "info",
                },
            )
        )
    store.insert_rows("events", rows)
    return store


def emit(metric: str, value: float, unit: str = "ms", target: float | None = TARGET_MS) -> None:
    line = {"metric": metric, "value": round(value, 2), "unit": unit}
    if target is not None:
        line["target"] = target
    print(json.dumps(line), flush=True)


def timed_repaint(app: QApplication, view) -> float:
    # Time the paint the pan/zoom asked for: processing events first would paint it untimed.
    t = time.perf_counter()
    view.viewport().repaint()
    elapsed = (time.perf_counter() - t) * 1000
    app.processEvents()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from desktop.context import AppContext
    from desktop.map.panel import MapPanel
    from desktop.watcher import StoreWatcher

    folder = Path(tempfile.mkdtemp(prefix="bench-map-"))
    store = make_store(folder / "bench.db", args.events)
    ctx = AppContext(
        store=store, clock=Clock(store.exercise_clock), watcher=StoreWatcher(store), lang="en"
    )
    panel = MapPanel(ctx)
    panel.resize(1600 + 400, 1000 + 60)
    panel.splitter.setSizes([1600, 400])
    panel.show()
    app.processEvents()
    view = panel.view
    # the view itself at 1600×1000 (the side column and toolbar are outside it)
    view.setFixedSize(1600, 1000)
    app.processEvents()
    view.home()
    timed_repaint(app, view)  # warm the caches at the home zoom

    pans = []
    for i in range(args.repeats):
        view.pan_px(37 if i % 2 else -37, 23 if i % 4 < 2 else -23)
        pans.append(timed_repaint(app, view))
    zooms = []
    renders_before = panel.events_item.cache.renders
    for i in range(args.repeats):
        view.zoom_by(0.25 if i % 2 == 0 else -0.25)
        zooms.append(timed_repaint(app, view))
    emit("map_pan_repaint_ms_median", statistics.median(pans))
    emit("map_pan_repaint_ms_p90", sorted(pans)[int(0.9 * len(pans))], target=None)
    emit("map_zoom_repaint_ms_median", statistics.median(zooms))
    emit("map_zoom_repaint_ms_p90", sorted(zooms)[int(0.9 * len(zooms))], target=None)
    emit("map_markers_drawn", panel.events_item.last_drawn, unit="markers", target=None)
    # every zoom really redrew the 20,000 markers (no stale picture was reused)
    emit(
        "map_zoom_event_layer_redraws",
        panel.events_item.cache.renders - renders_before,
        unit="renders",
        target=None,
    )

    # One event changes in another connection: the watcher notices, the panel re-reads.
    other = Store.open(store.path, operator="other station")
    changes = []
    for i in range(max(5, args.repeats // 4)):
        other.add_event(
            kind="incident",
            title=f"External {i}",
            occurred_at=ctx.clock.now() - timedelta(minutes=1),
            lat=-18.3 + i * 0.001,
            lon=-70.3,
            people=12,
        )
        app.processEvents()
        t = time.perf_counter()
        panel.refresh()
        view.viewport().repaint()
        changes.append((time.perf_counter() - t) * 1000)
    emit("map_one_event_change_ms_median", statistics.median(changes), target=None)
    emit("map_event_markers", panel.event_count, unit="markers", target=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
