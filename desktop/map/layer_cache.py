"""A layer's picture kept in a pixmap a little larger than the viewport, reused while panning.

Static layers (basemap, places, raster tiles, overlays) only change when the zoom, their data or
their style changes, so they are rendered once per zoom into a pixmap with a margin around the
viewport; a pan then costs a blit. This is what QGIS does with its cached layer images.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap

from desktop.map.frame import Frame

Renderer = Callable[[QPainter, Frame], None]
MARGIN_PX = 320


class ViewportCache:
    def __init__(self, margin_px: int = MARGIN_PX) -> None:
        self.margin = margin_px
        self._pixmap: QPixmap | None = None
        self._key: object = None
        self._scale = 0.0
        self._origin = (0, 0)  # absolute pixel (scale·mx, −scale·my) of the pixmap's corner
        self.renders = 0  # how many times the layer was really drawn (for benchmarks)

    def invalidate(self) -> None:
        self._pixmap = None

    def paint(
        self,
        painter: QPainter,
        frame: Frame,
        render: Renderer,
        key: object = None,
        dpr: float = 1.0,
    ) -> None:
        # Absolute pixel of the device's corner: the same under a pan at a given scale.
        ax, ay = -frame.ox, -frame.oy
        if not self._covers(frame, ax, ay, key):
            self._render(frame, ax, ay, render, key, dpr)
        assert self._pixmap is not None
        painter.drawPixmap(
            round(self._origin[0] + frame.ox), round(self._origin[1] + frame.oy), self._pixmap
        )

    def _covers(self, frame: Frame, ax: float, ay: float, key: object) -> bool:
        if self._pixmap is None or key != self._key or frame.scale != self._scale:
            return False
        x0, y0 = self._origin
        size = self._pixmap.deviceIndependentSize()
        return (
            x0 <= ax
            and y0 <= ay
            and ax + frame.width <= x0 + size.width()
            and ay + frame.height <= y0 + size.height()
        )

    def _render(
        self, frame: Frame, ax: float, ay: float, render: Renderer, key: object, dpr: float
    ) -> None:
        x0, y0 = math.floor(ax) - self.margin, math.floor(ay) - self.margin
        w, h = frame.width + 2 * self.margin + 1, frame.height + 2 * self.margin + 1
        pixmap = QPixmap(round(w * dpr), round(h * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        render(painter, Frame(frame.scale, -x0, -y0, w, h))
        painter.end()
        self._pixmap, self._key, self._scale, self._origin = pixmap, key, frame.scale, (x0, y0)
        self.renders += 1
