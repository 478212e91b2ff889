"""Ask why a record is voided (or a site retired): a reason is required and kept in history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.dialogs.record_form import RecordForm


class ReasonDialog(RecordForm):
    def __init__(
        self,
        title: str,
        prompt: str,
        action: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self._action = action
        text = QLabel(prompt)
        text.setWordWrap(True)
        self.form.addRow(text)
        self.reason = QLineEdit()
        self.add_field("reason", self.tr("Reason"), self.reason)
        self.save_button.setText(self.tr("Confirm"))
        self.reason.setFocus()

    def save(self):
        return self._action(self.reason.text())
