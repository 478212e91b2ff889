"""Operational markers: events (thousands, batched) and sites (few, labelled, draggable).

Events are ONE item for the whole layer. Their positions, symbols and opacities live in numpy
arrays; a paint projects the arrays, drops what is off screen, and stamps every marker from a
pre-rendered atlas with a single ``drawPixmapFragments`` call, no antialiasing work per marker.
A store change replaces the arrays (``set_points``) and asks for a repaint: no scene rebuild.
"""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from db.geo import projection as geo
from db.geo.layers import EVENT_KIND_CODES, EventPoints, event_opacity
from desktop.panels.map.frame import Frame
from desktop.panels.map.layer_cache import ViewportCache
from desktop.panels.map.layer_item import MapLayerItem
from desktop.panels.map.symbols import (
    CELL_PX,
    RADII_PX,
    paint_event_symbol,
    size_class,
    symbol_scale,
)

# Opacity is baked into the atlas in a few steps: per-fragment opacity is ~50 % slower to draw.
OPACITY_LEVELS = np.array([1.0, 0.8, 0.62, 0.46, 0.3])
CLOSED_OPACITY_LEVEL = len(OPACITY_LEVELS) - 1
MIN_SYMBOL_ZOOM, MAX_SYMBOL_ZOOM = 9, 13  # the zooms over which symbols grow to full size
# The atlases of other zooms wait until the window has finished starting (docs/architecture.md §12).
PREPARE_AFTER_MS = 2000


