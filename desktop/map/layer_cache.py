"""A layer's picture kept in a pixmap a little larger than the viewport, reused while panning.

Layers only change when the zoom, their data or their style changes, so each is rendered once
per zoom into a pixmap and a pan costs a blit (QGIS keeps cached layer images the same way).
A zoom must show at once, so it is drawn straight onto the screen; the cached picture with
the margin later pans need is built once the zooming has settled.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap

from desktop.map.frame import Frame

Renderer = Callable[[QPainter, Frame], None]
MARGIN_PX = 320
SETTLE_MS = 120  # after the last zoom step, build the picture with its margin


class ViewportCache:
    def __init__(
        self, margin_px: int = MARGIN_PX, background: str | None = None, direct: bool = True
    ) -> None:
        """``background``: an opaque colour for a bottom layer (its pixmap then has no alpha
        channel and is copied, not blended, onto the screen). ``direct``: on a new zoom, draw
        straight onto the screen (cheap vector layers) rather than into a viewport-sized
        pixmap first (thousands of sprites blend faster into a premultiplied pixmap)."""
        self.margin = margin_px
        self.background = background
        self.direct = direct
        self._margin_now = 0
        self._want: tuple | None = None
        self._settle = QTimer()
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._widen)
        self._pixmap: QPixmap | None = None
        self._key: object = None
        self._scale = 0.0
        self._origin = (0, 0)  # absolute pixel (scale·mx, −scale·my) of the pixmap's corner
        self._spare: dict[tuple[int, int], QPixmap] = {}  # reused: allocating costs a fill
        self.renders = 0  # how many times the layer was really drawn (for benchmarks)

    def invalidate(self) -> None:
        self._pixmap = None

    @property
    def has_picture(self) -> bool:
        return self._pixmap is not None

    def paint_over(self, render: Callable[[QPainter, Frame], object]) -> object:
        """Draw more onto the cached picture (new markers), without redrawing what is there."""
        assert self._pixmap is not None
        size = self._pixmap.deviceIndependentSize()
        painter = QPainter(self._pixmap)
        try:
            x0, y0 = self._origin
            return render(
                painter, Frame(self._scale, -x0, -y0, round(size.width()), round(size.height()))
            )
        finally:
            painter.end()

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
        if self._covers(frame, ax, ay, key):
            self._blit(painter, frame)
            return
        shown = self._want[0].scale == frame.scale and self._want[2] == key if self._want else False
        same = self._pixmap is not None and frame.scale == self._scale and key == self._key
        if not (same or shown):
            # A new zoom or new data: show it now with the least work, and build the cached
            # picture with the margin later pans need when the event loop is idle.
            if self.direct:
                self._pixmap = None
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
                try:
                    render(painter, frame)
                finally:
                    painter.restore()
                self.renders += 1
            else:
                self._render(frame, ax, ay, render, key, dpr, antialias, 0)
                self._blit(painter, frame)
            self._want = (frame, render, key, dpr, antialias)
            self._settle.start()  # restarts: a wheel turning fast widens once, at the end
            return
        # A pan at the zoom already shown (past the margin, or before it was built): draw the
        # picture with its margin now, so the next pan frames are blits.
        self._settle.stop()
        self._want = None
        self._render(frame, ax, ay, render, key, dpr, antialias, self.margin)
        self._blit(painter, frame)

    def _blit(self, painter: QPainter, frame: Frame) -> None:
        painter.drawPixmap(
            round(self._origin[0] + frame.ox), round(self._origin[1] + frame.oy), self._pixmap
        )

    def _widen(self) -> None:
        """Cache the latest quick picture with its margin (the view may have moved on since
        it was asked for: the latest request wins)."""
        want, self._want = self._want, None
        if want is None:
            return
        frame, render, key, dpr, antialias = want
        if (
            self._pixmap is not None
            and self._margin_now
            and self._covers(frame, -frame.ox, -frame.oy, key)
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
        size = (round(w * dpr), round(h * dpr))
        pixmap = self._spare.pop(size, None) or QPixmap(*size)
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(QColor(self.background) if self.background else Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        try:
            render(painter, Frame(frame.scale, -x0, -y0, w, h))
        finally:
            painter.end()  # an unfinished painter on a freed pixmap would crash Qt
        old = self._pixmap
        if old is not None and old is not pixmap:
            self._spare[(old.width(), old.height())] = old
        self._pixmap, self._key, self._scale, self._origin = pixmap, key, frame.scale, (x0, y0)
        self._margin_now = margin
        self.renders += 1
