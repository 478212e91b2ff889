"""The briefing's 14-day flow chart, painted for paper (light style, print resolution).

Painted with QPainter straight onto a QImage: no pyqtgraph, no widget, so the CLI stays quick
and the picture is the same with or without a display. Stacked daily bars of the people who
crossed (regular, irregular), people stranded as a line on its own right-hand scale, dashed
lines at milestones and decree starts and ends, and below, on a small plot of their own with
their own legend, the flows that are not crossings (turned back, detained, assisted: never
stacked on the crossings; docs/architecture.md §4).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from db.briefing.rows import BriefingChart
from desktop.theme import DAY, OKABE_ITO

INK = QColor(DAY.text)
MUTED = QColor(DAY.muted)
GRID = QColor("#d8dde3")
DECREE = QColor(DAY.critical)
MILESTONE = QColor("#4b5563")
STOCK = QColor("#111111")
MARKER_LABEL_CHARS = 44


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 covering ``top`` (1, 2, 2.5 or 5 times a power of ten)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [i * step for i in range(int(math.ceil(top / step)) + 1)]


def _font(family: str, pt: float, scale: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(pt * scale)))
    font.setBold(bold)
    return font


def render_chart_image(
    chart: BriefingChart, width_px: int, height_px: int, dpi: int, family: str
) -> QImage:
    """The chart as a ``width_px``×``height_px`` image meant to print at ``dpi``."""
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    s = dpi / 72.0  # pixels per point
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    small, label = _font(family, 6.5, s), _font(family, 7, s)
    fm = QFontMetricsF(label)

    legend_h = 16 * s
    plot = QRectF(38 * s, legend_h + 4 * s, width_px - (38 + 34) * s, 0)
    plot.setBottom(height_px - 16 * s)
    others = None
    if chart.others:
        # The bars keep two thirds of the height; the other flows take the rest below.
        plot.setBottom(plot.top() + (height_px - 16 * s - plot.top()) * 0.66)
        others = QRectF(plot.left(), plot.bottom() + 26 * s, plot.width(), 0)
        others.setBottom(height_px - 4 * s)
    totals = [sum(v[i] for _c, _l, v in chart.series) for i in range(len(chart.days))]
    ticks = nice_ticks(max(totals, default=0) * 1.12)
    stock_values = [v for v in chart.stranded if v is not None]
    stock_ticks = nice_ticks(max(stock_values, default=0) * 1.12, 4)

    def y_of(value: float, top: float) -> float:
        return plot.bottom() - plot.height() * value / top

    # Grid and left (flow) scale.
    p.setFont(small)
    for tick in ticks:
        y = y_of(tick, ticks[-1])
        p.setPen(QPen(GRID, 0.6 * s))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(MUTED)
        p.drawText(
            QRectF(0, y - 6 * s, plot.left() - 4 * s, 12 * s),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{int(tick):,}",
        )
    p.save()
    p.translate(7 * s, plot.center().y())
    p.rotate(-90)
    p.drawText(
        QRectF(-plot.height() / 2, -6 * s, plot.height(), 12 * s),
        Qt.AlignmentFlag.AlignCenter,
        chart.axis_label,
    )
    p.restore()

    # Stacked bars, one slot per day.
    n = max(1, len(chart.days))
    slot = plot.width() / n
    bar_w = slot * 0.64
    for i in range(len(chart.days)):
        base = 0.0
        for code, _label, values in chart.series:
            value = values[i]
            if value <= 0:
                continue
            top_y, bottom_y = y_of(base + value, ticks[-1]), y_of(base, ticks[-1])
            rect = QRectF(
                plot.left() + i * slot + (slot - bar_w) / 2, top_y, bar_w, bottom_y - top_y
            )
            p.fillRect(rect, QColor(OKABE_ITO.get(code, "#888888")))
            base += value
    p.setPen(QPen(INK, 0.8 * s))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())

    # Day labels.
    p.setFont(small)
    p.setPen(INK)
    for i, text in enumerate(chart.day_labels):
        x = plot.left() + i * slot
        p.drawText(
            QRectF(x, plot.bottom() + 2 * s, slot, 10 * s),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            text,
        )

    # Stock line on the right-hand scale.
    if stock_values:
        p.setPen(MUTED)
        for tick in stock_ticks:
            y = y_of(tick, stock_ticks[-1])
            p.drawText(
                QRectF(plot.right() + 4 * s, y - 6 * s, 30 * s, 12 * s),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{int(tick):,}",
            )
        p.save()
        p.translate(width_px - 5 * s, plot.center().y())
        p.rotate(90)
        p.drawText(
            QRectF(-plot.height() / 2, -6 * s, plot.height(), 12 * s),
            Qt.AlignmentFlag.AlignCenter,
            chart.stock_axis_label,
        )
        p.restore()
        points = [
            QPointF(plot.left() + (i + 0.5) * slot, y_of(v, stock_ticks[-1]))
            for i, v in enumerate(chart.stranded)
            if v is not None
        ]
        p.setPen(QPen(QColor("white"), 3.2 * s))
        p.drawPolyline(points)
        p.setPen(QPen(STOCK, 1.3 * s))
        p.drawPolyline(points)
        p.setBrush(QColor("white"))
        for point in points:
            p.drawEllipse(point, 1.8 * s, 1.8 * s)

    # Milestones and decree dates: dashed lines at the start of their day, labels staggered.
    p.setFont(label)
    lanes: list[float] = []  # the right end of the last label in each lane
    for marker in chart.markers:
        i = chart.days.index(marker.day)
        x = plot.left() + i * slot
        colour = DECREE if marker.kind == "decree" else MILESTONE
        pen = QPen(colour, 0.9 * s, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        text = marker.label
        if len(text) > MARKER_LABEL_CHARS:
            text = text[: MARKER_LABEL_CHARS - 1].rstrip() + "…"
        w = fm.horizontalAdvance(text) + 4 * s
        left = x + 2 * s
        if left + w > plot.right():  # near the right edge: put the label to the line's left
            left = x - 2 * s - w
        lane = next((k for k, end in enumerate(lanes) if end < left), len(lanes))
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = left + w
        box = QRectF(left, plot.top() + 2 * s + lane * (fm.height() + 2 * s), w, fm.height())
        p.fillRect(box, QColor(255, 255, 255, 230))
        p.setPen(colour)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # Legend along the top.
    x = plot.left()
    p.setFont(label)
    for code, text, _values in chart.series:
        p.fillRect(QRectF(x, 4 * s, 8 * s, 8 * s), QColor(OKABE_ITO.get(code, "#888888")))
        p.setPen(INK)
        p.drawText(QPointF(x + 11 * s, 4 * s + fm.ascent() - 0.5 * s), text)
        x += 11 * s + fm.horizontalAdvance(text) + 10 * s
    if stock_values:
        y = 8 * s
        p.setPen(QPen(STOCK, 1.3 * s))
        p.drawLine(QPointF(x, y), QPointF(x + 12 * s, y))
        p.setBrush(QColor("white"))
        p.drawEllipse(QPointF(x + 6 * s, y), 1.8 * s, 1.8 * s)
        p.setPen(INK)
        p.drawText(QPointF(x + 15 * s, 4 * s + fm.ascent() - 0.5 * s), chart.stranded_label)
    if others is not None:
        _draw_others(p, chart, others, s, small, label)
    p.end()
    return image


def _draw_others(
    p: QPainter, chart: BriefingChart, area: QRectF, s: float, small: QFont, label: QFont
) -> None:
    """The flows that are not crossings: one line each on a scale of their own, in ``area``,
    with their own legend above it."""
    fm = QFontMetricsF(label)
    top = max((max(v, default=0) for _c, _l, v in chart.others), default=0)
    ticks = nice_ticks(top * 1.12, 3)

    def y_of(value: float) -> float:
        return area.bottom() - area.height() * value / ticks[-1]

    p.setFont(small)
    for tick in ticks:
        y = y_of(tick)
        p.setPen(QPen(GRID, 0.6 * s))
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        p.setPen(MUTED)
        p.drawText(
            QRectF(0, y - 6 * s, area.left() - 4 * s, 12 * s),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{int(tick):,}",
        )
    n = max(1, len(chart.days))
    slot = area.width() / n
    for code, _text, values in chart.others:
        colour = QColor(OKABE_ITO.get(code, "#888888"))
        points = [QPointF(area.left() + (i + 0.5) * slot, y_of(v)) for i, v in enumerate(values)]
        p.setPen(QPen(colour, 1.3 * s))
        p.drawPolyline(points)
        p.setBrush(colour)
        for point in points:
            p.drawEllipse(point, 1.4 * s, 1.4 * s)
    p.setPen(QPen(INK, 0.8 * s))
    p.drawLine(area.bottomLeft(), area.bottomRight())
    # Legend above the small plot: what it is, then each line.
    p.setFont(label)
    baseline = area.top() - 6 * s
    p.setPen(INK)
    p.drawText(QPointF(area.left(), baseline), chart.others_label)
    x = area.left() + fm.horizontalAdvance(chart.others_label) + 8 * s
    for code, text, _values in chart.others:
        colour = QColor(OKABE_ITO.get(code, "#888888"))
        y = baseline - fm.ascent() / 2 + 0.5 * s
        p.setPen(QPen(colour, 1.3 * s))
        p.drawLine(QPointF(x, y), QPointF(x + 12 * s, y))
        p.setBrush(colour)
        p.drawEllipse(QPointF(x + 6 * s, y), 1.4 * s, 1.4 * s)
        p.setPen(INK)
        p.drawText(QPointF(x + 15 * s, baseline), text)
        x += 15 * s + fm.horizontalAdvance(text) + 10 * s
