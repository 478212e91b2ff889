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

# Whole degrees, minutes or seconds only: a step such as 0.025° (1.5′) gave lines whose labels,
# written in whole minutes, repeated ("18°19′ S" three times). Each label is now unique.
MINUTE = 1 / 60
SECOND = 1 / 3600
STEPS_DEG = (
    5.0, 2.0, 1.0, 0.5, 0.25, 10 * MINUTE, 5 * MINUTE, 2 * MINUTE, MINUTE,
    30 * SECOND, 15 * SECOND, 10 * SECOND, 5 * SECOND,
)  # fmt: skip
TARGET_LINES = 5


def step_for(frame: Frame) -> float:
    west, south, east, north = frame.lonlat_bounds()
    span = max(east - west, 1e-9)
    return next((s for s in STEPS_DEG if span / s >= TARGET_LINES), STEPS_DEG[-1])


def _lines(lo: float, hi: float, step: float) -> list[float]:
    # Counted in whole multiples of the step (exact for minutes and seconds, unlike floats).
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    return [k * step for k in range(first, last + 1)]


def format_coordinate(value: float, positive: str, negative: str, step: float = MINUTE) -> str:
    """``18°10′ S``, or ``18°10′30″ S`` when the grid's step is under a minute."""
    hemisphere = positive if value >= 0 else negative
    if step < MINUTE - 1e-12:
        total = round(abs(value) * 3600)
        degrees, rest = divmod(total, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{degrees}°{minutes:02d}′{seconds:02d}″ {hemisphere}"
    total = round(abs(value) * 60)
    degrees, minutes = divmod(total, 60)
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


def labels_for(frame: Frame) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """(longitude, text) of each meridian and (latitude, text) of each parallel in view."""
    step = step_for(frame)
    west, south, east, north = frame.lonlat_bounds()
    return (
        [(lon, format_coordinate(lon, "E", "W", step)) for lon in _lines(west, east, step)],
        [(lat, format_coordinate(lat, "N", "S", step)) for lat in _lines(south, north, step)],
    )


def paint_labels(painter: QPainter, frame: Frame, style: MapStyle) -> None:
    """Longitudes along the top edge, latitudes along the left edge, on small plates."""
    meridians, parallels = labels_for(frame)
    font = QFont()
    font.setPixelSize(10)
    fm = QFontMetricsF(font)
    painter.save()
    painter.setFont(font)
    plate = QColor(style.furniture_bg)
    ink = QColor(style.furniture_text)
    for lon, text in meridians:
        x, _ = frame.lonlat_to_px(lon, 0)
        w = fm.horizontalAdvance(text) + 6
        if x - w / 2 < 2 or x + w / 2 > frame.width - 70:  # keep clear of the north arrow
            continue
        rect = QRectF(x - w / 2, 1, w, fm.height() + 2)
        painter.fillRect(rect, plate)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    for lat, text in parallels:
        _, y = frame.lonlat_to_px(0, lat)
        w = fm.horizontalAdvance(text) + 6
        if y - fm.height() < fm.height() + 4 or y > frame.height - 60:  # clear of scale bar
            continue
        rect = QRectF(1, y - fm.height() / 2 - 1, w, fm.height() + 2)
        painter.fillRect(rect, plate)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
