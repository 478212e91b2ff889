"""Benchmark: the flow chart panel on 1,000,000 counts (five years of days), offscreen.

    python tests/perf/bench_chart_1m.py BIG_DB      (or $SITUATION_ROOM_BIG_DB; run.py sets it)

Prints one JSON line per figure (medians):
- ``chart_refresh_1m_ms``: what a store change costs the chart (re-read and feed the items);
- ``chart_{pan,zoom}_repaint_{30d,all}_1m_ms``: the repaint after a pan or zoom step (target
  16 ms), showing the last 30 days (what it opens on) and all five years;
- ``chart_{pan,zoom}_step_...``: the same step with the range change itself (the axes, the
  y fit, the marks' labels) and the repaint: what a drag or a wheel notch costs in all.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from db.clock import Clock
from db.store.store import Store

TARGET_MS = 16.0
QUICK = os.environ.get("SITUATION_ROOM_PERF_QUICK") == "1"
STEPS = 20 if QUICK else 40
SIZE = (900, 450)  # about the chart's dock in the default layout at 1600×1000


def emit(metric: str, value: float, target: float | None = None, **extra) -> None:
    line = {"metric": metric, "value": round(value, 2), "unit": "ms", **extra}
    if target is not None:
        line["target"] = target
    print(json.dumps(line), flush=True)


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SITUATION_ROOM_BIG_DB")
    if not path:
        print("usage: bench_chart_1m.py BIG_DB (see tests/perf/make_big_db.py)", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    from desktop.context import AppContext
    from desktop.panels.chart.panel import ChartPanel
    from desktop.watcher import StoreWatcher

    store = Store.open(path, operator="bench", create=False)
    ctx = AppContext(store, Clock(store.exercise_clock, frozen=True), StoreWatcher(store), "en")
    panel = ChartPanel(ctx)
    panel.resize(*SIZE)
    panel.show()
    app.processEvents()
    refreshes = []
    for _ in range(5 if QUICK else 10):
        t = time.perf_counter()
        panel.refresh()
        refreshes.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    emit("chart_refresh_1m_ms", statistics.median(refreshes), days=len(panel.data.days))

    view = panel.plot.viewport()
    vb = panel.plot.plot.vb
    for preset in ("30d", "all"):
        panel.apply_preset(preset)
        app.processEvents()
        view.repaint()
        for kind in ("pan", "zoom"):
            repaints, steps = [], []
            for i in range(STEPS):
                (x0, x1), _ = vb.viewRange()
                t = time.perf_counter()
                if kind == "pan":
                    vb.translateBy(x=(x1 - x0) * (0.05 if i % 2 else -0.05))
                else:
                    vb.scaleBy(x=0.9 if i % 2 else 1 / 0.9)
                r = time.perf_counter()
                view.repaint()
                end = time.perf_counter()
                repaints.append((end - r) * 1000)
                steps.append((end - t) * 1000)
                app.processEvents()
            emit(f"chart_{kind}_repaint_{preset}_1m_ms", statistics.median(repaints), TARGET_MS)
            emit(f"chart_{kind}_step_{preset}_1m_ms", statistics.median(steps))
    ctx.watcher.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
