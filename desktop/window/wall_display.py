"""View → Wall display (F11): the picture for the wall screen, full screen and read-only.

The map, the decree countdown, the flow chart and the key figures in large type, with the
clock (and EXERCISE when the clock is not live) across the top. Its panels are new instances in
read-only mode: nothing on it enters, corrects or deletes anything, so it can hang on a screen
nobody types at. It goes on a second screen when there is one, so the operator keeps working in
the main window; Esc or F11 closes it. It follows the store and the exercise clock exactly as
the main window does (same watcher, same clock signals), in its own theme (night by default:
a dark wall does not glare in a dim command post).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from db.clock import wall_time
from desktop import settings
from desktop.context import AppContext
from desktop.countdown_text import STATE_COLOURS, zone_label
from desktop.formatting import fmt_date_long
from desktop.panels.countdown.panel import CountdownPanel
from desktop.theme import NIGHT, Theme, palette, stylesheet, theme_named
from desktop.window.figures_strip import FiguresStrip

if TYPE_CHECKING:
    from desktop.panel import Panel

TICK_MS = 1000
CLOSE_KEYS = ("Esc", "F11")


DESIGN_WIDTH_PX = 1920  # type sizes below are for a full-HD wall screen
MIN_TYPE_SCALE = 0.4


def wall_stylesheet(theme: Theme, scale: float = 1.0) -> str:
    """The theme's stylesheet with the type sized for reading across a room (``scale``: the
    screen's width against full HD, so a smaller screen still takes the whole picture).

    The wall may wear another theme than the application: under a style sheet a widget's
    palette comes from the sheet, not from its window's palette, so the widgets that paint
    with palette colours (the countdown's cards and timeline) get theirs here."""

    def px(size: float) -> int:
        return max(9, round(size * scale))

    return (
        stylesheet(theme)
        + f"""
    QWidget#wallDisplay {{ background: {theme.window}; }}
    ChainRow {{ background-color: {theme.panel}; }}
    TimelineStrip, MilestoneList {{ background-color: {theme.window}; }}
    QLabel#wallTitle, QLabel#wallClock {{ font-size: {px(28)}px; font-weight: bold; }}
    QLabel#wallExercise {{ font-size: {px(28)}px; }}
    QLabel#figureCaption {{ font-size: {px(19)}px; }}
    QLabel#figureValue {{ font-size: {px(46)}px; font-weight: bold; }}
    QLabel#figureChange {{ font-size: {px(16)}px; }}
    QLabel#illustrativeFlag {{ font-size: {px(18)}px; }}
    """
    )


class WallDisplay(QWidget):
    """A top-level window of read-only panels; ``closed`` is emitted when it goes."""

    closed = Signal()

    def __init__(self, ctx: AppContext, beside: QWidget | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("wallDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.beside = beside
        theme = theme_named(settings.get("wall/theme"), NIGHT)
        self.ctx = ctx.view(theme=theme)
        self.setWindowTitle(
            self.tr("Situation Room — wall display — {station}").format(
                station=ctx.store.station_name
            )
        )
        self.theme = theme
        self.setPalette(palette(theme))
        self.setStyleSheet(wall_stylesheet(theme))
        self.setAutoFillBackground(True)
        self._build()
        for keys in CLOSE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.close)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.show_clock)
        self._tick.start()
        self.ctx.clock_signals.moved.connect(self.show_clock)
        self.show_clock()

    def _build(self) -> None:
        # The wall's own panels load with it, not with the main window (pyqtgraph, numpy).
        from desktop.panels.chart.panel import ChartPanel
        from desktop.panels.map.panel import MapPanel

        ctx = self.ctx
        self.figures = FiguresStrip(ctx, self)
        for tile in self.figures.tiles.values():
            # On a screen narrower than the type was sized for, captions clip rather than
            # push the wall wider than the screen.
            for label in (tile.caption, tile.change):
                label.setMinimumWidth(1)
        self.title = QLabel(
            self.tr("Situation Room · {station}").format(station=ctx.store.station_name)
        )
        self.title.setObjectName("wallTitle")
        self.exercise = QLabel(self.tr("EXERCISE"))
        self.exercise.setObjectName("wallExercise")
        background, foreground = STATE_COLOURS["critical"]
        self.exercise.setStyleSheet(
            f"QLabel#wallExercise {{ background: {background}; color: {foreground};"
            " font-weight: bold; border-radius: 4px; padding: 2px 14px; }"
        )
        self.clock = QLabel()
        self.clock.setObjectName("wallClock")
        header = QHBoxLayout()
        header.setContentsMargins(12, 6, 12, 0)
        header.addWidget(self.title)
        header.addSpacing(24)
        header.addWidget(self.figures.flag, 1)  # one line across the top, not a narrow column
        header.addSpacing(16)
        header.addWidget(self.exercise)
        header.addSpacing(16)
        header.addWidget(self.clock)

        self.map = MapPanel(ctx, read_only=True)
        self.countdown = CountdownPanel(ctx, read_only=True)
        self.chart = ChartPanel(ctx, read_only=True)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.countdown)
        right.addWidget(self.chart)
        right.setStretchFactor(0, 11)
        right.setStretchFactor(1, 9)
        right.setSizes([550, 450])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.map)
        body.addWidget(right)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setSizes([1000, 900])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(header)
        column.addWidget(self.figures)
        column.addWidget(body, 1)
        self.panels: dict[str, Panel] = {
            "map": self.map,
            "countdown": self.countdown,
            "chart": self.chart,
        }
        # What each panel puts off until it is on screen (the chart's earlier years, the
        # map's panning margin), as the main window does once it is whole.
        QTimer.singleShot(0, self, self._finish_start)

    def _finish_start(self) -> None:
        for panel in self.panels.values():
            panel.after_start()

    def show_clock(self) -> None:
        """The post's time (no store access: it ticks every second)."""
        wall = wall_time(self.ctx.clock.now(), self.ctx.tz)
        self.clock.setText(
            self.tr("{day} · {time} {zone}").format(
                day=fmt_date_long(wall.local.date(), self.ctx.lang),
                time=wall.local.strftime("%H:%M"),
                zone=zone_label(self.ctx.tz),
            )
        )
        self.exercise.setVisible(self.ctx.exercise)

    def target_screen(self):
        """A screen other than the main window's when there is one; else the same screen."""
        screens = QGuiApplication.screens()
        own = self.beside.screen() if self.beside is not None else None
        others = [s for s in screens if s is not own]
        return others[0] if others else (own or QGuiApplication.primaryScreen())

    def show_on_screen(self) -> None:
        screen = self.target_screen()
        if screen is not None:
            scale = screen.geometry().width() / DESIGN_WIDTH_PX
            self.setStyleSheet(wall_stylesheet(self.theme, max(MIN_TYPE_SCALE, min(1.5, scale))))
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    @property
    def ready(self) -> bool:
        return self.figures.ready and all(p.ready for p in self.panels.values())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tick.stop()
        self.ctx.release()
        self.closed.emit()
        super().closeEvent(event)
