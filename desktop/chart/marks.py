"""Dated vertical lines across the chart (decrees in force or lapsing, milestones), each with a
short label; labels that would overlap are stacked in rows in a band at the top of the plot.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from db.chart_ranges import ChartMark
from desktop.chart.pyqtgraph_loader import pg
from desktop.theme import Theme

MARK_ROW_PX = 14
MARK_ROWS_MAX = 4
MARK_LABEL_CHARS = 30
MARK_FONT_PT = 7.5


def _short(text: str) -> str:
    return text if len(text) <= MARK_LABEL_CHARS else text[: MARK_LABEL_CHARS - 1] + "…"


class MarkLines:
    """A pool of ``InfiniteLine``s on ``plot``: it grows when more marks appear, lines are
    reused and hidden, never re-created on each refresh."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.lines: list[pg.InfiniteLine] = []
        self.marks: list[tuple[ChartMark, str]] = []
        self.band_px = 0  # the height the labels need at the top of the plot
        self.font = QFont()
        self.font.setPointSizeF(MARK_FONT_PT)

    def show(self, marks: list[ChartMark], labels: list[str], theme: Theme, scale: float) -> None:
        while len(self.lines) < len(marks):
            line = pg.InfiniteLine(
                angle=90,
                movable=False,
                label="",
                # Text starts at its line and runs right; its row is set by layout().
                labelOpts={"position": 0.99, "anchors": [(0, 0), (0, 0)]},
            )
            line.label.setFont(self.font)
            line.setZValue(3)
            self.plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
        self.marks = list(zip(marks, labels, strict=True))
        for i, line in enumerate(self.lines):
            if i >= len(marks):
                line.hide()
                continue
            mark, text = self.marks[i]
            line.setValue(mark.x)
            line.label.format = _short(text).replace("{", "{{").replace("}", "}}")
            line.label.setToolTip(text)
            line.show()
            line.label.valueChanged()
        self.restyle(theme, scale)
        self.layout()

    def restyle(self, theme: Theme, scale: float) -> None:
        for line, (mark, _text) in zip(self.lines, self.marks, strict=False):
            decree = mark.kind.startswith("decree")
            colour = theme.critical if decree else theme.accent
            style = Qt.PenStyle.DashLine if decree else Qt.PenStyle.DotLine
            line.setPen(pg.mkPen(colour, width=scale, style=style))
            line.label.setColor(colour)
            line.label.fill = pg.mkBrush(theme.panel + "e6")

    def layout(self) -> None:
        """Stack overlapping labels in rows at the top so none hides another; a label near
        the right edge turns to the left of its line."""
        vb = self.plot.vb
        height = max(vb.height(), 1.0)
        right_edge = vb.sceneBoundingRect().right()
        x0, x1 = vb.viewRange()[0]
        metrics = QFontMetricsF(self.font)
        rows: list[list[tuple[float, float]]] = []
        for line, (mark, _text) in zip(self.lines, self.marks, strict=False):
            if not x0 <= mark.x <= x1:
                continue
            px = vb.mapViewToScene(QPointF(mark.x, 0)).x()
            width = metrics.horizontalAdvance(line.label.textItem.toPlainText()) + 10
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
            anchor = (1, 0) if leftwards else (0, 0)
            line.label.anchors = [anchor, anchor]
            line.label.orthoPos = 1 - (MARK_ROW_PX * row + 2) / height
            line.label.updatePosition()
        self.band_px = len(rows) * MARK_ROW_PX + 4 if rows else 0
