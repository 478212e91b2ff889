"""Benchmark: a map kit of the Tacna–Arica box on the map, 1600×1000, offscreen (§9, §6).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/perf/bench_mapkit.py [--ways 50000] [--repeats 40]

Builds a kit from a generated extract of comparable density (``tests/perf/mapkit_pbf.py``:
street grids in Tacna and Arica, tracks, the Panamericana, rail, rivers, districts), then prints
one JSON line per metric:
- ``mapkit_build_s``: ``mapkit build`` of that extract (pyosmium, shapely, GeoPackage);
- ``mapkit_pan_repaint_ms_median`` / ``mapkit_zoom_repaint_ms_median`` (target 16 ms), at zoom
  13 over Tacna's streets: a pan is a blit of the cached picture; a zoom step draws the kit's
  features at the new zoom, read through the R-tree;
- ``mapkit_zoom_settled_redraw_ms_median``: the sharp redraw with margins once a zoom settles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from db.clock import Clock
from db.geo.mapkit.bbox import parse_bbox
from db.geo.mapkit.build import build
from db.scenario import init_database
from tests.perf.bench_map import emit, settle, timed_repaint
from tests.perf.mapkit_pbf import write_dense

BOX = "-70.6,-18.6,-69.8,-17.8"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ways", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-mapkit-"))
    extract = write_dense(folder / "tacna-arica.osm.pbf", args.ways)
    t = time.perf_counter()
    result = build([extract], parse_bbox(BOX), folder / "kit.gpkg")
    emit("mapkit_build_s", time.perf_counter() - t, unit="s", target=None)
    emit("mapkit_features", sum(result.counts.values()), unit="features", target=None)

    app = QApplication.instance() or QApplication([])
    from desktop.context import AppContext
    from desktop.panels.map.panel import MapPanel
    from desktop.watcher import StoreWatcher

    store = init_database(str(folder / "bench.db"), demo=True, operator="bench")
    ctx = AppContext(
        store=store, clock=Clock(store.exercise_clock), watcher=StoreWatcher(store), lang="en"
    )
    panel = MapPanel(ctx)
    panel.resize(2000, 1060)
    panel.splitter.setSizes([1600, 400])
    panel.show()
    app.processEvents()
    view = panel.view
    view.setFixedSize(1600, 1000)
    panel.open_kit(result.path, remember=False)
    panel.events_item.prepare_symbols()
    view.set_view(-70.248, -18.014, 13)
    timed_repaint(app, view)
    settle(app)

    pans = []
    for i in range(args.repeats):
        view.pan_px(37 if i % 2 else -37, 23 if i % 4 < 2 else -23)
        pans.append(timed_repaint(app, view))
    zooms, settled = [], []
    steps = [0.1] * (args.repeats // 2) + [-0.13] * (args.repeats - args.repeats // 2)
    for step in steps:
        view.zoom_by(step)
        zooms.append(timed_repaint(app, view))
        t = time.perf_counter()
        panel.events_item.cache.settle_now()
        panel.static_stack.cache.settle_now()
        view.viewport().repaint()
        settled.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    emit("host_load_average_1min", os.getloadavg()[0], unit="load", target=None)
    emit("mapkit_pan_repaint_ms_median", statistics.median(pans))
    emit("mapkit_zoom_repaint_ms_median", statistics.median(zooms))
    emit("mapkit_zoom_settled_redraw_ms_median", statistics.median(settled), target=None)
    ctx.watcher.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
