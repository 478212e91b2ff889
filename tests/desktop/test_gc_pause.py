"""The garbage collector is held off while the window starts and back once it is whole, as the
entry point arranges it (desktop/cli.py, desktop/startup/gc_pause.py)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.cli import main
from desktop.startup.gc_pause import CollectorPause
from desktop.window.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_entry_point_holds_the_collector_off_until_the_window_is_whole(
    qapp, demo_path, tmp_path
):
    seen: set[tuple[bool, bool]] = set()  # (the window is whole, the collector runs)

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.add((widget.ready, gc.isenabled()))

    watch = QTimer()
    watch.timeout.connect(look)
    watch.start(0)
    try:
        shot = tmp_path / "shot.png"
        assert main(["--db", str(demo_path), "--lang", "en", "--screenshot", str(shot)]) == 0
    finally:
        watch.stop()
        gc.enable()
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
