"""A layer's picture kept in a pixmap a little larger than the viewport, reused while panning.

Layers only change when the zoom, their data or their style changes, so each is drawn once per
zoom into a pixmap with a margin and a pan costs a blit (QGIS keeps cached layer images the
same way). A zoom must show at once, with the least work:

* cheap vector layers (``direct``) are drawn straight onto the screen at the new zoom;
* the event markers (``preview``) show their last picture scaled to the new zoom, as web maps
  and QGIS do while the wheel turns, and are redrawn sharp once the zoom has settled.

Either way the cached picture with its margin is built once the zooming has settled
(``SETTLE_MS`` after the last step), so a fast wheel does not redraw every intermediate zoom.

The very first picture covers the viewport only: it is part of the window's start, and the
margin nearly triples the pixels to draw. The picture with its margin follows when the owner
calls ``prepare_margin`` (the map, once the window is up), or at the first pan (docs/architecture.md §12).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap

from desktop.panels.map.frame import Frame

Renderer = Callable[[QPainter, Frame], None]
MARGIN_PX = 320
SETTLE_MS = 120


class ViewportCache:
    def __init__(
        self,
        margin_px: int = MARGIN_PX,
        background: str | None = None,
        *,
        direct: bool = True,
        preview: bool = False,
        on_settled: Callable[[], None] | None = None,
    ) -> None:
        """``background``: an opaque colour for a bottom layer (its pixmap then has no alpha
        channel and is copied, not blended). ``direct``/``preview``: how a new zoom is shown
        before it settles (see the module doc); ``on_settled`` asks for a repaint then."""
        self.margin = margin_px
        self.background = background
        self.direct = direct
        self.preview = preview
        self.on_settled = on_settled
        self._pixmap: QPixmap | None = None
        self._key: object = None
        self._scale = 0.0
        self._origin = (0, 0)  # absolute pixel (scale·mx, −scale·my) of the pixmap's corner
        self._want: tuple | None = None  # the frame shown quickly, awaiting its cached picture
        self._due = False  # a preview has settled: draw sharp at the next paint
        self._opening = True  # no picture with its margin yet: the first one goes without
        self._first: tuple | None = None  # the first frame, drawn without its margin so far
        self._spare: dict[tuple[int, int], QPixmap] = {}  # reused: allocating costs a fill
        self._settle = QTimer()
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.settle_now)
        self.renders = 0  # how many times the layer was really drawn (for benchmarks)
        # A preview may show a picture whose key differs (labels placed per zoom change it):
        # for layers whose drawing costs more than a frame, such as a map kit's streets.
        self.preview_any_key = False

    def invalidate(self) -> None:
        self._pixmap = None

    @property
    def pending(self) -> bool:
        """A quick or preview frame is showing; the sharp cached picture is still to come."""
        return self._want is not None or self._due

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
            frame = Frame(self._scale, -x0, -y0, round(size.width()), round(size.height()))
            return render(painter, frame)
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
        same = self._pixmap is not None and frame.scale == self._scale and key == self._key
        settled = self._due or (self._want is not None and self._want[0].scale == frame.scale)
        first = self._pixmap is None and self._want is None
        if first and self._opening:
            self._render(frame, ax, ay, render, key, dpr, antialias, 0)
            self._blit(painter, frame)
            self._first = (frame, render, key, dpr, antialias)
            return
        if not (same or settled or first):
            self._want = (frame, render, key, dpr, antialias)
            self._settle.start()  # restarts: a fast wheel settles once, at the end
            if (
                self.preview
                and self._pixmap is not None
                and (key == self._key or self.preview_any_key)
            ):
                self._paint_scaled(painter, frame)
                return
            if self.direct or self._pixmap is None:
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
                try:
                    render(painter, frame)
                finally:
                    painter.restore()
                self.renders += 1
                return
        # The zoom has settled (or a pan went past the margin): draw the picture with its
        # margin now; the next pan frames are blits.
        self._settle.stop()
        self._want, self._due, self._first, self._opening = None, False, None, False
        self._render(frame, ax, ay, render, key, dpr, antialias, self.margin)
        self._blit(painter, frame)

    def settle_now(self) -> None:
        """Build the picture the last quick frame was waiting for (the settle timer's job)."""
        self._settle.stop()
        want = self._want
        if want is None:
            return
        frame, render, key, dpr, antialias = want
        if self.preview and self.on_settled is not None:
            self._due = True  # the next paint draws it sharp, at whatever view it has then
            try:
                self.on_settled()
            except RuntimeError:
                # The map was closed while the timer ran: its items are gone, nothing to draw.
                self._settle.stop()
            return
        self._want = None
        self._render(frame, -frame.ox, -frame.oy, render, key, dpr, antialias, self.margin)

    def prepare_margin(self) -> None:
        """Redraw the first picture with its margin (the same view: nothing to repaint); if
        none was drawn yet, the first one will have its margin."""
        first, self._first, self._opening = self._first, None, False
        if first is None or self._pixmap is None:
            return
        frame, render, key, dpr, antialias = first
        if key == self._key and frame.scale == self._scale:
            self._render(frame, -frame.ox, -frame.oy, render, key, dpr, antialias, self.margin)

    def _paint_scaled(self, painter: QPainter, frame: Frame) -> None:
        ratio = frame.scale / self._scale
        x0, y0 = self._origin
        painter.save()
        painter.translate(frame.ox + x0 * ratio, frame.oy + y0 * ratio)
        painter.scale(ratio, ratio)
        painter.drawPixmap(0, 0, self._pixmap)
        painter.restore()

    def _blit(self, painter: QPainter, frame: Frame) -> None:
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
        self.renders += 1
