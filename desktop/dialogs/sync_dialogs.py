"""File → Export bundle / Import bundle / Sync conflicts: field sync through the GUI.

The rules live in ``db/sync/exchange.py`` and ``db/sync/conflicts.py``; this module asks for a file, shows
what an import would do before doing it, and reports what happened.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import SituationRoomError
from db.store.store import Store
from db.sync.conflicts import Conflict, conflicts, settle
from db.sync.exchange import ImportSummary, export_bundle, import_bundle
from desktop.problem_text import error_text


def bundle_filter() -> str:
    return QCoreApplication.translate("SyncDialogs", "Situation Room bundle (*.srbundle *.zip)")


def summary_text(summary: ImportSummary) -> str:
    """What an import adds, already had and leaves in conflict, for the operator."""
    added = ", ".join(
        f"{n} {t}" for t, n in summary.added.items() if n
    ) or QCoreApplication.translate("SyncDialogs", "nothing new")
    present = sum(summary.present.values())
    lines = [
        QCoreApplication.translate("SyncDialogs", "From station: {name}").format(
            name=summary.station_name
        ),
        QCoreApplication.translate("SyncDialogs", "Records added: {added}").format(added=added),
        QCoreApplication.translate("SyncDialogs", "Already present: {n}").format(n=present),
        QCoreApplication.translate("SyncDialogs", "Conflicts to settle: {n}").format(
            n=len(summary.conflicts)
        ),
    ]
    if summary.previous is not None:
        lines.insert(
            0,
            QCoreApplication.translate(
                "SyncDialogs", "This bundle was already imported on {when}."
            ).format(when=summary.previous.at),
        )
    if summary.signed:
        lines.append(
            QCoreApplication.translate("SyncDialogs", "Signature verified.")
            if summary.verified
            else QCoreApplication.translate("SyncDialogs", "Signed (no key here to verify).")
        )
    return "\n".join(lines)


def export_bundle_dialog(store: Store, parent: QWidget | None = None) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SyncDialogs", "Export bundle"),
        "records.srbundle",
        bundle_filter(),
    )
    if not path:
        return None
    try:
        result = export_bundle(store, path, since="last")
    except SituationRoomError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("SyncDialogs", "Export bundle"), str(exc)
        )
        return None
    QMessageBox.information(
        parent,
        QCoreApplication.translate("SyncDialogs", "Export bundle"),
        QCoreApplication.translate("SyncDialogs", "{n} records written to {path}.").format(
            n=result.total, path=result.path
        ),
    )
    return result.path


def import_bundle_dialog(
    store: Store, parent: QWidget | None = None, path: str | None = None
) -> ImportSummary | None:
    """Preview the import (nothing written), ask, then merge; every refusal is a message."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("SyncDialogs", "Import bundle"), "", bundle_filter()
        )
    if not path:
        return None
    try:
        preview = import_bundle(store, path, dry_run=True)
        if sum(preview.added.values()) == 0:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("SyncDialogs", "Import bundle"),
                summary_text(preview),
            )
            return preview
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("SyncDialogs", "Import bundle"),
            summary_text(preview)
            + "\n\n"
            + QCoreApplication.translate("SyncDialogs", "Import these records?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        done = import_bundle(store, path)
    except SituationRoomError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("SyncDialogs", "Import bundle"),
            QCoreApplication.translate(
                "SyncDialogs", "The bundle was refused; nothing was written."
            )
            + "\n\n"
            + str(exc),
        )
        return None
    QMessageBox.information(
        parent, QCoreApplication.translate("SyncDialogs", "Import bundle"), summary_text(done)
    )
    return done


def _describe(record: object) -> str:
    skip = {"id", "entered_at", "entered_by", "station", "supersedes"}
    return "; ".join(
        f"{f.name}={getattr(record, f.name)}"
        for f in fields(record)  # type: ignore[arg-type]
        if f.name not in skip and getattr(record, f.name) not in (None, "")
    )


class ConflictsDialog(QDialog):
    """Records corrected at two stations: pick the version to keep (the choice syncs too)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.store = store
        layout = QVBoxLayout(self)
        self.info = QLabel()
        layout.addWidget(self.info)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Entered by"), self.tr("Station"), self.tr("Version")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        keep = QPushButton(self.tr("Keep the selected version"))
        keep.clicked.connect(self.keep_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 400)
        self.reload()

    def reload(self) -> None:
        self._rows: list[tuple[Conflict, str]] = []
        for conflict in conflicts(self.store):
            for version in conflict.versions:
                self._rows.append((conflict, version.id))
        self.table.setRowCount(len(self._rows))
        for i, (conflict, vid) in enumerate(self._rows):
            version = next(v for v in conflict.versions if v.id == vid)
            for col, text in enumerate(
                (conflict.kind, version.entered_by, version.station[:8], _describe(version))
            ):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.info.setText(
            self.tr("{n} records have versions from two stations.").format(
                n=len({c.record_id for c, _ in self._rows})
            )
            if self._rows
            else self.tr("No conflicts: every record has one current version.")
        )

    def keep_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        conflict, keep_id = self._rows[row]
        try:
            settle(self.store, conflict, keep_id=keep_id)
        except SituationRoomError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
        self.reload()
