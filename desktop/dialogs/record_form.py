"""The shared shape of entry dialogs: labelled fields, each with its own error line.

A refused record (``InvalidRecord``) puts each message beside the field it is about, and the
focus on the first bad field, so an operator fixes it without reading a list. Enter saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.errors import InvalidRecord, SituationRoomError


class RecordForm(QDialog):
    """Subclasses add fields with ``add_field`` and implement ``save()`` (raising on refusal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.addLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setProperty("role", "fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self._layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.saved = None  # the record written, once saved

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setProperty("role", "fieldError")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        widget.setObjectName(f"field_{name}")
        self.form.addRow(label, box)
        self.fields[name] = widget
        self.errors[name] = error
        return widget

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.general_error.hide()

    def show_problems(self, exc: InvalidRecord) -> None:
        self.clear_errors()
        first = None
        leftovers = []
        for field, message in exc.by_field().items():
            label = self.errors.get(field)
            if label is None:
                leftovers.append(f"{field}: {message}")
                continue
            label.setText(message)
            label.show()
            first = first or self.fields[field]
        if leftovers:
            self.show_error("; ".join(leftovers))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()

    def save(self):
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except InvalidRecord as exc:
            self.show_problems(exc)
            return
        except SituationRoomError as exc:
            self.clear_errors()
            self.show_error(str(exc))
            return
        super().accept()


def parse_number(text: str) -> str | float | None:
    """A typed number (decimal comma allowed); blank is None; anything else is handed on as
    text so validation names the field and the value."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text
