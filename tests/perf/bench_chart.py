"""Benchmark: the flow chart with 5 years of daily counts at 10 sites (docs/architecture.md §6).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/perf/bench_chart.py [--observations 200000]
        [--repeats 40] [--size 900x500]

The store gets ~200,000 observations (10 sites × 1,826 days × 2 shifts × 5 flow categories,
plus a stranded reading per site and day), validated by ``store.prepare`` and written with one
``insert_rows``. Prints one JSON line per metric (medians):
- ``chart_pan_repaint_ms_median``: a whole frame of a pan of 10 %: the range change (items
  clip, axes and labels follow) and a synchronous ``viewport().repaint()``, five years on
  screen (the worst case: every bar is in view) (target 16 ms); ``..._cpu_ms_`` the same in
  CPU time of the GUI thread, which a busy host disturbs less;
- ``chart_zoom_repaint_ms_median``: one wheel step in or out, the same way (target 16 ms);
- ``chart_pan_repaint_30d_ms_median``: the same pan at the 30-day preset;
- ``chart_first_load_ms``: the panel's first read of the store (every day);
- ``chart_refresh_count_ms_median``: another connection adds a count: ``refresh()`` reads what
  changed (db.flows.chart_source: the count's day) and feeds the existing items, without the repaint
  (what the watcher's signal costs; the target is the issue's "within a second");
- ``chart_refresh_other_ms_median``: the same after a change that is not a count (an event);
- ``chart_data_from_scratch_ms_median``: ``db.flows.chart_data.chart_data`` over every day (what a
  refresh would cost without the incremental source).

``--db PATH`` keeps the generated database there and reuses it on the next run.
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
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from db.clock import Clock, zone
from db.flows.chart_data import chart_data
from db.store.store import Store
from db.vocab import FLOW_CATEGORIES

TARGET_MS = 16.0
YEARS = 5
SITES = 10
TZ = "America/Lima"


def make_store(path: Path, observations: int) -> tuple[Store, datetime]:
    store = Store.open(path, operator="bench")
    rnd = random.Random(20251129)
    sites = [
        store.add_site(
            name=f"Paso {i + 1}", kind="crossing", lat=-18.3 + i * 0.01, lon=-70.3 + i * 0.01
        ).id
        for i in range(SITES)
    ]
    tzinfo = zone(TZ)
    last = date(2026, 3, 31)
    per_day = 2 * len(FLOW_CATEGORIES) + 1
    days = min(YEARS * 365 + 1, max(1, observations // (SITES * per_day)))
    first = last - timedelta(days=days - 1)
    rows = []
    for n in range(days):
        day = first + timedelta(days=n)
        seasonal = 1 + 0.3 * ((n % 365) / 365)
        for s, site in enumerate(sites):
            for start_h, hours in ((7, 12), (19, 12)):
                start = datetime.combine(day, dtime(start_h), tzinfo)
                for c, category in enumerate(FLOW_CATEGORIES):
                    rows.append(
                        store.prepare(
                            "observations",
                            {
                                "site_id": site,
                                "period_start": start,
                                "period_end": start + timedelta(hours=hours),
                                "direction": "into_peru" if c % 2 == 0 else "into_chile",
                                "category": category,
                                "count": int(rnd.randint(0, 400) * seasonal / (c + 1)),
                                "source": "bench",
                            },
                        )
                    )
            rows.append(
                store.prepare(
                    "observations",
                    {
                        "site_id": site,
                        "period_start": datetime.combine(day, dtime(8, s), tzinfo),
                        "category": "stranded",
                        "count": rnd.randint(0, 60),
                        "source": "bench",
                    },
                )
            )
    store.insert_rows("observations", rows)
    store.conn.execute("ANALYZE")
    return store, datetime.combine(last, dtime(23), tzinfo)


def emit(metric: str, value: float, unit: str = "ms", target: float | None = TARGET_MS) -> None:
    line = {"metric": metric, "value": round(value, 2), "unit": unit}
    if target is not None:
        line["target"] = target
    print(json.dumps(line), flush=True)


CPU_MS: list[float] = []  # the same frames in CPU time of this thread (robust to a busy host)


def timed_frame(app: QApplication, widget, move) -> float:
    """A whole frame: the range change (items clip, axes and labels follow) and the repaint
    it asks for, timed before Qt's event loop could paint it untimed."""
    c = time.thread_time()
    t = time.perf_counter()
    move()
    widget.viewport().repaint()
    elapsed = (time.perf_counter() - t) * 1000
    CPU_MS.append((time.thread_time() - c) * 1000)
    app.processEvents()
    return elapsed


