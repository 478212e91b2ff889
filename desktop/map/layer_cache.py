"""A layer's picture kept in a pixmap a little larger than the viewport, reused while panning.

Layers only change when the zoom, their data or their style changes, so each is rendered once
per zoom into a pixmap and a pan costs a blit (QGIS keeps cached layer images the same way).
A zoom must show at once, so it renders just the viewport; the margin around it, which later
pans will need, is filled in right after, when the event loop is idle.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
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
        self._has_margin = False
        self._pending = False
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
        antialias: bool = True,
    ) -> None:
        # Absolute pixel of the device's corner: the same under a pan at a given scale.
        ax, ay = -frame.ox, -frame.oy
        if not self._covers(frame, ax, ay, key):
            quick = self._pixmap is None or frame.scale != self._scale or key != self._key
            self._render(frame, ax, ay, render, key, dpr, antialias, 0 if quick else self.margin)
            if quick and not self._pending:
                self._pending = True
                QTimer.singleShot(0, lambda: self._widen(frame, render, key, dpr, antialias))
        assert self._pixmap is not None
        painter.drawPixmap(
            round(self._origin[0] + frame.ox), round(self._origin[1] + frame.oy), self._pixmap
        )

    def _widen(self, frame: Frame, render: Renderer, key: object, dpr: float, antialias: bool):
        """Add the margin to a quick render, unless the view has moved on since."""
        self._pending = False
        if (
            self._pixmap is None
            or self._has_margin
            or frame.scale != self._scale
            or key != self._key
        ):
            return
        self._render(frame, -frame.ox, -frame.oy, render, key, dpr, antialias, self.margin)

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
        self,
        frame: Frame,
        ax: float,
        ay: float,
        render: Renderer,
        key: object,
        dpr: float,
        antialias: bool,
        margin: int,
    ) -> None:
        x0, y0 = math.floor(ax) - margin, math.floor(ay) - margin
        w, h = frame.width + 2 * margin + 1, frame.height + 2 * margin + 1
        pixmap = QPixmap(round(w * dpr), round(h * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        try:
            render(painter, Frame(frame.scale, -x0, -y0, w, h))
        finally:
            painter.end()  # an unfinished painter on a freed pixmap would crash Qt
        self._pixmap, self._key, self._scale, self._origin = pixmap, key, frame.scale, (x0, y0)
        self._has_margin = margin > 0
        self.renders += 1