class EventAtlas:
    """Every event symbol at every size and opacity step: row = (kind, step), column = size."""

    def __init__(self, dpr: float = 1.0, scale: float = 1.0) -> None:
        self.dpr = dpr
        self.scale = scale
        cols, rows = len(RADII_PX), len(EVENT_KIND_CODES) * len(OPACITY_LEVELS)
        self.pixmap = QPixmap(round(cols * CELL_PX * dpr), round(rows * CELL_PX * dpr))
        self.pixmap.setDevicePixelRatio(dpr)
        self.pixmap.fill(Qt.GlobalColor.transparent)
        # Each symbol is drawn once, opaque, in its kind's first row; the fainter rows are
        # copies of that row at their opacity (a blit, not the vector drawing again).
        steps = len(OPACITY_LEVELS)
        painter = QPainter(self.pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for k, kind in enumerate(EVENT_KIND_CODES):
            for col, r in enumerate(RADII_PX):
                paint_event_symbol(
                    painter,
                    kind,
                    col * CELL_PX + CELL_PX / 2,
                    k * steps * CELL_PX + CELL_PX / 2,
                    r * scale,
                )
        painter.end()
        opaque = self.pixmap.copy()
        painter = QPainter(self.pixmap)
        width = cols * CELL_PX
        for k in range(len(EVENT_KIND_CODES)):
            source = QRectF(0, k * steps * CELL_PX * dpr, width * dpr, CELL_PX * dpr)
            for o in range(1, steps):
                painter.setOpacity(float(OPACITY_LEVELS[o]))
                target = QRectF(0, (k * steps + o) * CELL_PX, width, CELL_PX)
                painter.drawPixmap(target, opaque, source)
        painter.end()


class EventMarkers:
    """The event layer's data and drawing, usable by the view and by offscreen renders."""

    def __init__(self, dpr: float = 1.0) -> None:
        self.dpr = dpr
        self._atlases: dict[float, EventAtlas] = {}
        self._by_scale: dict[float, np.ndarray] = {}  # fragment templates per symbol scale
        self._size = self._row = np.zeros(0, dtype=np.int64)
        self.points: EventPoints | None = None
        self._mx = self._my = np.zeros(0)
        self._radius = np.zeros(0)
        self._order = np.zeros(0, dtype=np.int64)  # draw order → row of ``points``
        self.selected: str | None = None
        self.fade = True
        self._draw_ids: list[str] = []
        self._signature = np.zeros((0, 4))
        # Draw-order rows that are new since the previous arrays when nothing else changed
        # (None: something moved, changed or went away, so the layer must be redrawn).
        self.added: np.ndarray | None = None

    def __len__(self) -> int:
        return 0 if self.points is None else len(self.points)

    def set_points(self, points: EventPoints) -> None:
        """New data for the layer (after a store change or a clock move)."""
        self.points = points
        # Oldest first, so the newest is drawn on top.
        order = np.arange(len(points))[::-1].copy()
        mx, my = geo.lonlat_to_mercator_np(points.lon[order], points.lat[order])
        size = size_class(points.people[order])
        opacity = event_opacity(points.age_s[order]) if self.fade else np.ones(len(order))
        step = np.abs(opacity[:, None] - OPACITY_LEVELS[None, :]).argmin(axis=1)
        step = np.where(points.closed[order], CLOSED_OPACITY_LEVEL, step)
        row = points.kind[order].astype(np.int64) * len(OPACITY_LEVELS) + step
        radius = np.asarray(RADII_PX)[size]
        frag = self._template(size, row, 1.0)
        draw_ids = list(reversed(points.ids))  # the ids in ``order``, at C speed
        signature = np.column_stack([mx, my, frag[:, 2], frag[:, 3]])
        self.added = self._only_added(draw_ids, signature)
        self._order, self._mx, self._my = order, mx, my
        self._radius, self._size, self._row = radius, size, row
        self._by_scale = {}
        self._draw_ids, self._signature = draw_ids, signature

    def atlas(self, scale: float) -> EventAtlas:
        if scale not in self._atlases:
            self._atlases[scale] = EventAtlas(self.dpr, scale)
        return self._atlases[scale]

    def _template(self, size: np.ndarray, row: np.ndarray, scale: float) -> np.ndarray:
        """Fragments (source cell, size) of every marker at ``scale``; positions left empty."""
        side = np.ceil(2 * np.asarray(RADII_PX)[size] * scale + 4)
        dpr = self.dpr
        frag = np.zeros((len(size), 10))
        frag[:, 2] = (size * CELL_PX + (CELL_PX - side) / 2) * dpr
        frag[:, 3] = (row * CELL_PX + (CELL_PX - side) / 2) * dpr
        frag[:, 4] = side * dpr
        frag[:, 5] = side * dpr
        frag[:, 6] = 1.0 / dpr
        frag[:, 7] = 1.0 / dpr
        frag[:, 9] = 1.0
        return frag

    def _fragments_at(self, scale: float) -> np.ndarray:
        if scale not in self._by_scale:
            self._by_scale[scale] = self._template(self._size, self._row, scale)
        return self._by_scale[scale]

    def _only_added(self, draw_ids: list[str], signature: np.ndarray) -> np.ndarray | None:
        if not self._draw_ids:
            return None
        index = {record_id: i for i, record_id in enumerate(self._draw_ids)}
        before = np.fromiter((index.get(i, -1) for i in draw_ids), np.int64, len(draw_ids))
        kept = before >= 0
        if kept.sum() != len(self._draw_ids):
            return None  # something was removed (voided, closed, superseded)
        if not np.array_equal(signature[kept], self._signature[before[kept]]):
            return None  # something moved or changed symbol, size or fading step
        return np.nonzero(~kept)[0]

    def visible_mask(self, frame: Frame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x, y = frame.to_px_np(self._mx, self._my)
        pad = CELL_PX
        mask = (x > -pad) & (x < frame.width + pad) & (y > -pad) & (y < frame.height + pad)
        return mask, x, y

    def paint(self, painter: QPainter, frame: Frame, rows: np.ndarray | None = None) -> int:
        """Draw the markers in ``frame`` (only draw-order ``rows`` if given); returns how many
        were drawn."""
        if not len(self._mx):
            return 0
        mask, x, y = self.visible_mask(frame)
        if rows is not None:
            only = np.zeros(len(mask), dtype=bool)
            only[rows] = True
            mask &= only
        scale = symbol_scale(frame.zoom)
        frag = self._fragments_at(scale)[mask]
        n = len(frag)
        if n:
            frag[:, 0] = np.round(x[mask])
            frag[:, 1] = np.round(y[mask])
            frag = np.ascontiguousarray(frag)
            ptr = shiboken6.wrapInstance(frag.ctypes.data, QPainter.PixmapFragment)
            painter.drawPixmapFragments(ptr, n, self.atlas(scale).pixmap)
        if self.selected and self.points is not None and rows is None:
            self._paint_selection(painter, frame)
        return n

    def _paint_selection(self, painter: QPainter, frame: Frame) -> None:
        row = self.points.index_of(self.selected)
        if row is None:
            return
        i = int(np.nonzero(self._order == row)[0][0])
        x, y = frame.to_px(self._mx[i], self._my[i])
        r = self._radius[i] * symbol_scale(frame.zoom) + 5
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), 5))
        painter.drawEllipse(QPointF(x, y), r, r)
        painter.setPen(QPen(QColor("#0a84ff"), 2.5))
        painter.drawEllipse(QPointF(x, y), r, r)
        painter.restore()

    def hit(self, frame: Frame, px: float, py: float, slop_px: float = 3.0) -> str | None:
        """Id of the topmost event whose symbol is under (px, py)."""
        if self.points is None or not len(self._mx):
            return None
        x, y = frame.to_px_np(self._mx, self._my)
        d2 = (x - px) ** 2 + (y - py) ** 2
        radius = self._radius * symbol_scale(frame.zoom)
        inside = np.nonzero(d2 <= (radius + slop_px) ** 2)[0]
        if not len(inside):
            return None
        top = inside[-1]  # drawn last = on top
        return self.points.ids[int(self._order[top])]

    def lonlat_of(self, record_id: str) -> tuple[float, float] | None:
        if self.points is None:
            return None
        row = self.points.index_of(record_id)
        if row is None:
            return None
        return float(self.points.lon[row]), float(self.points.lat[row])


