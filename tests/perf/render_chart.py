"""Render the flow chart panel on the demo to a PNG, to look at it (not a test).

python tests/perf/render_chart.py [--at 2025-12-01T08:00-05:00] [--size 900x500]
    [--lang es|en] [--out /tmp/chart.png] [--preset 7d|30d|decree|all] [--by direction]
    [--export /tmp/chart_print.png]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from db.clock import Clock, parse_instant
from db.scenario import init_database
from desktop.context import AppContext
from desktop.i18n import install
from desktop.panels.chart.panel import ChartPanel
from desktop.watcher import StoreWatcher


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--at", default="2025-12-01T08:00:00-05:00")
    p.add_argument("--size", default="900x500")
    p.add_argument("--lang", default="en")
    p.add_argument("--out", default="/tmp/chart.png")
    p.add_argument("--preset")
    p.add_argument("--by", default="category")
    p.add_argument("--site")
    p.add_argument("--export")
    a = p.parse_args()
    app = QApplication.instance() or QApplication([])
    install(a.lang)
    store = init_database(str(Path(tempfile.mkdtemp()) / "demo.db"), demo=True, operator="demo")
    ctx = AppContext(store, Clock(parse_instant(a.at), frozen=True), StoreWatcher(store), a.lang)
    panel = ChartPanel(ctx)
    w, h = (int(v) for v in a.size.split("x"))
    panel.resize(w, h)
    panel.show()
    if a.by != "category":
        panel.set_grouping(a.by)
    if a.site:
        panel.set_site(store.site_by_name(a.site).id)
    if a.preset:
        panel.apply_preset(a.preset)
    for _ in range(5):
        app.processEvents()
    panel.grab().save(a.out)
    print(a.out)
    if a.export:
        panel.export_png(a.export)
        print(a.export)
    ctx.watcher.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
