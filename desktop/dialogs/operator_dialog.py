"""Who is at the keyboard: the name stamped on every record (attribution, not access control)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import InvalidRecord
from db.store.store import Store
from db.sync.station import set_station_name
from desktop import settings
from desktop.problem_text import problems_text
from desktop.theme import chrome_stylesheet, current_theme

MAX_NAME = 80


class OperatorDialog(QDialog):
    """Asks for the operator's name and, when the station has none yet, the station's name."""

    def __init__(self, operator: str, station: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operatorDialog")
        self.setWindowTitle(self.tr("Who is operating?"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Your name is stamped on every record you enter at this station."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.operator_edit = QLineEdit(operator)
        self.operator_edit.setObjectName("operatorName")
        self.operator_edit.setMaxLength(MAX_NAME)
        form.addRow(self.tr("Operator name:"), self.operator_edit)
        self.station_edit: QLineEdit | None = None
        if station is not None:
            self.station_edit = QLineEdit(station)
            self.station_edit.setObjectName("stationName")
            self.station_edit.setMaxLength(MAX_NAME)
            form.addRow(self.tr("Station name:"), self.station_edit)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setProperty("role", "fieldError")
        self.error.setStyleSheet(chrome_stylesheet(current_theme()))
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def operator(self) -> str:
        return " ".join(self.operator_edit.text().split())

    @property
    def station(self) -> str | None:
        return " ".join(self.station_edit.text().split()) if self.station_edit else None

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        if not self.operator:
            self.show_error(self.tr("Enter your name: every record carries it."))
            self.operator_edit.setFocus()
            return
        if self.station_edit is not None and not self.station:
            self.show_error(self.tr("Enter a name for this station."))
            self.station_edit.setFocus()
            return
        super().accept()


def change_identity(store: Store, parent: QWidget | None = None) -> bool:
    """Ask for the operator's name and the station's (both editable); save what changed.

    The name is remembered for the next start (setting ``session/operator``) and stamped on
    the records written from now on; the station's name is the database's (shown in the status
    bar and carried by its bundles). False when the operator cancelled.
    """
    dialog = OperatorDialog(store.operator, store.station_name, parent)
    dialog.setWindowTitle(QCoreApplication.translate("OperatorDialog", "Change operator"))
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            if dialog.station is not None and dialog.station != store.station_name:
                set_station_name(store, dialog.station)
                store.set_meta(station_named="1")
        except InvalidRecord as exc:
            dialog.show_error(problems_text(exc))
            continue
        store.operator = dialog.operator
        settings.put("session/operator", dialog.operator)
        return True
    return False