class EventLayerItem(MapLayerItem):
    """All events in one item. Its picture is cached per zoom (a pan is a blit); new arrays or
    a new selection redraw the layer's picture only, never the other layers or the scene."""

    layer_id = "events"

    def __init__(self, markers: EventMarkers | None = None) -> None:
        super().__init__()
        self.markers = markers or EventMarkers()
        self.cache = ViewportCache(preview=True, direct=False, on_settled=self._settled)
        self.last_drawn = 0
        self._generation = 0
        self.setZValue(20)

    def _settled(self) -> None:
        # The settle timer belongs to the cache, not to Qt's tree: it may fire after the item
        # went with its window.
        if shiboken6.isValid(self):
            self.update()

    def set_points(self, points: EventPoints) -> None:
        """New arrays. When the only change is new events, they are drawn onto the cached
        picture and the others are not redrawn; any other change redraws the layer."""
        self.markers.set_points(points)
        added = self.markers.added
        if added is not None and self.cache.has_picture:
            if len(added):
                self.last_drawn = self.cache.paint_over(
                    lambda p, f: self.markers.paint(p, f, rows=added)
                )
        else:
            self._generation += 1
        self.update()

    def _render(self, painter: QPainter, frame: Frame) -> None:
        self.last_drawn = self.markers.paint(painter, frame)

    def prepare_symbols(self) -> None:
        """Draw the symbol atlases of every zoom step ahead, so the first zoom into a step
        does not pay for it."""
        for scale in self._symbol_scales():
            self.markers.atlas(scale)

    def prepare_symbols_later(self) -> None:
        """``prepare_symbols`` once the window has started, one atlas per turn of the event
        loop: the start and the first paints do not wait for zooms nobody has asked for."""
        todo = self._symbol_scales()

        def next_atlas() -> None:
            if todo and shiboken6.isValid(self):
                self.markers.atlas(todo.pop(0))
                QTimer.singleShot(0, next_atlas)

        QTimer.singleShot(PREPARE_AFTER_MS, next_atlas)

    @staticmethod
    def _symbol_scales() -> list[float]:
        scales = (
            symbol_scale(zoom + part)
            for zoom in range(MIN_SYMBOL_ZOOM, MAX_SYMBOL_ZOOM + 1)
            for part in (0.0, 0.25, 0.5, 0.75)
        )
        return list(dict.fromkeys(scales))

    def paint_frame(self, painter: QPainter, frame: Frame, dpr: float = 1.0) -> None:
        key = (self._generation, self.markers.selected, frame.width, frame.height)
        self.cache.paint(painter, frame, self._render, key=key, dpr=dpr, antialias=False)
