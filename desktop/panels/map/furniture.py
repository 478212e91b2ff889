"""Map furniture drawn in viewport pixels: north arrow, scale bar, attribution, legend note.

The interactive view draws it in ``drawForeground``; the briefing render draws the same on its
image, so paper and screen carry the same attribution (CC BY requires it).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from desktop.panels.map import graticule
from desktop.panels.map.frame import Frame
from desktop.panels.map.scale_bar import paint_scale_bar
from desktop.panels.map.style import MapStyle


def paint_north_arrow(painter: QPainter, centre: QPointF, size: float, style: MapStyle) -> None:
    """A split arrowhead with N above it: Web Mercator keeps north straight up everywhere."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cx, cy, s = centre.x(), centre.y(), size
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.furniture_bg))
    painter.drawEllipse(centre, s * 0.95, s * 0.95)
    ink = QColor(style.furniture_text)
    left = QPolygonF(
        [
            QPointF(cx, cy - s * 0.55),
            QPointF(cx - s * 0.32, cy + s * 0.5),
            QPointF(cx, cy + s * 0.28),
        ]
    )
    right = QPolygonF(
        [
            QPointF(cx, cy - s * 0.55),
            QPointF(cx + s * 0.32, cy + s * 0.5),
            QPointF(cx, cy + s * 0.28),
        ]
    )
    painter.setPen(QPen(ink, 1))
    painter.setBrush(ink)
    painter.drawPolygon(left)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(right)
    font = QFont()
    font.setPixelSize(max(8, round(s * 0.42)))
    font.setWeight(QFont.Weight.Bold)
    path = QPainterPath()
    fm = QFontMetricsF(font)
    path.addText(QPointF(cx - fm.horizontalAdvance("N") / 2, cy - s * 0.6), font, "N")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawPath(path)
    painter.restore()


def paint_attribution(
    painter: QPainter, frame: Frame, lines: list[str], style: MapStyle, pixel_size: int = 10
) -> QRectF:
    """Small text in the bottom-right corner on a translucent plate."""
    font = QFont()
    font.setPixelSize(pixel_size)
    fm = QFontMetricsF(font)
    w = max(fm.horizontalAdvance(t) for t in lines) + 10
    h = fm.height() * len(lines) + 4
    rect = QRectF(frame.width - w - 2, frame.height - h - 2, w, h)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.furniture_bg))
    painter.drawRect(rect)
    painter.setPen(QColor(style.furniture_text))
    painter.setFont(font)
    for i, text in enumerate(lines):
        painter.drawText(
            QPointF(
                rect.right() - 5 - fm.horizontalAdvance(text),
                rect.top() + 2 + fm.ascent() + i * fm.height(),
            ),
            text,
        )
    painter.restore()
    return rect


def paint_furniture(
    painter: QPainter, frame: Frame, attribution: list[str], style: MapStyle, scale: float = 1.0
) -> None:
    """Grid labels on the edges, north arrow top-right, scale bar bottom-left, attribution
    bottom-right."""
    graticule.paint_labels(painter, frame, style)
    paint_north_arrow(painter, QPointF(frame.width - 34 * scale, 40 * scale), 24 * scale, style)
    paint_scale_bar(
        painter, frame, QPointF(16 * scale, frame.height - 16 * scale), style, 180 * scale
    )
    paint_attribution(painter, frame, attribution, style, round(10 * scale))
