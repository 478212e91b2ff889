"""The garbage collector is held off while the window starts and back once it is whole, as the
entry point arranges it (desktop/cli.py, desktop/startup/gc_pause.py)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.startup.gc_pause import CollectorPause

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]

# Runs the entry point in a process of its own (a window started in the test process would
# leave Qt's application behind it), watching the window and the collector on every turn of the
# event loop: (the window is whole, the collector runs).
PROBE = """
import gc, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import application
from desktop.cli import main
from desktop.window.main_window import MainWindow

seen = set()

def look():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            seen.add((widget.ready, gc.isenabled()))

app = application()
watch = QTimer()
watch.timeout.connect(look)
watch.start(0)
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seen": sorted(seen), "after": gc.isenabled()}))
"""


def test_the_entry_point_holds_the_collector_off_until_the_window_is_whole(demo_path, tmp_path):
    argv = ["--db", str(demo_path), "--lang", "en", "--screenshot", str(tmp_path / "shot.png")]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    seen = {tuple(pair) for pair in report["seen"]}
    assert report["code"] == 0 and report["after"]
    assert (False, False) in seen and (True, True) in seen
    assert (True, False) not in seen


def test_a_collector_someone_else_turned_off_stays_off():
    gc.disable()
    try:
        with CollectorPause() as paused:
            paused.end()
        assert not gc.isenabled()
    finally:
        gc.enable()
