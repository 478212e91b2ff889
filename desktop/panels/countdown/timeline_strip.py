"""The strip under the countdown: decree periods as bars, gaps, milestones and "now".

It paints a ``db.decrees.timeline.Timeline`` as given (positions come from ``Timeline.fraction``); it
holds no dates of its own. Hovering a mark or bar shows its full text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from db.decrees.timeline import Timeline
from desktop.countdown_text import STATE_COLOURS, locale

BAR_COLOURS = {"past": "#9aa5b1", "future": "#8fb8d8"}  # current bars take the state colour
LAPSE_COLOUR = "#c62828"
NOW_COLOUR = "#d0021b"
MARK_COLOUR = "#1f3a5f"
PAST_MARK_COLOUR = "#7a8794"
MARGIN_PX = 14
LABEL_WIDTH_PX = 150
LABEL_LINE_PX = 17  # two lines of milestone labels above the bars
LABEL_LINES = 3
BARS_TOP_PX = LABEL_LINES * LABEL_LINE_PX + 8
ROW_PX = 26
AXIS_BELOW_PX = 46  # month labels, then the "now" tag


class TimelineStrip(QWidget):
    def __init__(self, lang: str = "es", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownTimeline")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._lang = lang
        self._timeline: Timeline | None = None
        self._scale = 1.0
        self._hits: list[tuple[QRectF, str]] = []  # hover areas → their full text
        self.setAccessibleName(
            QCoreApplication.translate("Countdown", "Timeline of decrees and milestones")
        )

    # -- data ----------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline) -> None:
        rows_changed = self._timeline is None or self._timeline.rows != timeline.rows
        self._timeline = timeline
        if rows_changed:
            self.updateGeometry()
            self.setFixedHeight(self.sizeHint().height())
        self.update()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    def _px(self, value: float) -> float:
        return value * self._scale

    def sizeHint(self) -> QSize:
        rows = max(1, self._timeline.rows if self._timeline else 1)
        height = self._px(BARS_TOP_PX + rows * ROW_PX + AXIS_BELOW_PX)
        return QSize(600, int(height))

    # -- painting ------------------------------------------------------------------------
    def _x(self, fraction: float) -> float:
        width = self.width() - 2 * MARGIN_PX
        return MARGIN_PX + max(0.0, min(1.0, fraction)) * width

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(9, round(self._px(px))))
        font.setBold(bold)
        return font

    def paintEvent(self, event) -> None:
        t = self._timeline
        if t is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._hits = []
        text_colour = self.palette().windowText().color()
        bars_top = self._px(BARS_TOP_PX)
        axis_y = bars_top + max(1, t.rows) * self._px(ROW_PX) + self._px(2)
        self._paint_bars(p, t, bars_top, self._px(ROW_PX))
        self._paint_marks(p, t, 0.0, axis_y)
        self._paint_axis(p, t, axis_y, text_colour)
        self._paint_now(p, t, bars_top, axis_y)
        p.end()

    def _paint_axis(self, p: QPainter, t: Timeline, y: float, colour: QColor) -> None:
        p.setPen(QPen(colour, 1))
        p.drawLine(QPointF(MARGIN_PX, y), QPointF(self.width() - MARGIN_PX, y))
        p.setFont(self._font(13))
        metrics = QFontMetricsF(p.font())
        loc = locale(self._lang)
        for i, tick in enumerate(t.ticks):
            x = self._x(t.fraction(tick.at))
            p.drawLine(QPointF(x, y), QPointF(x, y + self._px(6)))
            fmt = "MMM yyyy" if tick.day.month == 1 or i == 0 else "MMM"
            label = loc.toString(QDate(tick.day.year, tick.day.month, 1), fmt)
            if x + 3 + metrics.horizontalAdvance(label) <= self.width():
                p.drawText(QPointF(x + 3, y + self._px(19)), label)

    def _paint_bars(self, p: QPainter, t: Timeline, top: float, row_h: float) -> None:
        p.setFont(self._font(14, bold=True))
        metrics = QFontMetricsF(p.font())
        for period in t.periods:
            x0, x1 = self._x(t.fraction(period.starts_at)), self._x(t.fraction(period.ends_at))
            rect = QRectF(x0, top + period.row * row_h + 2, max(2.0, x1 - x0), row_h - 4)
            if period.phase == "current":
                fill, ink = (QColor(c) for c in STATE_COLOURS[period.state])
            else:
                fill = QColor(BAR_COLOURS[period.phase])
                ink = QColor("#ffffff" if period.phase == "past" else "#0b2540")
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fill)
            p.drawRoundedRect(rect, 3, 3)
            if period.phase == "current":  # the days already gone, a shade darker
                elapsed = QRectF(rect)
                elapsed.setRight(self._x(t.fraction(t.now)))
                p.setBrush(fill.darker(130))
                p.drawRoundedRect(elapsed, 3, 3)
            label = metrics.elidedText(period.number, Qt.TextElideMode.ElideRight, rect.width() - 8)
            p.setPen(ink)
            p.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, label)
            self._hits.append((rect, period.number))
        for lapse in t.lapses:
            x0, x1 = self._x(t.fraction(lapse.starts_at)), self._x(t.fraction(lapse.ends_at))
            rect = QRectF(x0, top + lapse.row * row_h, max(6.0, x1 - x0), row_h)
            p.setPen(QPen(QColor(LAPSE_COLOUR), 1.5))
            narrow = rect.width() < 16  # too narrow for hatching to read: fill it
            p.setBrush(
                QColor(LAPSE_COLOUR)
                if narrow
                else QBrush(QColor(LAPSE_COLOUR), Qt.BrushStyle.BDiagPattern)
            )
            p.drawRect(rect)
            text = QCoreApplication.translate("Countdown", "lapsed for {days} days").format(
                days=lapse.days
            )
            self._hits.append((rect.adjusted(-4, 0, 4, 0), text))

    def _paint_marks(self, p: QPainter, t: Timeline, top: float, axis_y: float) -> None:
        p.setFont(self._font(13))
        metrics = QFontMetricsF(p.font())
        line_h = self._px(LABEL_LINE_PX)
        for mark in t.marks:
            x = self._x(t.fraction(mark.at))
            colour = self._mark_colour(mark.past)
            if mark.all_day:
                x1 = self._x(t.fraction(mark.ends_at))
                # Not fillRect: matching its gradient overload builds QGradient's Python type,
                # 2 ms of the first paint (docs/architecture.md §12).
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawRect(QRectF(x, axis_y - self._px(6), max(2.0, x1 - x), self._px(6)))
            p.setPen(QPen(colour, 1.5, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, top + line_h * 0.5), QPointF(x, axis_y))
            self._hits.append((QRectF(x - 4, top, 8, axis_y - top), mark.title))
        # Labels: upcoming milestones first (soonest first), then past ones (latest first); each
        # takes the first free place on the label lines, right of its tick or else left of it.
        taken: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_LINES)]
        upcoming = [m for m in t.marks if not m.past]
        past = [m for m in reversed(t.marks) if m.past]
        for mark in upcoming + past:
            x = self._x(t.fraction(mark.at))
            label = metrics.elidedText(
                mark.title, Qt.TextElideMode.ElideRight, self._px(LABEL_WIDTH_PX)
            )
            width = metrics.horizontalAdvance(label) + 4
            spot = self._free_spot(taken, x, width)
            if spot is None:
                continue
            level, left = spot
            taken[level].append((left - 6, left + width + 6))
            p.setPen(self._mark_colour(mark.past))
            rect = QRectF(left, top + level * line_h, width, line_h)
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)

    def _mark_colour(self, past: bool) -> QColor:
        """Navy and grey on a light theme; on a dark one the palette's text and muted text."""
        palette = self.palette()
        if palette.color(QPalette.ColorRole.Window).lightness() >= 128:
            return QColor(PAST_MARK_COLOUR if past else MARK_COLOUR)
        role = QPalette.ColorRole.PlaceholderText if past else QPalette.ColorRole.WindowText
        return palette.color(role)

    def _free_spot(
        self, taken: list[list[tuple[float, float]]], x: float, width: float
    ) -> tuple[int, float] | None:
        for level, spans in enumerate(taken):
            for left in (x + 3, x - 3 - width):
                right = left + width
                if left < 0 or right > self.width():
                    continue
                if all(right <= a or left >= b for a, b in spans):
                    return level, left
        return None

    def _paint_now(self, p: QPainter, t: Timeline, top: float, axis_y: float) -> None:
        x = self._x(t.fraction(t.now))
        tag_top = axis_y + self._px(24)
        for pen in (QPen(self.palette().base().color(), 5), QPen(QColor(NOW_COLOUR), 2.5)):
            p.setPen(pen)  # a halo keeps the line visible across the bars
            p.drawLine(QPointF(x, top - self._px(4)), QPointF(x, tag_top))
        p.setFont(self._font(12, bold=True))
        label = QCoreApplication.translate("Countdown", "now")
        metrics = QFontMetricsF(p.font())
        width = metrics.horizontalAdvance(label) + self._px(10)
        box = QRectF(x - width / 2, tag_top, width, self._px(18))
        box.moveLeft(max(0.0, min(self.width() - width, box.left())))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(NOW_COLOUR))
        p.drawRoundedRect(box, 3, 3)
        p.setPen(QColor("#ffffff"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    # -- hover ---------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        texts = [text for rect, text in self._hits if rect.contains(pos)]
        if texts:
            QToolTip.showText(event.globalPosition().toPoint(), "\n".join(texts), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)
