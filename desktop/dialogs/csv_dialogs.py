"""File → Import observations (CSV)… and Export observations (CSV)….

The rules live in ``db/flows/csv_import.py`` and ``db/flows/csv_export.py``. An import runs
in a worker thread with its own connection to the database (an SQLite connection stays on the
thread that opened it), so a 100,000-row spreadsheet neither freezes the window nor hides its
progress; the window's watcher sees the new rows once they are committed. A refused file is
shown as the list of every bad row, to fix in the spreadsheet.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.clock import Clock
from db.errors import ImportRefused, SituationRoomError
from db.flows.csv_export import export_observations
from db.flows.csv_import import ImportResult, import_observations
from db.store.store import Store
from desktop.context import AppContext

CSV_FILTER = "CSV (*.csv *.txt);;All files (*)"
PROGRESS_DELAY_MS = 400  # a small file finishes before a progress dialog would flash up


class _Cancelled(Exception):
    pass


class ImportWorker(QObject):
    """Runs one import on its own thread and connection; reports by signals."""

    progress = Signal(int, int)
    succeeded = Signal(object)  # ImportResult
    refused = Signal(list)  # every problem line
    failed = Signal(str)

    def __init__(
        self, db_path: Path, operator: str, file_path: str, clock: Clock | None = None
    ) -> None:
        super().__init__()
        self.db_path, self.operator, self.file_path = db_path, operator, file_path
        self.clock = clock  # the window's: under an exercise clock, rows are reported at it
        self.cancel = threading.Event()  # set from the window's thread

    @Slot()
    def run(self) -> None:
        try:
            store = Store.open(self.db_path, operator=self.operator, create=False)
        except SituationRoomError as exc:
            self.failed.emit(str(exc))
            return
        store.report_clock = self.clock
        try:
            result = import_observations(store, self.file_path, progress=self._progress)
        except ImportRefused as exc:
            self.refused.emit(exc.problems)
        except _Cancelled:
            self.failed.emit(
                QCoreApplication.translate("CsvDialogs", "Import cancelled; nothing was written.")
            )
        except SituationRoomError as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)
        finally:
            store.close()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise _Cancelled  # rows are still being checked: nothing is written yet
        self.progress.emit(done, total)


class RefusedDialog(QDialog):
    """Every bad row of a refused file, selectable and copyable, to fix in the spreadsheet."""

    def __init__(self, path: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvRefusedDialog")
        self.setWindowTitle(self.tr("Import observations"))
        layout = QVBoxLayout(self)
        self.info = QLabel(
            self.tr(
                "{file} was refused; nothing was imported. Correct these {n} problems in the "
                "spreadsheet and import it again:"
            ).format(file=Path(path).name, n=len(problems))
        )
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText("\n".join(problems))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy list"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)


class CsvImport(QObject):
    """One import as the operator sees it: progress, then a summary or the refused rows."""

    finished = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None, path: str) -> None:
        super().__init__(parent)
        self.parent_widget, self.path = parent, path
        self.result: ImportResult | None = None
        self.dialog: QDialog | None = None  # what was shown at the end
        self.thread = QThread(self)
        self.worker = ImportWorker(ctx.store.path, ctx.store.operator, path, ctx.clock)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.refused.connect(self._refused)
        self.worker.failed.connect(self._failed)
        self.progress = QProgressDialog(
            QCoreApplication.translate("CsvDialogs", "Checking {file}…").format(
                file=Path(path).name
            ),
            QCoreApplication.translate("CsvDialogs", "Cancel"),
            0,
            0,
            parent,
        )
        self.progress.setObjectName("csvImportProgress")
        self.progress.setWindowTitle(
            QCoreApplication.translate("CsvDialogs", "Import observations")
        )
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.worker.cancel.set)

    def start(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.thread.start()

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _end(self) -> None:
        QApplication.restoreOverrideCursor()
        self.progress.canceled.disconnect()
        self.progress.close()
        self.thread.quit()
        self.thread.wait()

    @Slot(object)
    def _succeeded(self, result: ImportResult) -> None:
        self._end()
        self.result = result
        text = QCoreApplication.translate(
            "CsvDialogs",
            "{file}: {rows} rows read, {added} records added, {present} already present.",
        )
        self._show(
            QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("CsvDialogs", "Import observations"),
                text.format(
                    file=Path(self.path).name,
                    rows=result.lines,
                    added=result.added,
                    present=result.already_present,
                ),
                QMessageBox.StandardButton.Ok,
                self.parent_widget,
            )
        )

    @Slot(list)
    def _refused(self, problems: list[str]) -> None:
        self._end()
        self._show(RefusedDialog(self.path, problems, self.parent_widget))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("CsvDialogs", "Import observations"),
            message,
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        self._show(box)

    def _show(self, dialog: QDialog) -> None:
        # Opened, not exec()'d: the import ends in a queued slot, and a nested event loop there
        # would keep the worker thread's last events waiting.
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.deleteLater)
        dialog.open()
        self.finished.emit()


def import_observations_dialog(
    ctx: AppContext, parent: QWidget | None = None, path: str | None = None
) -> CsvImport | None:
    """Ask for a CSV file and import it in the background; returns the running import."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("CsvDialogs", "Import observations (CSV)"),
            "",
            CSV_FILTER,
        )
    if not path:
        return None
    job = CsvImport(ctx, parent, path)
    job.start()
    return job


def export_observations_dialog(
    ctx: AppContext, parent: QWidget | None = None, path: str | None = None
) -> Path | None:
    """Ask where to write, write the current observations, and say how many."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("CsvDialogs", "Export observations (CSV)"),
            "observaciones.csv",
            CSV_FILTER,
        )
    if not path:
        return None
    if not Path(path).suffix:
        path += ".csv"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = export_observations(ctx.store, path)
    except SituationRoomError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent, QCoreApplication.translate("CsvDialogs", "Export observations"), str(exc)
        )
        return None
    QApplication.restoreOverrideCursor()
    QMessageBox.information(
        parent,
        QCoreApplication.translate("CsvDialogs", "Export observations"),
        QCoreApplication.translate("CsvDialogs", "{n} observations written to {path}.").format(
            n=result.written, path=result.path
        ),
    )
    return result.path


def csv_actions(ctx: AppContext, parent: QWidget) -> list[QAction]:
    """The File-menu actions (``menu`` property ``file``) for the main window."""
    imp = QAction(QCoreApplication.translate("CsvDialogs", "Import observations (CSV)…"), parent)
    imp.setObjectName("importObservationsCsv")
    imp.triggered.connect(lambda: import_observations_dialog(ctx, parent))
    exp = QAction(QCoreApplication.translate("CsvDialogs", "Export observations (CSV)…"), parent)
    exp.setObjectName("exportObservationsCsv")
    exp.triggered.connect(lambda: export_observations_dialog(ctx, parent))
    imp.setShortcut(QKeySequence("Ctrl+Alt+C"))
    exp.setShortcut(QKeySequence("Ctrl+Alt+X"))
    for action in (imp, exp):
        action.setProperty("menu", "file")
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return [imp, exp]
