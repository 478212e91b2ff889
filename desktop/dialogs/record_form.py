"""A keyboard-first record form whose fields show the store's validation next to them.

Subclasses add their fields in reading order (that is also the tab order) and implement
``save()``, which writes through the store. ``db/`` is the only judge of a record: when it
refuses one (``InvalidRecord``), each problem appears under its field and nothing is written.
Enter saves (OK is the default button), Esc cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.errors import InvalidRecord, SituationRoomError
from desktop.context import AppContext

ERROR_COLOUR = "#b3261e"


class RecordForm(QDialog):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general = QLabel(self)
        self.general.setObjectName("error_general")
        self.general.setWordWrap(True)
        self.general.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.general.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.ok_button.setObjectName("okButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """Add ``widget`` for the record field ``name``, with room for its message below."""
        widget.setObjectName(f"field_{name}")
        error = QLabel(self)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint, self)
            note.setEnabled(False)
            column.addWidget(note)
        column.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        if self._fields:
            QWidget.setTabOrder(list(self._fields.values())[-1], widget)
        self._fields[name] = widget
        self._errors[name] = error
        return widget

    def finish_tab_order(self) -> None:
        """After the last field: OK, then Cancel."""
        if self._fields:
            QWidget.setTabOrder(list(self._fields.values())[-1], self.ok_button)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QWidget.setTabOrder(self.ok_button, cancel)

    def field(self, name: str) -> QWidget:
        return self._fields[name]

    def error(self, name: str) -> QLabel:
        return self._errors[name]

    # -- messages ------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self.general.clear()
        self.general.hide()

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each message under its field; any other under the form; focus the first bad field."""
        self.clear_problems()
        others = []
        for name, message in problems.items():
            if name in self._errors:
                self._errors[name].setText(message)
                self._errors[name].show()
            else:
                others.append(f"{name}: {message}")
        if others:
            self.show_general("\n".join(others))
        first = next((self._fields[n] for n in self._fields if n in problems), None)
        if first is not None:
            first.setFocus()

    def show_general(self, message: str) -> None:
        self.general.setText(message)
        self.general.show()

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Write the record through the store (raise the store's errors as they come)."""
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_problems()
        try:
            self.save()
        except InvalidRecord as exc:
            self.show_problems(exc.by_field())
            return
        except SituationRoomError as exc:
            self.show_general(str(exc))
            return
        super().accept()
