"""A latitude/longitude grid with edge labels, as on a printed topographic sheet.

Field teams read positions off paper maps and radios; a labelled grid lets anyone at the screen
read a rough position at a glance. The step adapts so a handful of lines cross the view.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from desktop.panels.map.frame import Frame
from desktop.panels.map.style import MapStyle

STEPS_DEG = (5.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.025, 0.01, 0.005)
TARGET_LINES = 5


def step_for(frame: Frame) -> float:
    west, south, east, north = frame.lonlat_bounds()
    span = max(east - west, 1e-9)
    return next((s for s in STEPS_DEG if span / s >= TARGET_LINES), STEPS_DEG[-1])


def _lines(lo: float, hi: float, step: float) -> list[float]:
    first = math.ceil(lo / step) * step
    count = int((hi - first) / step) + 1
    return [round(first + i * step, 6) for i in range(max(0, count))]


def format_coordinate(value: float, positive: str, negative: str) -> str:
    """``18°10′ S``: whole minutes (the grid never falls between them)."""
    total = round(abs(value) * 60)
    degrees, minutes = divmod(total, 60)
    hemisphere = positive if value >= 0 else negative
    return f"{degrees}°{minutes:02d}′ {hemisphere}" if minutes else f"{degrees}° {hemisphere}"


def paint_lines(painter: QPainter, frame: Frame, style: MapStyle) -> None:
    step = step_for(frame)
    west, south, east, north = frame.lonlat_bounds()
    colour = QColor(style.graticule)
    pen = QPen(colour, 1)
    painter.save()
    # Straight hairlines on whole pixels: crisp, and ten times cheaper than antialiased ones.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(pen)
    for lon in _lines(west, east, step):
        x = round(frame.lonlat_to_px(lon, 0)[0])
        painter.drawLine(x, 0, x, frame.height)
    for lat in _lines(south, north, step):
        y = round(frame.lonlat_to_px(0, lat)[1])
        painter.drawLine(0, y, frame.width, y)
    painter.restore()


def paint_labels(painter: QPainter, frame: Frame, style: MapStyle) -> None:
    """Longitudes along the top edge, latitudes along the left edge, on small plates."""
    step = step_for(frame)
    west, south, east, north = frame.lonlat_bounds()
    font = QFont()
    font.setPixelSize(10)
    fm = QFontMetricsF(font)
    painter.save()
    painter.setFont(font)
    plate = QColor(style.furniture_bg)
    ink = QColor(style.furniture_text)
    for lon in _lines(west, east, step):
        x, _ = frame.lonlat_to_px(lon, 0)
        text = format_coordinate(lon, "E", "W")
        w = fm.horizontalAdvance(text) + 6
        if x - w / 2 < 2 or x + w / 2 > frame.width - 70:  # keep clear of the north arrow
            continue
        rect = QRectF(x - w / 2, 1, w, fm.height() + 2)
        painter.fillRect(rect, plate)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    for lat in _lines(south, north, step):
        _, y = frame.lonlat_to_px(0, lat)
        text = format_coordinate(lat, "N", "S")
        w = fm.horizontalAdvance(text) + 6
        if y - fm.height() < fm.height() + 4 or y > frame.height - 60:  # clear of scale bar
            continue
        rect = QRectF(1, y - fm.height() / 2 - 1, w, fm.height() + 2)
        painter.fillRect(rect, plate)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
