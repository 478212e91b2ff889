"""Benchmark: switching language or theme, and opening the wall display, on the demo.

Run from the repository root:
    QT_QPA_PLATFORM=offscreen python tests/perf/bench_switch.py [--repeats 6]

A language or theme switch rebuilds the main window's contents (panels, toolbars, menus) until
every panel has drawn again. Prints one JSON line per metric (medians):
- ``language_switch_ms_median``: View → Language, es ↔ en, until the window is ready again;
- ``theme_switch_ms_median``: View → Theme, day ↔ night, the same way;
- ``wall_open_ms_median``: F11 until the wall display has drawn every panel;
- ``widgets_after_switches``: the window's widgets after all the switches against before (a
  rebuild must not leave the old panels behind).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from db.clock import Clock
from db.scenario import init_database
from desktop import i18n
from desktop.app import application, build_window
from desktop.theme import DAY, NIGHT, apply_theme


def wait(app, ready) -> None:
    while not ready():
        app.processEvents()


def settle(app) -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=6)
    args = parser.parse_args()
    app = application()
    store = init_database(str(Path(tempfile.mkdtemp()) / "demo.db"), demo=True)
    i18n.install("en")
    apply_theme(DAY)
    window = build_window(store, Clock(store.exercise_clock, frozen=True), "en")
    window.resize(1600, 1000)
    window.show()
    wait(app, lambda: window.ready)
    settle(app)
    before = len(window.findChildren(QWidget))

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        window.apply_pending()
        wait(app, lambda: window.ready)
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    language = [
        timed(lambda lang=lang: window.set_language(lang))
        for _ in range(args.repeats)
        for lang in ("es", "en")
    ]
    theme = [
        timed(lambda t=t: window.set_theme(t)) for _ in range(args.repeats) for t in (NIGHT, DAY)
    ]
    wall = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        window.open_wall()
        wait(app, lambda: window.wall.ready)
        app.processEvents()
        wall.append((time.perf_counter() - start) * 1000)
        window.close_wall()
        settle(app)
    settle(app)
    after = len(window.findChildren(QWidget))
    for name, values in (
        ("language_switch_ms_median", language),
        ("theme_switch_ms_median", theme),
        ("wall_open_ms_median", wall),
    ):
        print(json.dumps({"metric": name, "value": round(statistics.median(values), 1)}))
    print(json.dumps({"metric": "widgets_after_switches", "value": after, "before": before}))
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
