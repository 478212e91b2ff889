"""A scale bar in kilometres, true at the latitude of the view's centre.

Web Mercator stretches distances by 1/cos(latitude), so the bar measures ground distance at the
centre of the view (at Tacna, ~5 % longer than the Mercator metres say).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from desktop.panels.map.frame import Frame
from desktop.panels.map.style import MapStyle

NICE_STEPS = (1, 2, 5)


def ground_m_per_px(frame: Frame) -> float:
    _, lat = frame.center_lonlat()
    return frame.m_per_px * math.cos(math.radians(lat))


def nice_length(m_per_px: float, max_px: float) -> tuple[float, float]:
    """(metres, pixels) of the longest 1-2-5 length that fits in ``max_px``."""
    limit = m_per_px * max_px
    exponent = math.floor(math.log10(limit))
    best = 10.0**exponent
    for e in (exponent - 1, exponent):
        for step in NICE_STEPS:
            length = step * 10.0**e
            if length <= limit:
                best = max(best, length)
    return best, best / m_per_px


def format_distance(metres: float) -> str:
    if metres >= 1000:
        km = metres / 1000
        return f"{km:g} km"
    return f"{metres:g} m"


def paint_scale_bar(
    painter: QPainter, frame: Frame, bottom_left: QPointF, style: MapStyle, max_px: float = 180
) -> QRectF:
    """Draw a four-segment bar with its length; returns the area it took."""
    metres, px = nice_length(ground_m_per_px(frame), max_px)
    font = QFont()
    font.setPixelSize(11)
    font.setWeight(QFont.Weight.DemiBold)
    fm = QFontMetricsF(font)
    label = format_distance(metres)
    h = 6.0
    x0, y0 = bottom_left.x(), bottom_left.y() - h
    box = QRectF(
        x0 - 6, y0 - fm.height() - 6, px + fm.horizontalAdvance(label) + 16, h + fm.height() + 12
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.furniture_bg))
    painter.drawRoundedRect(box, 3, 3)
    segments = 4
    for i in range(segments):
        painter.setBrush(QColor(style.furniture_text) if i % 2 == 0 else QColor("white"))
        painter.drawRect(QRectF(x0 + i * px / segments, y0, px / segments, h))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(style.furniture_text), 1))
    painter.drawRect(QRectF(x0, y0, px, h))
    painter.setFont(font)
    painter.drawText(QPointF(x0 - 2, y0 - 3), "0")
    painter.drawText(QPointF(x0 + px - fm.horizontalAdvance(label) / 2, y0 - 3), label)
    painter.restore()
    return box
