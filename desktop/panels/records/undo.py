"""Ctrl+Z: void one's own last entry, after a confirmation that says what it is.

Never a delete: the entry stays in the history, marked void with the reason below.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from db.errors import SituationRoomError
from db.store.site_lineage import site_names
from desktop.context import AppContext
from desktop.record_text import describe_record

UNDO_REASON = "undone by operator (Ctrl+Z)"


def undo_last_entry(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Ask, then void ``ctx.store.operator``'s last entry at this station; True if voided."""
    store = ctx.store
    record = store.last_entry_by(store.operator)
    title = QCoreApplication.translate("UndoLastEntry", "Undo my last entry")
    if record is None:
        QMessageBox.information(
            parent, title, QCoreApplication.translate("UndoLastEntry", "You have no entry to undo.")
        )
        return False
    what = describe_record(record, site_names(store), ctx.tz, ctx.lang)
    if record.supersedes:
        # Voiding a correction withdraws the record; the version it corrected stays replaced.
        what += "\n\n" + QCoreApplication.translate(
            "UndoLastEntry",
            "This entry is a correction: voiding it withdraws the record altogether. To go "
            "back to the earlier value, correct the record instead.",
        )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        QCoreApplication.translate(
            "UndoLastEntry", "Void your last entry? It stays in the history, marked void.\n\n{what}"
        ).format(what=what),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("undoConfirmation")
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("UndoLastEntry", "&Void it")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter must not void by accident
    box.exec()
    if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Yes:
        return False
    try:
        store.void(record.id, UNDO_REASON)
    except SituationRoomError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return False
    return True
