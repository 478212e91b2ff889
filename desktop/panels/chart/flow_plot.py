"""The chart's drawing surface: every plot item made once, fed new arrays by ``show``.

Layout (one pyqtgraph scene, so a PNG export carries all of it): a header row (title on the
left, the illustrative flag on the right), the plot (the crossings stacked on the left axis,
people stranded on a second view box with the right axis), its legend, then a smaller plot of
the flows that are not crossings (turned back, detained, assisted: lines, each its own count,
never stacked on the crossings; docs/architecture.md §4) with its own caption and legend.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem

from db.flows.chart_data import OTHER_KEYS, SECONDS_PER_DAY, ChartData
from db.flows.chart_ranges import ChartMark
from db.vocab import CROSSING_CATEGORIES, DIRECTIONS
from desktop.panels.chart.axis import PostDateAxis
from desktop.panels.chart.marks import MarkLines
from desktop.theme import Theme

QWIDGETSIZE_MAX = 16_777_215  # Qt's "no maximum"
BAR_WIDTH_DAYS = 0.78
THICK_LINE_MAX_DAYS = (
    120  # wider pens only while few points are on screen (docs/architecture.md §11)
)
FAR_FUTURE_S = 4.1e9  # 2099: the right edge of the "not yet known" shading
LEGEND_TEXT_SIZE = "8pt"
LEGEND_ENTRY_PX = 125  # room one legend entry needs: the legend takes as many columns as fit
Y_HEADROOM = 1.04
Y_SHRINK_AT = 1.25
STOCK_AXIS_MIN = 20  # a handful of people stranded reads as a handful, not as a full scale
OTHER_AXIS_MIN = 10
# Below this height the plot of the other flows would leave no room for the crossings: it
# steps aside (the cursor read-out under the chart still gives each of them).
COMPACT_BELOW_PX = 300
# Every key a bar can stand for: crossings by category, or by direction.
BAR_KEYS = (*CROSSING_CATEGORIES, *DIRECTIONS)


def _set_top(view: pg.ViewBox, top: float) -> None:
    """Raise the top of ``view``'s y range whenever a bar would not fit, lower it only when a
    quarter of the height stands empty: panning past one tall day must not redraw both y axes
    on every frame."""
    current = view.viewRange()[1][1]
    if not (top <= current <= top * Y_SHRINK_AT):
        view.setYRange(0, top, padding=0)


class FlowPlot(pg.GraphicsLayoutWidget):
    """Emits ``hovered(x)`` with the wall-clock second under the mouse (NaN when it leaves)."""

    hovered = Signal(float)

    def __init__(self, lang: str, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("flowPlot")
        self.theme = theme
        self.line_scale = 1.0  # pens are cosmetic (pixels): a print at 2× asks for 2
        self.ci.setContentsMargins(6, 4, 10, 4)
        self.ci.setSpacing(2)
        header = self.ci.addLayout(row=0, col=0)
        header.setContentsMargins(0, 0, 0, 0)
        self.title = pg.LabelItem(justify="left")
        self.flag = pg.LabelItem(justify="right")
        header.addItem(self.title, 0, 0)
        header.addItem(self.flag, 0, 1)
        self.axis = PostDateAxis(lang)
        # No pyqtgraph context menu (the chart has its own controls): not even built.
        self.plot: pg.PlotItem = self.ci.addPlot(
            row=1, col=0, axisItems={"bottom": self.axis}, enableMenu=False
        )
        self.legend = pg.LegendItem(
            colCount=4, horSpacing=14, verSpacing=-8, labelTextSize=LEGEND_TEXT_SIZE
        )
        self.ci.addItem(self.legend, row=2, col=0)
        self.others_header = others_header = self.ci.addLayout(row=3, col=0)
        others_header.setContentsMargins(0, 0, 0, 0)
        self.others_title = pg.LabelItem(justify="left")
        self.others_legend = pg.LegendItem(
            colCount=3, horSpacing=14, verSpacing=-8, labelTextSize=LEGEND_TEXT_SIZE
        )
        others_header.addItem(self.others_title, 0, 0)
        others_header.addItem(self.others_legend, 0, 1)
        self.others_axis = PostDateAxis(lang)
        self.others_plot: pg.PlotItem = self.ci.addPlot(
            row=4, col=0, axisItems={"bottom": self.others_axis}, enableMenu=False
        )
        self.ci.layout.setRowStretchFactor(1, 10)
        self.ci.layout.setRowStretchFactor(4, 3)
        self._build_plot()
        self._build_items()
        self._thick: bool | None = None
        self.compact = False
        self._other_top = np.zeros(0)
        self._top = np.zeros(0)
        self._mean = np.zeros(0)
        self._stock = np.zeros(0)
        self._x = np.zeros(0)
        self.apply_theme(theme)

    # -- construction --------------------------------------------------------------------
    def _build_plot(self) -> None:
        p = self.plot
        p.setMenuEnabled(False)
        p.hideButtons()
        p.showGrid(x=False, y=True, alpha=0.25)
        # One grid, from the flows axis: the stranded axis has a scale of its own, and a second
        # grid would double the lines and the cost of every repaint.
        p.getAxis("right").setGrid(False)
        p.setMouseEnabled(x=True, y=False)
        p.showAxis("right")
        self.stock_view = pg.ViewBox(enableMenu=False)
        self.stock_view.setMouseEnabled(x=True, y=False)
        p.scene().addItem(self.stock_view)
        # Above the whole layout (a top-level scene item is ordered against the layout, not
        # against the plot's own view), so the stranded line is never hidden behind a bar.
        self.stock_view.setZValue(10)
        p.getAxis("right").linkToView(self.stock_view)
        self.stock_view.setXLink(p)
        p.vb.sigResized.connect(self._sync_views)
        p.vb.sigXRangeChanged.connect(self._x_range_changed)
        p.scene().sigMouseMoved.connect(self._mouse_moved)
        for name in ("left", "right", "bottom"):
            axis = p.getAxis(name)
            axis.setStyle(tickLength=-4, autoExpandTextSpace=True)
            # Replaying an axis' picture re-lays out its text each frame (~5 ms); cached as a
            # pixmap it is a copy, and the y axes do not change while the operator pans.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        o = self.others_plot
        o.setMenuEnabled(False)
        o.hideButtons()
        o.showGrid(x=False, y=True, alpha=0.25)
        o.setMouseEnabled(x=True, y=False)
        o.showAxis("right")
        o.getAxis("right").setStyle(showValues=False)
        o.setXLink(p)
        # The dates are read under the crossings; here the days line up with the bars above.
        o.getAxis("bottom").setStyle(showValues=False)
        o.getAxis("bottom").setHeight(4)
        for name in ("left", "right", "bottom"):
            o.getAxis(name).setStyle(tickLength=-4)
            o.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _build_items(self) -> None:
        p = self.plot
        self.future = pg.LinearRegionItem(
            (0, FAR_FUTURE_S), movable=False, pen=pg.mkPen(None), span=(0, 1)
        )
        self.future.setZValue(-20)
        p.addItem(self.future, ignoreBounds=True)
        self.others_future = pg.LinearRegionItem(
            (0, FAR_FUTURE_S), movable=False, pen=pg.mkPen(None), span=(0, 1)
        )
        self.others_future.setZValue(-20)
        self.others_plot.addItem(self.others_future, ignoreBounds=True)
        self.bars: dict[str, pg.BarGraphItem] = {}
        for code in BAR_KEYS:
            bar = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH_DAYS * SECONDS_PER_DAY)
            bar.setZValue(0)
            p.addItem(bar)
            self.bars[code] = bar
        self.others: dict[str, pg.PlotDataItem] = {}
        for code in OTHER_KEYS:
            curve = pg.PlotDataItem(connect="finite", symbolSize=4)
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setZValue(5)
            self.others_plot.addItem(curve)
            self.others[code] = curve
        self.mean = self._curve(z=8)
        self.stranded = pg.PlotDataItem(connect="finite", symbolSize=4)
        self.stranded.setClipToView(True)
        self.stranded.setDownsampling(auto=True, method="peak")
        self.stranded.setZValue(9)
        self.stock_view.addItem(self.stranded)
        self.now_line = pg.InfiniteLine(angle=90, movable=False)
        self.now_line.setZValue(15)
        p.addItem(self.now_line, ignoreBounds=True)
        self.cursor = pg.InfiniteLine(angle=90, movable=False)
        self.cursor.setZValue(20)
        self.cursor.hide()
        p.addItem(self.cursor, ignoreBounds=True)
        self.others_cursor = pg.InfiniteLine(angle=90, movable=False)
        self.others_cursor.setZValue(20)
        self.others_cursor.hide()
        self.others_plot.addItem(self.others_cursor, ignoreBounds=True)
        self.others_now = pg.InfiniteLine(angle=90, movable=False)
        self.others_now.setZValue(15)
        self.others_plot.addItem(self.others_now, ignoreBounds=True)
        self.marks = MarkLines(p)

    def _curve(self, z: float) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(connect="finite")
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        curve.setZValue(z)
        self.plot.addItem(curve)
        return curve

    def apply_theme(self, theme: Theme, line_scale: float = 1.0) -> None:
        """Colours of ``theme``; line widths times ``line_scale`` (for print)."""
        self.theme = theme
        self.line_scale = line_scale
        t = theme
        self.setBackground(t.panel)
        for plot in (self.plot, self.others_plot):
            for name in ("left", "right", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(t.border))
                axis.setTextPen(pg.mkPen(t.muted))
        for region in (self.future, self.others_future):
            region.setBrush(pg.mkBrush(t.muted + "22"))
        for code, bar in self.bars.items():
            colour = t.categories[code] if code in t.categories else t.directions[code]
            bar.setOpts(brush=pg.mkBrush(colour), pen=pg.mkPen(None))
        k = self.line_scale
        for line in (self.now_line, self.others_now):
            line.setPen(pg.mkPen(t.text, width=k, style=Qt.PenStyle.DashLine))
        for line in (self.cursor, self.others_cursor):
            line.setPen(pg.mkPen(t.muted, width=k, style=Qt.PenStyle.DotLine))
        self.legend.setLabelTextColor(t.text)
        self.others_legend.setLabelTextColor(t.text)
        self._thick = self.visible_days() <= THICK_LINE_MAX_DAYS
        self._style_lines()
        self.marks.restyle(theme, line_scale)

    def _style_lines(self) -> None:
        thick = self._thick
        width = (2 if thick else 1) * self.line_scale
        t = self.theme
        for code, line in self.others.items():
            colour = t.categories[code]
            line.setPen(pg.mkPen(colour, width=width))
            line.setSymbol("o" if thick else None)
            line.setSymbolPen(pg.mkPen(colour))
            line.setSymbolBrush(pg.mkBrush(colour))
        self.mean.setPen(pg.mkPen(t.text, width=width))
        colour = t.categories["stranded"]
        # A halo keeps the stranded line readable where it crosses bars of a similar blue.
        self.stranded.setPen(pg.mkPen(colour, width=width))
        self.stranded.setShadowPen(
            pg.mkPen(t.panel, width=width + 2 * self.line_scale) if thick else None
        )
        # Dots mark each reading while they can be told apart; over years they would only
        # cost time (the scatter is rebuilt on every pan).
        self.stranded.setSymbol("o" if thick else None)
        self.stranded.setSymbolPen(pg.mkPen(colour))
        self.stranded.setSymbolBrush(pg.mkBrush(colour))

    # -- data ----------------------------------------------------------------------------
    def show(self, data: ChartData, shown: list[str], others: list[str]) -> None:
        """Draw ``data``: bars of the ``shown`` crossings stacked, lines of the ``others``."""
        x = data.x + SECONDS_PER_DAY / 2  # each day's value sits in the middle of its day
        self._x = x
        empty = np.zeros(0)
        stack = data.stacked([c for c in data.keys if c in shown])
        for code, bar in self.bars.items():
            bar.setVisible(code in stack)
            bottom, height = stack.get(code, (empty, empty))
            bar.setOpts(x=x if code in stack else empty, y0=bottom, height=height)
        self._top = data.total(shown).astype(np.float64) if shown else x * 0
        for code, line in self.others.items():
            line.setVisible(code in others)
            line.setData(x, data.flows[code].astype(np.float64))
        self._other_top = (
            np.max([data.flows[c] for c in others], axis=0).astype(np.float64) if others else x * 0
        )
        mean = data.mean(shown) if shown else np.full(len(x), np.nan)
        self.mean.setData(x, mean)
        self._mean = mean
        finite = ~np.isnan(data.stranded)
        self.stranded.setData(x[finite], data.stranded[finite])
        self._stock = data.stranded
        now_x = data.now_x
        self.now_line.setValue(now_x)
        self.others_now.setValue(now_x)
        for region in (self.future, self.others_future):
            region.setRegion((now_x, FAR_FUTURE_S))
        self._fit_y()

    def set_marks(self, marks: list[ChartMark], labels: list[str]) -> None:
        """Vertical lines for decrees and milestones; labels sit in a band above the bars."""
        self.marks.show(marks, labels, self.theme, self.line_scale)
        self._fit_y()

    def set_limits(self, x_min: float, x_max: float) -> None:
        self.plot.vb.setLimits(xMin=x_min, xMax=x_max, minXRange=2 * SECONDS_PER_DAY)

    def fit_legend(self) -> None:
        """As many legend columns as the width holds, so a wide chart has a one-line legend."""
        others = self.others_legend
        room = self.width() - self.others_title.item.boundingRect().width()
        for legend, width in ((self.legend, self.width()), (others, room)):
            entries = max(1, len(legend.items))
            widest = max(
                (label.item.boundingRect().width() for _sample, label in legend.items),
                default=0.0,
            )
            entry = max(LEGEND_ENTRY_PX, widest + 34)  # the sample and the spacing beside it
            columns = max(1, min(entries, int(width / entry)))
            if columns != legend.columnCount:
                legend.setColumnCount(columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "legend"):  # pyqtgraph resizes once while it is being built
            self.set_compact(self.height() < COMPACT_BELOW_PX)
            self.fit_legend()
            # Laid out now, not on the next event: a print export lays the plot out at its
            # own size and paints it in one go (desktop/panels/chart/export.py).
            for layout in (
                self.ci.layout,
                self.others_header.layout,
                self.legend.layout,
                self.others_legend.layout,
            ):
                layout.activate()

    def set_compact(self, compact: bool) -> None:
        """Fold the other flows' plot away (``compact``) or give it its rows back."""
        if compact == self.compact:
            return
        self.compact = compact
        for item in (self.others_header, self.others_plot):
            item.setVisible(not compact)
            item.setMaximumHeight(0 if compact else QWIDGETSIZE_MAX)
        self.ci.layout.setRowSpacing(3, 0)

    # -- view ----------------------------------------------------------------------------
    def _sync_views(self) -> None:
        self.stock_view.setGeometry(self.plot.vb.sceneBoundingRect())
        self.stock_view.linkedViewChanged(self.plot.vb, self.stock_view.XAxis)
        self.marks.layout()
        # The plot below keeps its days under the bars: its y axes as wide as the ones above.
        for name in ("left", "right"):
            width = self.plot.getAxis(name).width()
            if self.others_plot.getAxis(name).width() != width:
                self.others_plot.getAxis(name).setWidth(width)
        self._fit_y()

    def visible_days(self) -> float:
        x0, x1 = self.plot.vb.viewRange()[0]
        return (x1 - x0) / SECONDS_PER_DAY

    def _x_range_changed(self, *_args) -> None:
        thick = self.visible_days() <= THICK_LINE_MAX_DAYS
        if thick != self._thick:
            self._thick = thick
            self._style_lines()
        self.marks.layout()
        self._fit_y()

    def _fit_y(self) -> None:
        """Fit both y axes to the days on screen (bars do not report their visible extent)."""
        if len(self._x) == 0:
            return
        x0, x1 = self.plot.vb.viewRange()[0]
        on_screen = (self._x >= x0) & (self._x <= x1)
        if not on_screen.any():
            on_screen = np.ones(len(self._x), dtype=bool)
        tops = [self._top[on_screen], np.nan_to_num(self._mean[on_screen])]
        top = max(float(np.max(t)) if len(t) else 0.0 for t in tops)
        # Leave the band at the top free for the marks' labels.
        free = 1 - min(self.marks.band_px / max(self.plot.vb.height(), 1.0), 0.5)
        _set_top(self.plot.vb, max(top * Y_HEADROOM, 10) / free)
        stock = self._stock[on_screen]
        stock_top = float(np.nanmax(stock)) if np.isfinite(stock).any() else 0.0
        _set_top(self.stock_view, max(stock_top * 1.25, STOCK_AXIS_MIN) / free)
        others = self._other_top[on_screen] if len(self._other_top) == len(self._x) else []
        other_top = float(np.max(others)) if len(others) else 0.0
        _set_top(self.others_plot.vb, max(other_top * Y_HEADROOM * 1.1, OTHER_AXIS_MIN))

    def _mouse_moved(self, pos: QPointF) -> None:
        vb = next(
            (v for v in (self.plot.vb, self.others_plot.vb) if v.sceneBoundingRect().contains(pos)),
            None,
        )
        if vb is None:
            self.cursor.hide()
            self.others_cursor.hide()
            self.hovered.emit(float("nan"))
            return
        x = vb.mapSceneToView(pos).x()
        day_start = np.floor(x / SECONDS_PER_DAY) * SECONDS_PER_DAY
        for cursor in (self.cursor, self.others_cursor):
            cursor.setValue(day_start + SECONDS_PER_DAY / 2)
            cursor.show()
        self.hovered.emit(float(x))
