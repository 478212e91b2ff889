"""Who is at the keyboard: the name stamped on every record (attribution, not access control)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

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

    def accept(self) -> None:
        if not self.operator:
            self.error.setText(self.tr("Enter your name: every record carries it."))
            self.error.show()
            self.operator_edit.setFocus()
            return
        if self.station_edit is not None and not self.station:
            self.error.setText(self.tr("Enter a name for this station."))
            self.error.show()
            self.station_edit.setFocus()
            return
        super().accept()