def pans(app, panel, repeats: int) -> list[float]:
    vb = panel.plot.plot.vb
    out = []
    for i in range(repeats):
        x0, x1 = vb.viewRange()[0]
        step = (x1 - x0) * 0.1 * (1 if i % 2 else -1)
        out.append(
            timed_frame(
                app,
                panel.plot,
                lambda x0=x0, x1=x1, s=step: vb.setXRange(x0 + s, x1 + s, padding=0),
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--observations", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--size", default="900x500")
    parser.add_argument("--db", type=Path, help="reuse (or keep) the generated database here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from desktop.context import AppContext
    from desktop.panels.chart.panel import ChartPanel
    from desktop.watcher import StoreWatcher

    t = time.perf_counter()
    path = args.db or Path(tempfile.mkdtemp(prefix="bench-chart-")) / "bench.db"
    if path.exists():
        store = Store.open(path, operator="bench")
        now = datetime.combine(date(2026, 3, 31), dtime(23), zone(TZ))
    else:
        store, now = make_store(path, args.observations)
        emit("bench_store_build_s", time.perf_counter() - t, unit="s", target=None)
    emit("observations", store.counts()["observations"], unit="rows", target=None)
    ctx = AppContext(
        store=store, clock=Clock(now, frozen=True), watcher=StoreWatcher(store), lang="en"
    )
    t = time.perf_counter()
    panel = ChartPanel(ctx)
    emit("chart_first_load_ms", (time.perf_counter() - t) * 1000, target=None)
    w, h = (int(v) for v in args.size.split("x"))
    panel.resize(w, h)
    panel.show()
    app.processEvents()
    panel.apply_preset("all")
    emit("chart_days", len(panel.data.days), unit="days", target=None)
    timed_frame(app, panel.plot, lambda: None)  # warm up

    CPU_MS.clear()
    all_pans = pans(app, panel, args.repeats)
    pan_cpu = list(CPU_MS)
    zooms = []
    vb = panel.plot.plot.vb
    for i in range(args.repeats):
        factor = 0.9 if i < args.repeats // 2 else 1 / 0.9
        zooms.append(timed_frame(app, panel.plot, lambda f=factor: vb.scaleBy((f, 1))))
    panel.apply_preset("30d")
    timed_frame(app, panel.plot, lambda: None)
    month_pans = pans(app, panel, args.repeats)

    other = Store.open(store.path, operator="other station")
    site = other.sites()[0].id
    data_ms, count_ms, other_ms = [], [], []
    for i in range(max(5, args.repeats // 4)):
        t = time.perf_counter()
        chart_data(store, now)
        data_ms.append((time.perf_counter() - t) * 1000)
        other.add_observation(
            site_id=site,
            period_start=now - timedelta(days=400 + i, hours=3),
            period_end=now - timedelta(days=400 + i, hours=2),
            direction="into_peru",
            category="turned_back",
            count=5,
        )
        t = time.perf_counter()
        panel.refresh()
        count_ms.append((time.perf_counter() - t) * 1000)
        other.add_event(kind="log", title=f"Radio {i}", occurred_at=now)
        t = time.perf_counter()
        panel.refresh()
        other_ms.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    other.close()

    emit("host_load_average_1min", os.getloadavg()[0], unit="load", target=None)
    emit("chart_pan_repaint_ms_median", statistics.median(all_pans))
    emit("chart_pan_repaint_cpu_ms_median", statistics.median(pan_cpu), target=None)
    emit("chart_pan_repaint_ms_p90", sorted(all_pans)[int(0.9 * len(all_pans))], target=None)
    emit("chart_zoom_repaint_ms_median", statistics.median(zooms))
    emit("chart_pan_repaint_30d_ms_median", statistics.median(month_pans))
    emit("chart_refresh_count_ms_median", statistics.median(count_ms), target=1000)
    emit("chart_refresh_other_ms_median", statistics.median(other_ms), target=None)
    emit("chart_data_from_scratch_ms_median", statistics.median(data_ms), target=None)
    ctx.watcher.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
