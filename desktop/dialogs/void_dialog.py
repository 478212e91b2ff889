"""Void a record: nothing is deleted; a voiding with its reason joins the record's history."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from db.store.records import Void
from desktop.context import AppContext
from desktop.dialogs.record_form import RecordForm


class VoidDialog(RecordForm):
    def __init__(
        self, ctx: AppContext, record_id: str, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Void record"))
        self.setObjectName("voidDialog")
        self.record_id = record_id
        self.voided: Void | None = None
        intro = QLabel(
            self.tr("Void {what}? It stays in the history with the reason given.").format(
                what=what
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.reason = self.add_field("reason", self.tr("&Reason"), QLineEdit())
        self.ok_button.setText(self.tr("Void"))
        self.finish_tab_order()
        self.reason.setFocus()
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        self.voided = self.ctx.store.void(self.record_id, self.reason.text())
