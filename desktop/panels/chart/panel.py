"""The flow chart panel: daily crossings (stacked), people stranded, the 7-day mean, the flows
that are not crossings on a plot of their own, decrees and milestones.

Everything it draws comes from ``db.flows.chart_data`` and ``db.flows.chart_ranges``; the panel chooses
what to ask for (crossing, grouping, range) and feeds the plot's existing items. It re-reads on
every store change and clock move (``refresh``), and keeps the operator's zoom unless a range
preset is on, in which case the preset follows the clock (the last 7 days stay the last 7).
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGraphicsObject,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db.decrees.known import known_at
from db.flows.chart_data import ChartData, day_at
from db.flows.chart_export import ALL_SITES
from db.flows.chart_ranges import (
    OPENING_READ_DAYS,
    ChartMark,
    chart_marks,
    default_preset,
    preset_range,
    range_seconds,
    view_limits,
)
from db.flows.chart_source import ChartSource
from db.flows.figure_terms import figure_label
from desktop.context import AppContext
from desktop.panels.chart.flow_plot import FlowPlot
from desktop.panels.chart.panel_files import ChartExports, ChartOnScreen
from desktop.panels.chart.readout import readout_html
from desktop.panels.chart.toolbar import ChartToolbar
from desktop.theme import DAY, THEMES


class ChartPanel(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(parent)
        self.read_only = read_only  # the wall display: the plot alone, no controls or menus
        self.setObjectName("chartPanel")
        self.ctx = ctx
        theme = getattr(ctx, "theme", None)
        self.theme = THEMES.get(theme, DAY) if isinstance(theme, str) or theme is None else theme
        self.data: ChartData | None = None
        self.marks: list[ChartMark] = []
        self.site_id: str | None = None
        self.by = "category"
        self.hidden: set[str] = set()  # series the operator switched off in the legend
        self.preset: str | None = None
        self.source = ChartSource(ctx.store)  # reads only what changed since the last refresh
        self._hover_x = math.nan
        self._setting_range = False
        self._loaded = False
        self._build()
        self._build_actions()
        ctx.watcher.changed.connect(self.refresh)
        ctx.clock_signals.moved.connect(self.refresh)
        self.refresh()

    # -- construction --------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = ChartToolbar(self)
        self.preset_buttons = self.toolbar.preset_buttons
        self.site_combo = self.toolbar.site_combo
        self.group_combo = self.toolbar.group_combo
        self.export_button = self.toolbar.export_button
        self.toolbar.preset_clicked.connect(self.apply_preset)
        self.site_combo.currentIndexChanged.connect(self._site_chosen)
        self.group_combo.currentIndexChanged.connect(self._grouping_chosen)
        self.plot = FlowPlot(self.ctx.lang, self.theme, self)
        self.plot.plot.vb.sigXRangeChanged.connect(self._range_moved)
        self.plot.hovered.connect(self._hovered)
        self.readout = QLabel()
        self.readout.setObjectName("chartReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.readout.setContentsMargins(8, 0, 8, 4)
        self.exports = ChartExports(
            self.plot, self.theme, self.on_screen, self, database=self.ctx.store.path
        )

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.toolbar)
        self.toolbar.setVisible(not self.read_only)
        if self.read_only:
            for action in self.plot.scene().contextMenu:  # pyqtgraph's "Export..." (a write)
                action.setEnabled(False)
        column.addWidget(self.plot, 1)
        column.addWidget(self.readout)

    def _build_actions(self) -> None:
        self._actions: list[QAction] = []
        if self.read_only:
            return
        self.export_png_action = QAction(self.tr("Export chart as PNG…"), self)
        self.export_png_action.setObjectName("exportChartPng")
        self.export_png_action.setProperty("menu", "file")
        self.export_png_action.setShortcut("Ctrl+Shift+P")
        self.export_png_action.triggered.connect(self.exports.choose_png)
        self.export_csv_action = QAction(self.tr("Export chart data as CSV…"), self)
        self.export_csv_action.setObjectName("exportChartCsv")
        self.export_csv_action.setProperty("menu", "file")
        self.export_csv_action.setShortcut("Ctrl+Shift+X")
        self.export_csv_action.triggered.connect(self.exports.choose_csv)
        self._actions = [self.export_png_action, self.export_csv_action]
        for action in self._actions:
            self.export_button.addAction(action)

    def actions(self) -> list[QAction]:  # the panel contract's name (shadows QWidget.actions)
        return list(self._actions)

    @property
    def ready(self) -> bool:
        """True once the chart has drawn the store's data (``--screenshot`` waits for it)."""
        return self._loaded

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the store at the clock's now and feed the existing plot items."""
        store, now, tz = self.ctx.store, self.ctx.clock.now(), self.ctx.tz
        self._fill_sites()
        old_extent = self.data.extent() if self.data else None
        if (self.source.site_id, self.source.by) != (self.site_id, self.by):
            self.source = ChartSource(store, site_id=self.site_id, by=self.by)
        # The first paint needs only the days it opens on; the rest waits for ``after_start``.
        self.data = self.source.data(now, recent_days=None if self._loaded else OPENING_READ_DAYS)
        # The decrees and milestones known at the clock's time (docs/architecture.md §4).
        known = known_at(store, now)
        self.decrees = known.decrees
        self.marks = chart_marks(self.decrees, known.milestones, tz)
        self.plot.set_limits(*view_limits(self.data.extent(), self.marks))
        # The range first, then the data: the pens follow the range, and restyling items
        # that already hold years of days costs more than drawing them.
        if not self._loaded:
            self.apply_preset(default_preset(self.data.extent()))
        elif self.preset and self.data.extent() != old_extent:
            self.apply_preset(self.preset)  # the clock moved on: the preset follows it
        self.plot.show(self.data, self.shown_keys(), self.shown_others())
        self.plot.set_marks(self.marks, [self._mark_label(m) for m in self.marks])
        self._set_titles()
        self._rebuild_legend()
        self._show_readout()
        self.preset_buttons["decree"].setEnabled(bool(self.decrees))
        self._loaded = True

    def after_start(self) -> None:
        """Once the window is up (main_window calls it): read the days before the recent ones."""
        if self.source.history_pending:
            self.source.load_history(self.ctx.clock.now())
            self.refresh()

    def export_png(self, path: str | Path) -> Path:
        """The chart as on screen, at print resolution (see ``ChartExports``)."""
        return self.exports.export_png(path)

    def export_csv(self, path: str | Path) -> int:
        """The numbers of the days and series on screen, as CSV; the rows written."""
        return self.exports.export_csv(path)

    def on_screen(self) -> ChartOnScreen:
        """The days (within the data), series and crossing the chart shows now."""
        assert self.data is not None
        first, last = self.day_range()
        lo, hi = self.data.extent()
        return ChartOnScreen(
            self.data,
            max(first, lo),
            min(last, hi),
            self.shown_keys(),
            self.site_combo.currentText() if self.site_id else ALL_SITES,
            self.shown_others(),
        )

    def shown_keys(self) -> list[str]:
        """The crossings stacked on screen (the operator may switch some off in the legend)."""
        keys = self.data.keys if self.data else ()
        return [k for k in keys if k not in self.hidden]

    def shown_others(self) -> list[str]:
        """The flows that are not crossings, drawn on screen below the bars."""
        keys = self.data.other_keys if self.data else ()
        return [k for k in keys if k not in self.hidden]

    def _fill_sites(self) -> None:
        sites = [(s.id, s.name) for s in self.ctx.store.sites()]
        wanted = [(None, self.tr("All crossings")), *sites]
        present = [
            (self.site_combo.itemData(i), self.site_combo.itemText(i))
            for i in range(self.site_combo.count())
        ]
        if present == wanted:
            return
        self.site_combo.blockSignals(True)
        self.site_combo.clear()
        for site_id, name in wanted:
            self.site_combo.addItem(name, site_id)
        index = self.site_combo.findData(self.site_id) if self.site_id else 0
        if index < 0:  # the site was retired: back to all
            self.site_id, index = None, 0
        self.site_combo.setCurrentIndex(index)
        self.site_combo.blockSignals(False)

    def set_site(self, site_id: str | None) -> None:
        index = self.site_combo.findData(site_id) if site_id else 0
        self.site_combo.setCurrentIndex(max(0, index))

    def set_grouping(self, by: str) -> None:
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(by)))

    def _site_chosen(self, _index: int) -> None:
        self.site_id = self.site_combo.currentData()
        self.refresh()

    def _grouping_chosen(self, _index: int) -> None:
        self.by = self.group_combo.currentData()
        self.hidden.clear()
        self.refresh()

    # -- ranges --------------------------------------------------------------------------
    def apply_preset(self, preset: str) -> None:
        assert self.data is not None
        span = preset_range(preset, self.data.now, self.data.tz, self.decrees, self.data.extent())
        if span is None:
            self.toolbar.check_preset(self.preset)
            return
        self.set_day_range(*span)
        self.preset = preset
        self.toolbar.check_preset(preset)

    def set_day_range(self, first: date, last: date) -> None:
        self._setting_range = True
        try:
            self.plot.plot.vb.setXRange(*range_seconds(first, last), padding=0)
        finally:
            self._setting_range = False

    def day_range(self) -> tuple[date, date]:
        """The first and last day (partly) on screen."""
        x0, x1 = self.plot.plot.vb.viewRange()[0]
        return day_at(x0), day_at(x1 - 1)

    def _range_moved(self, *_args) -> None:
        if not self._setting_range and self._loaded:
            self.preset = None  # the operator zoomed or panned: their view now stays put
            self.toolbar.check_preset(None)

    # -- labels --------------------------------------------------------------------------
    def _label(self, key: str) -> str:
        return figure_label(key, self.ctx.lang, short=True)

    def _mark_label(self, mark: ChartMark) -> str:
        if mark.kind == "decree_start":
            return self.tr("{number} in force").format(number=mark.title)
        if mark.kind == "decree_end":
            return self.tr("{number} lapses").format(number=mark.title)
        return mark.title

    def _set_titles(self) -> None:
        assert self.data is not None
        site = self.site_combo.currentText() or self.tr("All crossings")
        what = self.tr("People who crossed, per day")
        self.plot.title.setText(f"<b>{what}</b> · {site}", color=self.theme.text, size="10pt")
        if self.data.illustrative:
            flag = self.tr("ILLUSTRATIVE DATA")
            self.plot.flag.setText(
                f'<span style="background-color:{self.theme.warning}; color:#ffffff;">'
                f"&nbsp;{flag}&nbsp;</span>",
                size="10pt",
                bold=True,
            )
        else:
            self.plot.flag.setText("")
        self.plot.plot.getAxis("left").setLabel(self.tr("People per day"))
        self.plot.plot.getAxis("right").setLabel(self.tr("Stranded (people present)"))
        apart = self.tr("Not crossings, per day")
        overlap = self.tr("the groups overlap")
        self.plot.others_title.setText(
            f"<b>{apart}</b> ({overlap})",
            color=self.theme.text,
            size="9pt",
        )
        self.plot.others_title.setToolTip(
            self.tr(
                "Turned back, detained and assisted people are each their own count: they "
                "did not necessarily cross, and one person may be in more than one group, so "
                "they are never added to the crossings or to each other."
            )
        )

    @property
    def illustrative_flag(self) -> str:
        """The flag's text as shown above the chart ('' when the data is not illustrative)."""
        return "" if not self.data or not self.data.illustrative else self.tr("ILLUSTRATIVE DATA")

    def _series_items(self) -> dict[str, QGraphicsObject]:
        """The plot item of each series the operator can switch off: stacked bars, other lines."""
        assert self.data is not None
        items = {key: self.plot.bars[key] for key in self.data.keys}
        items.update(self.plot.others)
        return items

    def _rebuild_legend(self) -> None:
        assert self.data is not None
        legend = self.plot.legend
        legend.clear()
        for key in self.data.keys:
            if key == "none" and not self.data.flows[key].any():
                continue  # crossings with no direction recorded: named only when there are any
            legend.addItem(self.plot.bars[key], self._label(key))
        legend.addItem(self.plot.mean, self.tr("7-day mean of crossings"))
        legend.addItem(self.plot.stranded, self._label("stranded"))
        others = self.plot.others_legend
        others.clear()
        for key, item in self.plot.others.items():
            others.addItem(item, self._label(key))
        for sample, _label in [*legend.items, *others.items]:
            sample.sigClicked.connect(self._legend_clicked)
        items = self._series_items()
        for key in self.hidden:
            if key in items:
                items[key].setVisible(False)
        self.plot.fit_legend()

    def _legend_clicked(self, item) -> None:
        items = self._series_items()
        key = next((k for k, v in items.items() if v is item), None)
        if key is None:
            return  # the mean or the stranded line: a plain show/hide, nothing restacks
        if key in self.hidden:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)
        self.refresh()

    # -- readout -------------------------------------------------------------------------
    def _hovered(self, x: float) -> None:
        self._hover_x = x
        self._show_readout()

    def _show_readout(self) -> None:
        if self.data is None:
            return
        day = self.data.days[-1] if math.isnan(self._hover_x) else day_at(self._hover_x)
        self.readout.setText(
            readout_html(
                self.data, day, self.shown_keys(), self.theme, self.ctx.lang, self.shown_others()
            )
        )

    def series_values(self) -> dict[str, list]:
        """What the chart shows, read back from its plot items, one value per day.

        Keys: ``days`` (post-local dates), one per series on screen (a crossing's category or
        direction code: the bar heights; turned_back, detained, assisted: the line values),
        ``crossed`` (each day's stacked bar height: the top of its highest bar),
        ``mean_7d`` (None where no mean is drawn) and ``stranded`` (None on days without a
        point).
        """
        assert self.data is not None
        days = list(self.data.days)
        out: dict[str, list] = {"days": days}
        tops = np.zeros(len(days))
        for key in self.shown_keys():
            bar = self.plot.bars[key]
            _x, y = bar.getData()
            out[key] = [None if np.isnan(v) else int(v) for v in (y if y is not None else [])]
            if y is not None and len(y) == len(days):
                tops = np.maximum(tops, np.asarray(bar.opts["y0"]) + np.asarray(y))
        out["crossed"] = [int(v) for v in tops]
        for key in self.shown_others():
            _x, y = self.plot.others[key].getData()
            out[key] = [None if np.isnan(v) else int(v) for v in (y if y is not None else [])]
        _x, mean = self.plot.mean.getData()
        out["mean_7d"] = [None if np.isnan(v) else float(v) for v in mean]
        sx, sy = self.plot.stranded.getData()
        by_day = {} if sx is None else {day_at(x): int(y) for x, y in zip(sx, sy, strict=True)}
        out["stranded"] = [by_day.get(d) for d in days]
        return out
