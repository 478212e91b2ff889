"""desktop/startup/gc_pause.py: the collector is held off while the window starts, and back after."""

from __future__ import annotations

import gc

import pytest

from db.clock import Clock
from desktop.app import build_window
from desktop.startup import gc_pause
from tests.conftest import lima

pytestmark = pytest.mark.gui


def test_the_window_resumes_collection_once_every_panel_is_built(qtbot, demo):
    gc_pause.pause()
    try:
        assert not gc.isenabled()
        window = build_window(demo, Clock(lima(2025, 12, 1, 8), frozen=True), "en")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.ready, timeout=10_000)
        assert gc.isenabled()
        window.close()
    finally:
        gc_pause.resume()
        gc.enable()


def test_resume_without_pause_changes_nothing():
    gc.disable()
    try:
        gc_pause.resume()
        assert not gc.isenabled()  # someone else's choice is left alone
    finally:
        gc.enable()
