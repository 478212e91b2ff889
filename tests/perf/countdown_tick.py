"""How long one countdown tick takes (db maths alone, and the whole panel update).

``python tests/perf/countdown_tick.py`` from the project root; prints one JSON object per line
(``metric``, ``value``, ``unit``, ``target``). A tick runs once a second, so anything well under
a frame (16 ms) leaves the window responsive.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = 300


def _median_ms(fn) -> float:
    times = []
    for i in range(ROUNDS):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from db.clock import Clock, parse_instant
    from db.decrees.countdown import countdown, upcoming_milestones
    from db.decrees.timeline import timeline
    from db.scenario import init_database
    from desktop.context import AppContext
    from desktop.panels.countdown.panel import CountdownPanel
    from desktop.watcher import StoreWatcher

    app = QApplication.instance() or QApplication([])
    store = init_database(str(Path(tempfile.mkdtemp()) / "demo.db"), demo=True)
    at = parse_instant("2025-12-03T17:00:00Z")
    decrees, milestones = store.decrees(), store.milestones()

    def maths(i: int) -> None:
        now = at + timedelta(seconds=i)
        countdown(decrees, now)
        upcoming_milestones(milestones, now, limit=3)
        timeline(decrees, milestones, now, "America/Lima")

    ctx = AppContext(store, Clock(at, frozen=True), StoreWatcher(store), "en")
    panel = CountdownPanel(ctx)
    panel.resize(700, 600)
    panel.show()
    app.processEvents()

    def tick(i: int) -> None:
        ctx.clock.set(at + timedelta(seconds=i))
        panel.tick()
        panel.repaint()  # include the paint a tick causes

    results = [
        ("countdown_maths_per_tick", _median_ms(maths), 2.0),
        ("countdown_panel_tick_and_paint", _median_ms(tick), 16.0),
    ]
    for metric, value, target in results:
        print(
            json.dumps({"metric": metric, "value": round(value, 3), "unit": "ms", "target": target})
        )
    ctx.watcher.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
