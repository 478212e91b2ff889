"""Backups through the GUI: File → Restore backup, and the choice offered when a file won't open.

The rules (online backup API, verification, rotation, saving the current state before a
restore) are in ``db/safety/backup.py``; this module lists, asks and reports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import SituationRoomError
from db.safety.backup import Backup, list_backups, restore_backup
from db.store.store import Store
from desktop.formatting import fmt_datetime


class BackupPicker(QDialog):
    """The backups of one database, newest first; the operator picks one."""

    def __init__(self, db_path: Path, tz: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupPicker")
        self.setWindowTitle(self.tr("Restore a backup"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The current state is backed up first, so a restore can be undone."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget(self)
        self.backups: list[Backup] = list_backups(db_path)
        for b in self.backups:
            text = f"{fmt_datetime(b.taken_at, tz, lang)} · {b.size_bytes // 1024} KB"
            if b.label:
                text += f" · {b.label}"
            self.list.addItem(QListWidgetItem(text))
        if self.backups:
            self.list.setCurrentRow(0)
        else:
            layout.addWidget(QLabel(self.tr("No backups exist for this database yet.")))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def restore_backup_dialog(store: Store, tz: str, lang: str, parent: QWidget | None = None) -> bool:
    """File → Restore backup: pick, confirm, restore into the open database."""
    picker = BackupPicker(store.path, tz, lang, parent)
    if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen is None:
        return False
    try:
        saved = restore_backup(store, picker.chosen.path)
    except SituationRoomError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Backups", "Restore a backup"), str(exc)
        )
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Backups", "Restore a backup"),
        QCoreApplication.translate(
            "Backups", "The backup was restored. The state before it was saved as {path}."
        ).format(path=saved),
    )
    return True


def recover_from_open_error(path: Path, message: str, parent: QWidget | None = None) -> Path | None:
    """A file that will not open: say why, offer another file or a backup; never touch it."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Backups", "Cannot open the database"),
        message,
        QMessageBox.StandardButton.Close,
        parent,
    )
    other = box.addButton(
        QCoreApplication.translate("Backups", "Open another…"), QMessageBox.ButtonRole.ActionRole
    )
    restore = box.addButton(
        QCoreApplication.translate("Backups", "Restore a backup…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    restore.setEnabled(bool(list_backups(path)))
    box.exec()
    if box.clickedButton() is other:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Backups", "Open database"),
            str(path.parent),
            "Situation Room (*.db *.sqlite)",
        )
        return Path(chosen) if chosen else None
    if box.clickedButton() is restore:
        picker = BackupPicker(path, "America/Lima", "es", parent)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen is not None:
            try:
                restore_backup(path, picker.chosen.path)
            except SituationRoomError as exc:
                QMessageBox.warning(
                    parent, QCoreApplication.translate("Backups", "Restore a backup"), str(exc)
                )
                return None
            return path
    return None
