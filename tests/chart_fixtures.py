"""The chart and records panels on a real store, for the chart and records tests."""

from __future__ import annotations

from db.clock import Clock
from tests.conftest import lima

DEMO_NOW = lima(2025, 12, 1, 8)


def make_ctx(store, now=DEMO_NOW):
    from desktop.context import AppContext
    from desktop.watcher import StoreWatcher

    return AppContext(
        store=store, clock=Clock(now, frozen=True), watcher=StoreWatcher(store), lang="en"
    )


def show(qtbot, panel, size=(900, 500)):
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.ready)
    return panel


def build_chart(qtbot, ctx):
    from desktop.panels.chart.panel import ChartPanel

    return show(qtbot, ChartPanel(ctx))


def build_records(qtbot, ctx):
    from desktop.panels.records.panel import RecordsPanel

    return show(qtbot, RecordsPanel(ctx), (1000, 500))
