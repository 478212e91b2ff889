"""The shared shape of entry dialogs: labelled fields, each with its own error line.

Subclasses add fields in reading order (which is also the tab order) and implement ``save()``,
which writes through the store. ``db/`` is the only judge of a record: when it refuses one
(``InvalidRecord``), each message appears beside its field, the focus goes to the first bad
field, and nothing is written. Enter saves (the default button), Esc cancels.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.clock import InstantError, ambiguous_offsets, local_instant, utc_offset_text
from db.errors import InvalidRecord, SituationRoomError
from desktop import problem_text
from desktop.i18n import translate
from desktop.theme import chrome_stylesheet, current_theme


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
        self._columns: dict[str, QVBoxLayout] = {}
        # field → the "which of the two?" list shown under a wall time that happens twice
        self._offset_choosers: dict[str, QComboBox] = {}
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setProperty("role", "fieldError")
        self.general_error.setStyleSheet(chrome_stylesheet(current_theme()))
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self._layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setObjectName("okButton")
        self.ok_button = self.save_button
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.saved: Any = None  # the record written, once saved

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """Add ``widget`` for the record field ``name``, with room for its message below."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setEnabled(False)
            column.addWidget(note)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setProperty("role", "fieldError")
        error.setStyleSheet(chrome_stylesheet(current_theme()))
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        widget.setObjectName(f"field_{name}")
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        if self.fields:
            QWidget.setTabOrder(list(self.fields.values())[-1], widget)
        self.fields[name] = widget
        self.errors[name] = error
        self._columns[name] = column
        return widget

    def wall_instant(self, name: str, wall: datetime, tz: str) -> datetime:
        """The instant of the wall time typed in field ``name``, by db.clock's one rule.

        A time the zone skips is refused beside the field. One it shows twice (daylight saving
        ends) is asked for: a list under the field offers the two offsets, and the time is
        refused until one is chosen. Raises ``InvalidRecord`` naming the field.
        """
        pair = ambiguous_offsets(wall, tz)
        offset: timedelta | None = None
        chooser = self._offset_choosers.get(name)
        if pair is None:
            if chooser is not None:
                chooser.hide()
        else:
            key = (wall.isoformat(), tz)
            if chooser is None:
                chooser = QComboBox()
                chooser.setObjectName(f"offset_{name}")
                self._columns[name].insertWidget(1, chooser)
                self._offset_choosers[name] = chooser
            if chooser.property("wallKey") != "|".join(key):
                chooser.clear()
                chooser.setPlaceholderText(
                    translate("RecordForm", "Which of the two? Choose the offset")
                )
                chooser.addItem(
                    translate(
                        "RecordForm", "{offset}: the first time (before the clocks go back)"
                    ).format(offset=utc_offset_text(pair[0])),
                    int(pair[0].total_seconds()),
                )
                chooser.addItem(
                    translate(
                        "RecordForm", "{offset}: the second time (after the clocks go back)"
                    ).format(offset=utc_offset_text(pair[1])),
                    int(pair[1].total_seconds()),
                )
                chooser.setCurrentIndex(-1)
                chooser.setProperty("wallKey", "|".join(key))
            chooser.show()
            seconds = chooser.currentData()
            offset = None if seconds is None else timedelta(seconds=int(seconds))
        try:
            return local_instant(wall, tz, name, offset=offset)
        except InstantError as exc:
            raise InvalidRecord([exc.problem]) from None

    def finish_tab_order(self) -> None:
        """After the last field: Save, then Cancel."""
        if self.fields:
            QWidget.setTabOrder(list(self.fields.values())[-1], self.save_button)
        QWidget.setTabOrder(
            self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        )

    def field(self, name: str) -> QWidget:
        return self.fields[name]

    def error(self, name: str) -> QLabel:
        return self.errors[name]

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.general_error.hide()

    def show_problems(self, problems: InvalidRecord | dict[str, str]) -> None:
        """Each message under its field; any other under the form; focus the first bad field."""
        by_field = (
            problem_text.by_field(problems) if isinstance(problems, InvalidRecord) else problems
        )
        self.clear_errors()
        leftovers = []
        for field, message in by_field.items():
            label = self.errors.get(field)
            if label is None:
                leftovers.append(f"{field}: {message}")
                continue
            label.setText(message)
            label.show()
        if leftovers:
            self.show_error("; ".join(leftovers))
        first = next((self.fields[n] for n in self.fields if n in by_field), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()

    def save(self) -> Any:
        """Write the record through the store; return it (or set ``self.saved``)."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            result = self.save()
        except InvalidRecord as exc:
            self.show_problems(exc)
            return
        except SituationRoomError as exc:
            self.clear_errors()
            self.show_error(str(exc))
            return
        if result is not None:
            self.saved = result
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
