"""The chart panel's exports: the chart as a print PNG, its numbers as CSV, with file dialogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.errors import SituationRoomError
from db.flows.chart_data import ChartData
from db.flows.chart_export import chart_rows, write_chart_csv
from desktop.panels.chart.export import print_ratio, render_png
from desktop.panels.chart.flow_plot import FlowPlot
from desktop.theme import DAY, Theme


@dataclass(frozen=True)
class ChartOnScreen:
    """What the chart shows now, as the CSV export writes it."""

    data: ChartData
    first: date
    last: date
    keys: list[str]  # the crossings stacked on screen
    site_name: str  # or ``db.flows.chart_export.ALL_SITES``
    others: list[str]  # the flows that are not crossings, on screen


class ChartExports:
    """The exports of one chart panel: ``plot`` drawn for print, ``on_screen()`` as CSV, and
    the file dialogs that ask where (parented to ``parent``); never over ``database``, the
    store the chart reads."""

    def __init__(
        self,
        plot: FlowPlot,
        theme: Theme,
        on_screen: Callable[[], ChartOnScreen],
        parent: QWidget,
        *,
        database: Path,
    ) -> None:
        self.plot = plot
        self.theme = theme  # the screen's, put back after a print export
        self.on_screen = on_screen
        self.parent = parent
        self.database = database

    def export_png(self, path: str | Path) -> Path:
        """The chart as on screen (same range, crossing and series) at print resolution, in
        the day theme whatever the screen's (print is always day)."""
        self.plot.apply_theme(DAY, line_scale=print_ratio())
        try:
            return render_png(self.plot, Path(path), background=DAY.panel, database=self.database)
        finally:
            self.plot.apply_theme(self.theme)

    def export_csv(self, path: str | Path) -> int:
        shown = self.on_screen()
        rows = chart_rows(
            shown.data,
            shown.first,
            shown.last,
            keys=shown.keys,
            others=shown.others,
            site_name=shown.site_name,
        )
        return write_chart_csv(path, rows, shown.keys, others=shown.others, database=self.database)

    def choose_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            QCoreApplication.translate("ChartExports", "Export chart as PNG"),
            "flows.png",
            QCoreApplication.translate("ChartExports", "PNG image (*.png)"),
        )
        if path:
            self._run(lambda: self.export_png(path))

    def choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            QCoreApplication.translate("ChartExports", "Export chart data as CSV"),
            "flows.csv",
            QCoreApplication.translate("ChartExports", "CSV file (*.csv)"),
        )
        if path:
            self._run(lambda: self.export_csv(path))

    def _run(self, job: Callable[[], object]) -> None:
        try:
            job()
        except SituationRoomError as exc:  # refused or not written: nothing changed on disk
            QMessageBox.warning(
                self.parent,
                QCoreApplication.translate("ChartExports", "Export failed"),
                QCoreApplication.translate(
                    "ChartExports", "The file could not be written: {error}"
                ).format(error=exc),
            )
