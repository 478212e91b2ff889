"""A count's history: every version (oldest first) and any voiding, with who and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.records import Observation, Record, Void
from db.site_lineage import site_names
from desktop.context import AppContext
from desktop.formatting import fmt_datetime
from desktop.records.describe import describe_observation, describe_record


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of the record"))
        store, tz, lang = ctx.store, ctx.tz, ctx.lang
        entries = store.history(record_id)
        names = site_names(store)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Nothing is overwritten: a correction adds a version, a voiding marks it withdrawn."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(len(entries), 4, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Entered"), self.tr("By"), self.tr("Change"), self.tr("Record")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.rows: list[tuple[str, str]] = []  # (change, record text): what the table shows
        for i, entry in enumerate(entries):
            if isinstance(entry, Void):
                change = self.tr("Voided: {reason}").format(reason=entry.reason)
                text = ""
            else:
                assert isinstance(entry, Record)
                change = self.tr("Entered") if entry.supersedes is None else self.tr("Corrected")
                if store.is_current(entry.id):
                    change += " " + self.tr("(current)")
                if isinstance(entry, Observation):
                    text = describe_observation(entry, names.get(entry.site_id, "?"), tz, lang)
                else:
                    text = describe_record(entry, names, tz, lang)
            values = (fmt_datetime(entry.entered_at, tz, lang), entry.entered_by, change, text)
            for column, value in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(value))
            self.rows.append((change, text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 320)
