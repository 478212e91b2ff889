"""Dated vertical lines across the chart (decrees in force or lapsing, milestones), each with a
short label; labels that would overlap are stacked in rows in a band at the top of the plot.

All the marks are one item that paints itself, in the plot's pixels: a line item and a text
item per mark made the chart's first paint and every resize re-lay out a dozen rich-text
documents (docs/architecture.md §12). The item sits among the plot's own items, above the bars and below the
lines, the "now" line and the cursor, as the line items did. Hovering a label shows its full
text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsObject

from db.flows.chart_ranges import ChartMark
from desktop.theme import Theme

MARK_ROW_PX = 14
MARK_ROWS_MAX = 4
MARK_LABEL_CHARS = 30
MARK_FONT_PT = 7.5
LABEL_PAD_PX = 4  # text inside its box
LABEL_TOP_PX = 2  # the first row's distance from the top of the plot


def _short(text: str) -> str:
    return text if len(text) <= MARK_LABEL_CHARS else text[: MARK_LABEL_CHARS - 1] + "…"


@dataclass(frozen=True)
class PlacedLabel:
    """A mark as drawn: its line's pixel, its label's box and text, and the full text."""

    x_px: float
    box: QRectF
    text: str
    full_text: str
    decree: bool


class MarkLines(QGraphicsObject):
    """Every mark of ``plot``, drawn over its view box (lines, then labels on their boxes).

    It lives in the view box's data coordinates like the plot's other items (so its z places
    it among them) and paints in the view box's pixels through ``_to_item``."""

    def __init__(self, plot: pg.PlotItem) -> None:
        super().__init__()
        self.plot = plot
        self.marks: list[tuple[ChartMark, str]] = []
        self.placed: list[PlacedLabel] = []
        self.band_px = 0  # the height the labels need at the top of the plot
        self.font = QFont()
        self.font.setPointSizeF(MARK_FONT_PT)
        self._metrics = QFontMetricsF(self.font)
        self._colours = {True: QColor("#cf222e"), False: QColor("#0b5cad")}
        self._fill = QColor(255, 255, 255, 230)
        self._scale = 1.0
        self._rect = QRectF()
        self._to_item = QTransform()  # view box pixels -> this item's (data) coordinates
        self.setZValue(3)  # bars 0, lines 5, mean 8, now 15, cursor 20 (flow_plot.py)
        self.setAcceptHoverEvents(True)
        plot.vb.addItem(self, ignoreBounds=True)
        plot.vb.sigRangeChanged.connect(self._view_moved)

    # -- the plot's API ------------------------------------------------------------------
    def show(self, marks: list[ChartMark], labels: list[str], theme: Theme, scale: float) -> None:
        self.marks = list(zip(marks, labels, strict=True))
        self.restyle(theme, scale)
        self.layout()

    def shown(self) -> list[tuple[float, str]]:
        """(x, label) of every mark, as its label reads."""
        return [(mark.x, _short(text)) for mark, text in self.marks]

    def restyle(self, theme: Theme, scale: float) -> None:
        self._colours = {True: QColor(theme.critical), False: QColor(theme.accent)}
        fill = QColor(theme.panel)
        fill.setAlpha(230)
        self._fill = fill
        self._scale = scale
        self.update()

    def layout(self) -> None:
        """Stack overlapping labels in rows at the top so none hides another; a label near
        the right edge turns to the left of its line."""
        vb = self.plot.vb
        x0, x1 = vb.viewRange()[0]
        right_edge = vb.width()
        rows: list[list[tuple[float, float]]] = []
        placed: list[PlacedLabel] = []
        for mark, full in self.marks:
            if not x0 <= mark.x <= x1:
                continue
            px = vb.mapFromView(QPointF(mark.x, 0)).x()
            text = _short(full)
            width = self._metrics.horizontalAdvance(text) + 2 * LABEL_PAD_PX
            leftwards = px + width > right_edge
            span = (px - width, px) if leftwards else (px, px + width)
            row = next(
                (
                    i
                    for i, used in enumerate(rows)
                    if all(span[1] < a or span[0] > b for a, b in used)
                ),
                None,
            )
            if row is None:
                row = len(rows) if len(rows) < MARK_ROWS_MAX else len(rows) - 1
                if row == len(rows):
                    rows.append([])
            rows[row].append(span)
            box = QRectF(span[0], LABEL_TOP_PX + MARK_ROW_PX * row, width, MARK_ROW_PX - 1)
            placed.append(PlacedLabel(px, box, text, full, mark.kind.startswith("decree")))
        self.placed = placed
        self.band_px = len(rows) * MARK_ROW_PX + 4 if rows else 0
        self._view_moved()

    def _view_moved(self, *_args) -> None:
        # The data coordinates move under the pixels with every pan, zoom and resize.
        to_item, _ok = self.plot.vb.itemTransform(self)
        rect = to_item.mapRect(QRectF(self.plot.vb.rect()))
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._to_item = to_item
        self.update()

    # -- drawing -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        height = self.plot.vb.height()
        painter.setTransform(self._to_item, True)  # from here on, the view box's pixels
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for label in self.placed:
            pen = QPen(self._colours[label.decree], self._scale)
            pen.setCosmetic(True)
            pen.setStyle(Qt.PenStyle.DashLine if label.decree else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(label.x_px, 0), QPointF(label.x_px, height))
        painter.setFont(self.font)
        for label in self.placed:
            painter.fillRect(label.box, self._fill)
            painter.setPen(self._colours[label.decree])
            painter.drawText(
                label.box.adjusted(LABEL_PAD_PX, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label.text,
            )

    # -- hover: the whole text of a shortened label --------------------------------------
    def hoverMoveEvent(self, event) -> None:
        at = self._to_item.inverted()[0].map(event.pos())
        under = next((p for p in reversed(self.placed) if p.box.contains(at)), None)
        self.setToolTip(under.full_text if under is not None else "")
