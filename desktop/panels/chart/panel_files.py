"""The chart panel's exports: the chart as a print PNG, its numbers as CSV, with file dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.errors import SituationRoomError
from db.flows.chart_export import ALL_SITES, chart_rows, write_chart_csv
from desktop.panels.chart.export import print_ratio, render_png
from desktop.theme import DAY

if TYPE_CHECKING:
    from desktop.context import AppContext


class ChartExports:
    """Mixin of ChartPanel (uses its ``plot``, ``data``, ``theme``, ``day_range``...)."""

    ctx: AppContext  # the panel's: its store is never a file to export over

    # -- export --------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> Path:
        """The chart as on screen (same range, crossing and series) at print resolution, in
        the day theme whatever the screen's (print is always day)."""
        self.plot.apply_theme(DAY, line_scale=print_ratio())
        try:
            return render_png(
                self.plot, Path(path), background=DAY.panel, database=self.ctx.store.path
            )
        finally:
            self.plot.apply_theme(self.theme)

    def export_csv(self, path: str | Path) -> int:
        assert self.data is not None
        first, last = self.day_range()
        lo, hi = self.data.extent()
        keys = self.shown_keys()
        rows = chart_rows(
            self.data,
            max(first, lo),
            min(last, hi),
            keys=keys,
            site_name=self.site_combo.currentText() if self.site_id else ALL_SITES,
        )
        return write_chart_csv(path, rows, keys, database=self.ctx.store.path)

    def _choose_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ChartExports", "Export chart as PNG"),
            "flows.png",
            QCoreApplication.translate("ChartExports", "PNG image (*.png)"),
        )
        if path:
            self._run_export(lambda: self.export_png(path))

    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ChartExports", "Export chart data as CSV"),
            "flows.csv",
            QCoreApplication.translate("ChartExports", "CSV file (*.csv)"),
        )
        if path:
            self._run_export(lambda: self.export_csv(path))

    def _run_export(self, job) -> None:
        try:
            job()
        except SituationRoomError as exc:  # refused or not written: nothing changed on disk
            QMessageBox.warning(
                self,
                QCoreApplication.translate("ChartExports", "Export failed"),
                QCoreApplication.translate(
                    "ChartExports", "The file could not be written: {error}"
                ).format(error=exc),
            )
