"""Marker symbols: shapes by kind, sizes by people, and the sprite atlas batched drawing uses.

Shape carries the kind (so it survives colour blindness and grey print), colour repeats it, size
says how many people. Events are stamped from one pre-rendered atlas with
``QPainter.drawPixmapFragments`` (one call for thousands of markers), so every size a marker
can take is one row of the atlas.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from desktop.panels.map.style import EVENT_COLOURS, SITE_COLOURS

EVENT_SHAPES: dict[str, str] = {
    "stranded_group": "circle",
    "checkpoint": "square",
    "patrol": "triangle",
    "incident": "diamond",
    "shelter": "house",
    "log": "dot",
    "other": "hexagon",
}
SITE_SHAPES: dict[str, str] = {
    "crossing": "gate",
    "checkpoint": "square",
    "shelter": "house",
    "gathering": "ring",
    "town": "circle",
    "other": "hexagon",
}
# Marker radius (px) by people: none given, then at least 1, 10, 25, 50, 100, 250 people.
PEOPLE_STEPS = np.array([1, 10, 25, 50, 100, 250])
RADII_PX = (5.0, 6.0, 7.5, 9.0, 10.5, 12.5, 15.0)
CELL_PX = int(2 * RADII_PX[-1] + 6)


def symbol_scale(zoom: float) -> float:
    """Event symbols shrink when zoomed out (to 55 % at zoom 9 and below, full size from zoom
    13), in 5 % steps: as in QGIS or ATAK, a dense picture stays readable, and fewer pixels
    are drawn for thousands of markers."""
    raw = min(1.0, max(0.55, 0.5 + 0.125 * (zoom - 9.0)))
    return round(raw * 20) / 20


def size_class(people: np.ndarray) -> np.ndarray:
    """Index into RADII_PX for each people count (−1 = not given → the smallest)."""
    people = np.asarray(people)
    return np.where(people < 0, 0, np.searchsorted(PEOPLE_STEPS, people, side="right")).astype(
        np.int32
    )


def shape_path(shape: str, cx: float, cy: float, r: float) -> QPainterPath:
    """A closed path of ``shape`` centred on (cx, cy) whose extent is about ``r``."""
    path = QPainterPath()
    if shape in ("circle", "ring", "dot"):
        rr = r * 0.7 if shape == "dot" else r
        path.addEllipse(QPointF(cx, cy), rr, rr)
    elif shape in ("square", "gate"):
        s = r * 0.86
        path.addRoundedRect(QRectF(cx - s, cy - s, 2 * s, 2 * s), r * 0.18, r * 0.18)
    elif shape == "triangle":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(cx, cy - r * 1.05),
                    QPointF(cx + r * 0.98, cy + r * 0.72),
                    QPointF(cx - r * 0.98, cy + r * 0.72),
                ]
            )
        )
        path.closeSubpath()
    elif shape == "diamond":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(cx, cy - r * 1.1),
                    QPointF(cx + r * 1.1, cy),
                    QPointF(cx, cy + r * 1.1),
                    QPointF(cx - r * 1.1, cy),
                ]
            )
        )
        path.closeSubpath()
    elif shape == "house":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(cx, cy - r),
                    QPointF(cx + r * 0.95, cy - r * 0.15),
                    QPointF(cx + r * 0.8, cy + r * 0.85),
                    QPointF(cx - r * 0.8, cy + r * 0.85),
                    QPointF(cx - r * 0.95, cy - r * 0.15),
                ]
            )
        )
        path.closeSubpath()
    else:  # hexagon
        pts = [
            QPointF(cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)))
            for a in range(0, 360, 60)
        ]
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    return path


def paint_symbol(
    painter: QPainter,
    shape: str,
    colour: QColor,
    cx: float,
    cy: float,
    r: float,
    outline: QColor | None = None,
) -> None:
    """One symbol with a white outline (so it reads on land, sea and other markers)."""
    outline = outline or QColor("white")
    path = shape_path(shape, cx, cy, r)
    painter.setPen(QPen(outline, 1.5 if r < 8 else 2.0))
    painter.setBrush(colour)
    painter.drawPath(path)
    if shape == "gate":  # a barrier across the square: a border crossing
        painter.setPen(
            QPen(outline, max(1.5, r * 0.22), Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        )
        painter.drawLine(QPointF(cx - r * 0.55, cy), QPointF(cx + r * 0.55, cy))
        painter.drawLine(QPointF(cx - r * 0.55, cy - r * 0.4), QPointF(cx - r * 0.55, cy + r * 0.4))
    elif shape == "ring":
        painter.setBrush(outline)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(cx, cy), r * 0.38, r * 0.38)
    elif shape == "house":
        painter.setBrush(outline)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRect(QRectF(cx - r * 0.22, cy + r * 0.2, r * 0.44, r * 0.65))


def paint_event_symbol(painter: QPainter, kind: str, cx: float, cy: float, r: float) -> None:
    paint_symbol(
        painter,
        EVENT_SHAPES.get(kind, "hexagon"),
        QColor(EVENT_COLOURS.get(kind, "#7048a8")),
        cx,
        cy,
        r,
    )


def paint_site_symbol(painter: QPainter, kind: str, cx: float, cy: float, r: float) -> None:
    paint_symbol(
        painter,
        SITE_SHAPES.get(kind, "hexagon"),
        QColor(SITE_COLOURS.get(kind, "#495057")),
        cx,
        cy,
        r,
    )
