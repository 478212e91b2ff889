"""The map panel on a real store, for the map tests (imported by tests/desktop/test_map_*.py)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage

from db.clock import Clock


def build_panel(qtbot, store, clock=None, size=(1200, 800)):
    from desktop.context import AppContext
    from desktop.panels.map.panel import MapPanel
    from desktop.watcher import StoreWatcher

    watcher = StoreWatcher(store)
    ctx = AppContext(
        store=store,
        clock=clock or Clock(store.exercise_clock, frozen=True),
        watcher=watcher,
        lang="en",
    )
    panel = MapPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.ready)
    return panel


def panel_for(qtbot, store):
    """Generator body of each map test module's ``panel`` fixture (built, then closed)."""
    p = build_panel(qtbot, store)
    yield p
    p.ctx.watcher.close()


def view_image(panel) -> QImage:
    """What the map view shows now, as an image the size of its viewport."""
    return panel.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(round(x), round(y))


def near(colour: QColor, hex_colour: str, tol: int = 40) -> bool:
    want = QColor(hex_colour)
    return all(
        abs(a - b) <= tol
        for a, b in zip(
            (colour.red(), colour.green(), colour.blue()),
            (want.red(), want.green(), want.blue()),
            strict=True,
        )
    )


def count_colour(image: QImage, hex_colour: str, tol: int = 20) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes()).copy()
    arr = arr.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3]
    c = QColor(hex_colour)
    bgr = np.array([c.blue(), c.green(), c.red()])
    return int(np.all(np.abs(arr.astype(int) - bgr) <= tol, axis=2).sum())


def px_of(panel, lon: float, lat: float) -> QPoint:
    x, y = panel.view.frame().lonlat_to_px(lon, lat)
    return QPoint(round(x), round(y))
