"""Benchmark: the map panel with 20,000 events, 1600×1000, offscreen (docs/architecture.md §6).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/perf/bench_map.py [--events 20000] [--repeats 40]

Prints one JSON line per metric (wall-clock medians, and the same in CPU time of the GUI
thread, which a busy host disturbs less):
- ``map_pan_repaint_ms_median``: a full ``viewport().repaint()`` after a pan (target 16 ms);
- ``map_zoom_repaint_ms_median``: the repaint after a zoom step (target 16 ms): vector layers
  drawn at the new zoom, event markers shown scaled from their last picture as a web map does
  while the wheel turns;
- ``map_zoom_settled_redraw_ms_median``: the sharp redraw of every layer once the zoom settles
  (markers redrawn at the new zoom, cached pictures with margins rebuilt), forced and timed;
- ``map_one_event_*``: another connection adds one event: the panel's re-read of the store,
  the repaint, how many markers were drawn for it (1: the others are not redrawn).
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

from PySide6.QtWidgets import QApplication

from db.clock import Clock
from db.scenario import init_database
from db.store.store import Store
from db.vocab import EVENT_KINDS

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


CPU_MS: list[float] = []  # the same repaints in CPU time of this thread (robust to a busy host)


def timed_repaint(app: QApplication, view) -> float:
    # Time the paint the pan/zoom asked for: processing events first would paint it untimed.
    c = time.thread_time()
    t = time.perf_counter()
    view.viewport().repaint()
    elapsed = (time.perf_counter() - t) * 1000
    CPU_MS.append((time.thread_time() - c) * 1000)
    app.processEvents()
    return elapsed


def settle(app: QApplication, ms: int = 300) -> None:
    """Let the view finish its idle work (the cached pictures with margins) before timing."""
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from desktop.context import AppContext
    from desktop.panels.map.panel import MapPanel
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
    panel.events_item.prepare_symbols()  # what the panel does when first idle
    view.home()
    timed_repaint(app, view)  # warm the caches at the home zoom
    settle(app)

    pans = []
    for i in range(args.repeats):
        view.pan_px(37 if i % 2 else -37, 23 if i % 4 < 2 else -23)
        pans.append(timed_repaint(app, view))
    # Zoom in then out through distinct scales (never back to one already drawn), as a wheel
    # does: each step redraws every layer at the new zoom.
    zooms, settled = [], []
    renders_before = panel.events_item.cache.renders
    steps = [0.1] * (args.repeats // 2) + [-0.13] * (args.repeats - args.repeats // 2)
    for step in steps:
        view.zoom_by(step)
        zooms.append(timed_repaint(app, view))
        # ...and the sharp redraw of every layer at that zoom once it settles (the settle
        # timer's work, forced here so it is timed): what a pause in the wheel costs.
        t = time.perf_counter()
        panel.events_item.cache.settle_now()
        panel.static_stack.cache.settle_now()
        view.viewport().repaint()
        settled.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    emit("host_load_average_1min", os.getloadavg()[0], unit="load", target=None)
    emit("map_pan_repaint_ms_median", statistics.median(pans))
    emit("map_pan_repaint_cpu_ms_median", statistics.median(CPU_MS[1 : 1 + len(pans)]), target=None)
    emit("map_pan_repaint_ms_p90", sorted(pans)[int(0.9 * len(pans))], target=None)
    emit("map_zoom_repaint_ms_median", statistics.median(zooms))
    emit("map_zoom_repaint_cpu_ms_median", statistics.median(CPU_MS[1 + len(pans) :]), target=None)
    emit("map_zoom_settled_redraw_ms_median", statistics.median(settled), target=None)
    emit("map_zoom_repaint_ms_p90", sorted(zooms)[int(0.9 * len(zooms))], target=None)
    emit("map_markers_drawn", panel.events_item.last_drawn, unit="markers", target=None)
    # every zoom really redrew the 20,000 markers (no stale picture was reused)
    emit(
        "map_zoom_event_layer_redraws",
        panel.events_item.cache.renders - renders_before,
        unit="renders",
        target=None,
    )

    # One event changes in another connection: the watcher notices, the panel re-reads the
    # store (data), the layer draws the new marker onto its picture (the others are not
    # redrawn), and the view repaints.
    other = Store.open(store.path, operator="other station")
    settle(app)
    reads, repaints, drawn, full_redraws = [], [], [], 0
    for i in range(max(5, args.repeats // 4)):
        other.add_event(
            kind="incident",
            title=f"External {i}",
            occurred_at=ctx.clock.now() - timedelta(minutes=1),
            lat=-18.3 + i * 0.001,
            lon=-70.3,
            people=12,
        )
        renders = panel.events_item.cache.renders
        t = time.perf_counter()
        panel.refresh()
        reads.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        view.viewport().repaint()
        repaints.append((time.perf_counter() - t) * 1000)
        drawn.append(panel.events_item.last_drawn)
        full_redraws += panel.events_item.cache.renders - renders
        app.processEvents()
    emit("map_one_event_refresh_ms_median", statistics.median(reads), target=None)
    emit("map_one_event_repaint_ms_median", statistics.median(repaints))
    emit("map_one_event_markers_drawn_max", max(drawn), unit="markers", target=None)
    emit("map_one_event_full_layer_redraws", full_redraws, unit="renders", target=None)
    emit("map_event_markers", panel.event_count, unit="markers", target=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
