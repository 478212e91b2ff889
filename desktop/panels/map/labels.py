"""Map text: labels with a halo, and the greedy placement that keeps them from overlapping.

Labels are placed in priority order (regional capitals before villages, sites before places);
each takes the first of its candidate positions that touches no label or symbol already placed,
or is left out. A coarse grid keeps the test cheap for hundreds of labels.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap

GRID_PX = 64


class Occupancy:
    """Rectangles already taken on the map, in one pixel space."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[QRectF]] = defaultdict(list)

    def _keys(self, rect: QRectF) -> Iterable[tuple[int, int]]:
        for gx in range(int(rect.left() // GRID_PX), int(rect.right() // GRID_PX) + 1):
            for gy in range(int(rect.top() // GRID_PX), int(rect.bottom() // GRID_PX) + 1):
                yield gx, gy

    def free(self, rect: QRectF) -> bool:
        return not any(
            other.intersects(rect) for key in self._keys(rect) for other in self._cells[key]
        )

    def take(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self._cells[key].append(rect)

    def place(self, candidates: Iterable[QRectF]) -> QRectF | None:
        """The first free candidate, now taken; None when every one collides."""
        for rect in candidates:
            if self.free(rect):
                self.take(rect)
                return rect
        return None


def candidate_rects(x: float, y: float, w: float, h: float, gap: float) -> list[QRectF]:
    """Label boxes around a point, in cartographers' order of preference: right, left, above,
    below, then the diagonals."""
    return [
        QRectF(x + gap, y - h / 2, w, h),
        QRectF(x - gap - w, y - h / 2, w, h),
        QRectF(x - w / 2, y - gap - h, w, h),
        QRectF(x - w / 2, y + gap, w, h),
        QRectF(x + gap * 0.7, y - gap * 0.7 - h, w, h),
        QRectF(x + gap * 0.7, y + gap * 0.7, w, h),
        QRectF(x - gap * 0.7 - w, y - gap * 0.7 - h, w, h),
        QRectF(x - gap * 0.7 - w, y + gap * 0.7, w, h),
    ]


def _baselines(
    rect: QRectF, lines: list[tuple[str, QFont, QColor]], align: Qt.AlignmentFlag
) -> list[tuple[QPointF, str, QFont, QColor]]:
    """Where each line's baseline starts, the lines stacked from the top of ``rect``."""
    placed = []
    y = rect.top()
    for text, font, colour in lines:
        fm = QFontMetricsF(font)
        w = fm.horizontalAdvance(text)
        if align == Qt.AlignmentFlag.AlignRight:
            x = rect.right() - w
        elif align == Qt.AlignmentFlag.AlignHCenter:
            x = rect.center().x() - w / 2
        else:
            x = rect.left()
        placed.append((QPointF(x, y + fm.ascent()), text, font, colour))
        y += fm.height()
    return placed


def draw_halo_text(
    painter: QPainter,
    rect: QRectF,
    lines: list[tuple[str, QFont, QColor]],
    halo: QColor,
    halo_px: float = 3.0,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """Lines of text stacked in ``rect`` with a halo, legible over any background: the glyph
    outlines stroked wide, then filled (right for any device, a PDF included)."""
    path_by_colour: list[tuple[QPainterPath, QColor]] = []
    halo_path = QPainterPath()
    for origin, text, font, colour in _baselines(rect, lines, align):
        path = QPainterPath()
        path.addText(origin, font, text)
        halo_path.addPath(path)
        path_by_colour.append((path, colour))
    pen = QPen(
        halo, halo_px * 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    painter.strokePath(halo_path, pen)
    for path, colour in path_by_colour:
        painter.fillPath(path, colour)


# The halo as copies of the text around it: rings of (radius as a share of the halo, copies).
HALO_RINGS = ((1.0, 16), (0.5, 8))
HALO_OFFSETS = tuple(
    (share * math.cos(2 * math.pi * k / n), share * math.sin(2 * math.pi * k / n))
    for share, n in HALO_RINGS
    for k in range(n)
)


def draw_halo_text_raster(
    painter: QPainter,
    rect: QRectF,
    lines: list[tuple[str, QFont, QColor]],
    halo: QColor,
    halo_px: float = 3.0,
) -> None:
    """The same look as ``draw_halo_text`` for a pixmap, about 15 times faster: the halo is
    the text drawn in the halo's colour around itself, from Qt's glyph cache, where stroking
    glyph outlines was the costliest part of the map's first paint (docs/architecture.md §12). Not for a
    vector device: a PDF would hold each label two dozen times."""
    placed = _baselines(rect, lines, Qt.AlignmentFlag.AlignLeft)
    painter.setPen(halo)
    for origin, text, font, _colour in placed:
        painter.setFont(font)
        for dx, dy in HALO_OFFSETS:
            painter.drawText(origin + QPointF(dx * halo_px, dy * halo_px), text)
    for origin, text, font, colour in placed:
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(origin, text)


class LabelSprites:
    """Labels rendered once (text and halo) into small pixmaps, then stamped.

    A label with its halo is two dozen passes of text; its look does not change with the zoom,
    so each distinct label is drawn once and reused.
    """

    def __init__(self, limit: int = 2000) -> None:
        self._sprites: dict[tuple, tuple[QPixmap, float]] = {}
        self.limit = limit

    def draw(
        self,
        painter: QPainter,
        rect: QRectF,
        lines: list[tuple[str, QFont, QColor]],
        halo: QColor,
        halo_px: float = 3.0,
    ) -> None:
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        key = (
            tuple((t, f.key(), c.rgba()) for t, f, c in lines),
            halo.rgba(),
            halo_px,
            round(rect.width(), 1),
            dpr,
        )
        entry = self._sprites.get(key)
        if entry is None:
            pad = halo_px + 1
            w, h = rect.width() + 2 * pad, rect.height() + 2 * pad
            pixmap = QPixmap(max(1, round(w * dpr)), max(1, round(h * dpr)))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            try:
                draw_halo_text_raster(
                    p, QRectF(pad, pad, rect.width(), rect.height()), lines, halo, halo_px
                )
            finally:
                p.end()
            if len(self._sprites) >= self.limit:
                self._sprites.clear()
            entry = self._sprites[key] = (pixmap, pad)
        pixmap, pad = entry
        painter.drawPixmap(QPointF(round(rect.left() - pad), round(rect.top() - pad)), pixmap)
