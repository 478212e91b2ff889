"""Start the application as ``python -m desktop`` does and report when it painted what.

A child process of ``tests/perf/run.py``. It parses the same arguments with the real CLI
parser, opens the window with ``desktop.app.open_window`` (what ``run_gui`` does, minus the
questions an operator would answer), shows it at 1600×1000 and prints JSON lines on stdout,
times in ``time.monotonic()`` (the parent compares them with its own clock, taken just before it
started this process):

- ``{"event": "first_paint", "t": ...}``: the first paint after which the window is visible and
  the decree countdown shows real values;
- ``{"event": "all_drawn", "t": ...}``: the first paint after which every panel has drawn its
  data (``MainWindow.panels_drawn``; the menus, made after them, are not a panel);
- with ``--commits N``: N rounds in which another process (``commit_writer.py``) commits one
  transaction (a count, a map event, a milestone) and this one waits until every panel shows
  it: ``{"event": "commit", "latency_ms": ..., "panels_ms": {...}}``;
- ``{"event": "rss_peak_mb", "value": ...}`` at the end.

Run by hand: ``python tests/perf/probe_app.py --demo --commits 5``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUND_TIMEOUT_S = 10.0
CATEGORY = "crossed_irregular"  # a flow the chart stacks and the strip shows as a 24 h figure


def say(**fields) -> None:
    print(json.dumps(fields), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--demo", action="store_true")
    where.add_argument("--db")
    parser.add_argument("--commits", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--until", choices=("first", "all"), default="all", help="exit after this paint (profiling)"
    )
    a = parser.parse_args()
    # Only what the application itself imports before its first paint, so the probe does not
    # slow the start it measures; the rest loads when the commit rounds begin.
    from desktop.cli import build_parser
    from desktop.startup import pyqtgraph_loader, pyside_import_scan
    from desktop.startup.gc_pause import CollectorPause

    # What desktop.cli.main does first, then before it loads the window.
    pyside_import_scan.skip_source_scan()
    pyqtgraph_loader.install()
    argv = ["--demo"] if a.demo else ["--db", a.db]
    app_argv = [*argv, "--lang", "en"]
    app_args = build_parser(app_argv).parse_args(app_argv)
    paused = CollectorPause().__enter__()
    from desktop.app import application, open_window

    window = open_window(app_args, interactive=False, when_started=paused.end)
    app = application()
    Probe(app, window, a.commits, a.seed, a.until)
    window.resize(1600, 1000)
    window.show()
    return app.exec()


class Probe:
    def __init__(self, app, window, commits: int, seed: int, until: str) -> None:
        from PySide6.QtCore import QTimer

        from tests.perf.paint_watch import AfterPaint

        self.app, self.window, self.commits, self.seed = app, window, commits, seed
        self.until = until
        self.first_done = self.all_done = False
        self.round: dict | None = None
        self.rounds_done = 0
        self.writer = None  # the other station's process, once the commit rounds start
        self.watch = AfterPaint(window, self.painted)
        # The native window exists once shown; watch it from the first turn of the loop.
        QTimer.singleShot(0, self.watch.watch_native_window)
        self.timeout = QTimer()
        self.timeout.setSingleShot(True)
        self.timeout.timeout.connect(self.give_up)
        self.timeout.start(int(ROUND_TIMEOUT_S * 1000 * 6))

    # -- start-up ------------------------------------------------------------------------
    def painted(self) -> None:
        t = time.monotonic()
        w = self.window
        if not self.first_done and w.isVisible() and w.panels["countdown"].ready:
            self.first_done = True
            say(event="first_paint", t=t)
            if self.until == "first":
                self.finish()
                return
        if self.first_done and not self.all_done and w.panels_drawn:
            self.all_done = True
            say(event="all_drawn", t=t)
            self.after_start()
        if self.round is not None:
            self.check_round(t)

    def after_start(self) -> None:
        from PySide6.QtCore import QTimer

        self.timeout.stop()
        if not self.commits:
            self.finish()
            return
        # Let the idle work of the start settle, then start the other station.
        QTimer.singleShot(500, self.start_writer)

    # -- external commits ----------------------------------------------------------------
    def start_writer(self) -> None:
        import random
        import subprocess

        self.rnd = random.Random(self.seed)
        store = self.window.ctx.store
        self.writer = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("commit_writer.py")), str(store.path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.writer.stdout.readline().strip() == "ready"
        self.site = store.sites()[0]
        self.next_round()

    def next_round(self) -> None:
        import uuid
        from datetime import timedelta

        from db.clock import local_date, to_iso

        w = self.window
        ctx = w.ctx
        now = ctx.clock.now().replace(microsecond=0)
        chart, strip = w.panels["chart"], w.strip
        start = now - timedelta(hours=2)
        day_index = chart.data.index_of(local_date(start, ctx.tz))
        count = 1000 + self.rounds_done
        k = self.rounds_done
        request = {
            "observation": {
                "id": str(uuid.uuid4()),
                "site_id": self.site.id,
                "period_start": to_iso(start),
                "period_end": to_iso(now - timedelta(hours=1)),
                "direction": "into_peru",
                "category": CATEGORY,
                "count": count,
            },
            "event": {
                "id": str(uuid.uuid4()),
                "kind": "incident",
                "title": f"Probe event {k}",
                "occurred_at": to_iso(now - timedelta(minutes=5)),
                "lat": self.site.lat,
                "lon": self.site.lon,
                "people": 10,
            },
            "milestone": {
                "title": f"Probe milestone {k}",
                "kind": "meeting",
                # each sooner than the last, so it is the first "next milestone"
                "at": to_iso(now + timedelta(minutes=600 - k)),
            },
        }
        expected = {
            "strip": _tile_value(strip.tiles[CATEGORY]) + count,
            "chart": int(chart.data.flows[CATEGORY][day_index]) + count,
            "map": w.panels["map"].event_count + 1,
            "records": w.panels["records"].model.total + 1,
            "countdown": request["milestone"]["title"],
        }
        self.round = {"expected": expected, "day_index": day_index, "seen": {}}
        self.timeout.start(int(ROUND_TIMEOUT_S * 1000))
        self.writer.stdin.write(json.dumps(request) + "\n")
        self.writer.stdin.flush()

    def shows(self) -> dict[str, bool]:
        w, r = self.window, self.round
        exp = r["expected"]
        chart = w.panels["chart"]
        return {
            "strip": _tile_value(w.strip.tiles[CATEGORY]) == exp["strip"],
            "chart": chart.data is not None
            and int(chart.data.flows[CATEGORY][r["day_index"]]) == exp["chart"],
            "map": w.panels["map"].event_count == exp["map"],
            "records": w.panels["records"].model.total == exp["records"],
            "countdown": any(
                row[1].text() == exp["countdown"] for row in w.panels["countdown"].milestones.rows
            ),
        }

    def check_round(self, t: float) -> None:
        r = self.round
        for panel, ok in self.shows().items():
            if ok:
                r["seen"].setdefault(panel, t)
        if len(r["seen"]) < len(r["expected"]):
            return
        from PySide6.QtCore import QTimer

        self.timeout.stop()
        committed = json.loads(self.writer.stdout.readline())["t"]
        say(
            event="commit",
            latency_ms=round((max(r["seen"].values()) - committed) * 1000, 1),
            panels_ms={k: round((v - committed) * 1000, 1) for k, v in r["seen"].items()},
        )
        self.round = None
        self.rounds_done += 1
        if self.rounds_done >= self.commits:
            self.finish()
        else:
            # Commits land at any moment of the watcher's polling cycle.
            QTimer.singleShot(self.rnd.randint(50, 400), self.next_round)

    # -- end -----------------------------------------------------------------------------
    def give_up(self) -> None:
        shown = self.shows() if self.round else {}
        say(event="timeout", first=self.first_done, all=self.all_done, shows=shown)
        self.finish(code=1)

    def finish(self, code: int = 0) -> None:
        import resource

        if self.writer is not None:
            self.writer.stdin.close()
            self.writer.wait(timeout=10)
        say(event="rss_peak_mb", value=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        self.window.close()
        self.app.exit(code)


def _tile_value(tile) -> int:
    text = tile.value.text().replace(",", "").replace(".", "").replace("\u202f", "")
    return int(text) if text.lstrip("-").isdigit() else 0


if __name__ == "__main__":
    sys.exit(main())
