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
from db.names import MAX_NAME, name_problem, normalise_name
from db.store.store import Store
from db.sync.station import MAX_STATION_NAME, clean_station_name, set_station_name
from desktop import settings
from desktop.problem_text import problems_text
from desktop.theme import chrome_stylesheet, current_theme


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
            self.station_edit.setMaxLength(MAX_STATION_NAME)
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
        """The operator's name as it will be stored (normalised; ``accept`` checked it)."""
        return normalise_name(self.operator_edit.text())

    @property
    def station(self) -> str | None:
        return normalise_name(self.station_edit.text()) if self.station_edit else None

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        # The one name rule (db/names.py): a name another station would refuse in a bundle
        # is refused here, where it can still be retyped.
        problem = name_problem(self.operator_edit.text(), "operator")
        if problem is not None:
            self.show_error(
                self.tr("Enter your name: every record carries it.")
                if problem.code == "required"
                else self.tr("Your name cannot be used: {problem}").format(
                    problem=problems_text(InvalidRecord([problem]))
                )
            )
            self.operator_edit.setFocus()
            return
        if self.station_edit is not None:
            try:
                clean_station_name(self.station_edit.text())
            except InvalidRecord as exc:
                self.show_error(
                    self.tr("Enter a name for this station.")
                    if exc.problems[0].code == "required"
                    else self.tr("The station's name cannot be used: {problem}").format(
                        problem=problems_text(exc)
                    )
                )
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
