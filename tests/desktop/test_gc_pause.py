"""The garbage collector is held off while the window starts and back once it is whole, as the
entry point arranges it (desktop/cli.py, desktop/startup/gc_pause.py)."""

from __future__ import annotations

import gc

import pytest

from desktop.app import open_window, shutdown
from desktop.cli import build_parser
from desktop.startup.gc_pause import CollectorPause

pytestmark = pytest.mark.gui


def test_the_collector_is_off_while_the_window_starts_and_back_once_it_is_whole(qtbot, demo_path):
    argv = ["--db", str(demo_path), "--lang", "en"]
    args = build_parser(argv).parse_args(argv)
    try:
        with CollectorPause() as paused:
            window = open_window(args, interactive=False, when_started=paused.end)
            window.show()
            assert not gc.isenabled()
            qtbot.waitUntil(lambda: window.ready, timeout=10_000)
            assert gc.isenabled()
        shutdown(window)
    finally:
        gc.enable()


def test_a_collector_someone_else_turned_off_stays_off():
    gc.disable()
    try:
        with CollectorPause() as paused:
            paused.end()
        assert not gc.isenabled()
    finally:
        gc.enable()
