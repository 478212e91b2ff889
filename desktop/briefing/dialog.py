"""File → Print briefing (Ctrl+P): choose the day, write the notes, preview, print or save a PDF.

The dialog asks ``db`` for the content and ``desktop.briefing.pages`` for the pages, exactly as
the ``brief`` command does, so what the operator previews is what the scheduled job writes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.briefing.content import Briefing, compose_briefing, default_day
from db.errors import SituationRoomError
from desktop import settings
from desktop.briefing.images import chart_image, map_image
from desktop.briefing.pages import page_layout, paint_briefing
from desktop.briefing.pdf import render_briefing_pdf
from desktop.context import AppContext

LANGUAGES = (("es", "Español"), ("en", "English"))


class BriefingDialog(QDialog):
    """The briefing's options and its three ways out: preview/print, save as PDF, close."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("briefingDialog")
        self.setWindowTitle(self.tr("Print briefing"))
        self._images: dict[tuple, tuple[QImage, QImage]] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        cutoff = int(settings.get("briefing/cutoff_hour"))
        day = default_day(ctx.clock.now(), ctx.tz, cutoff)
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setObjectName("briefingDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Day:"), self.date_edit)
        self.cutoff_spin = QSpinBox()
        self.cutoff_spin.setObjectName("briefingCutoff")
        self.cutoff_spin.setRange(0, 23)
        self.cutoff_spin.setValue(cutoff)
        self.cutoff_spin.setSuffix(":00")
        form.addRow(self.tr("Period ends at:"), self.cutoff_spin)
        self.language_box = QComboBox()
        self.language_box.setObjectName("briefingLanguage")
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(1 if ctx.lang == "en" else 0)
        form.addRow(self.tr("Language:"), self.language_box)
        self.paper_box = QComboBox()
        self.paper_box.setObjectName("briefingPaper")
        self.paper_box.addItem(self.tr("A4"), "a4")
        self.paper_box.addItem(self.tr("Letter"), "letter")
        self.paper_box.setCurrentIndex(1 if settings.get("briefing/paper") == "letter" else 0)
        form.addRow(self.tr("Paper:"), self.paper_box)
        self.classification_edit = QLineEdit(str(settings.get("briefing/classification")))
        self.classification_edit.setObjectName("briefingClassification")
        form.addRow(self.tr("Classification:"), self.classification_edit)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Notes for the commander (printed in the briefing):")))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("briefingNotes")
        self.notes_edit.setTabChangesFocus(True)
        layout.addWidget(self.notes_edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.preview_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.ask_save_pdf)
        layout.addWidget(buttons)
        self.resize(520, 460)

    # -- what the options say ------------------------------------------------------------
    @property
    def day(self) -> date:
        q = self.date_edit.date()
        return date(q.year(), q.month(), q.day())

    @property
    def paper(self) -> str:
        return str(self.paper_box.currentData())

    @property
    def lang(self) -> str:
        return str(self.language_box.currentData())

    def briefing(self) -> Briefing:
        return compose_briefing(
            self.ctx.store,
            self.day,
            lang=self.lang,
            cutoff_hour=self.cutoff_spin.value(),
            classification=self.classification_edit.text(),
            operator=self.ctx.store.operator,
            notes=self.notes_edit.toPlainText(),
        )

    def _pictures(self, briefing: Briefing) -> tuple[QImage, QImage]:
        # The preview repaints on every page-setup change; the pictures do not change with it.
        store = self.ctx.store
        # data_version moves with other connections' commits, total_changes with our own.
        key = (briefing.lang, briefing.period_end, store.data_version(), store.conn.total_changes)
        if key not in self._images:
            self._images = {key: (chart_image(briefing), map_image(self.ctx.store, briefing))}
        return self._images[key]

    def _remember(self) -> None:
        settings.put("briefing/paper", self.paper)
        settings.put("briefing/cutoff_hour", self.cutoff_spin.value())
        settings.put("briefing/classification", self.classification_edit.text().strip())

    # -- the ways out ----------------------------------------------------------------------
    def paint_on(self, printer: QPrinter) -> int:
        """Paint the briefing on ``printer`` (the preview's, a real one, or a PDF printer)."""
        briefing = self.briefing()
        chart, picture = self._pictures(briefing)
        return paint_briefing(printer, briefing, chart, picture)

    def preview(self) -> None:
        self._remember()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        printer.setDocName(self.tr("Briefing {day}").format(day=self.day.isoformat()))
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("briefingPreview")
        dialog.setWindowTitle(self.tr("Briefing preview"))
        dialog.paintRequested.connect(self.paint_on)
        toolbar = dialog.findChild(QToolBar)
        if toolbar is not None:
            save = QAction(self.tr("Save as PDF…"), dialog)
            save.triggered.connect(lambda: self.ask_save_pdf(dialog))
            toolbar.addSeparator()
            toolbar.addAction(save)
        dialog.resize(1000, 800)
        dialog.exec()

    def ask_save_pdf(self, parent: QWidget | None = None) -> None:
        suggested = str(Path.home() / f"briefing-{self.day.isoformat()}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            parent or self, self.tr("Save briefing as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_pdf(path)
        except SituationRoomError as exc:
            QMessageBox.warning(parent or self, self.tr("Briefing not saved"), str(exc))

    def save_pdf(self, path: str | Path) -> int:
        """Write the briefing as the options say to ``path``; returns the number of pages."""
        self._remember()
        briefing = self.briefing()
        chart, picture = self._pictures(briefing)
        return render_briefing_pdf(
            briefing,
            path,
            self.paper,
            chart=chart,
            map_image=picture,
            database=self.ctx.store.path,
        )
