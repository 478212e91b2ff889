"""What the map does with a click, a drop or a menu choice: opens the right form, asks to confirm.

Dialogs open window-modal with ``open()`` (not ``exec()``), so the event loop keeps running: the
map stays live behind them and tests can fill them in. ``dialog`` is the one open now.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from db.errors import SituationRoomError
from db.store.records import Event, Site
from desktop.context import AppContext
from desktop.dialogs.event_dialog import EventDialog
from desktop.dialogs.reason_dialog import ReasonDialog
from desktop.dialogs.site_dialog import SiteDialog
from desktop.problem_text import error_text


class MapEditing(QObject):
    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.dialog: QDialog | None = None
        self.message: QMessageBox | None = None
        self.on_saved: Callable[[object], None] = lambda record: None

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Open ``dialog`` window-modal, in place of the one open now (if any)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.on_saved(getattr(dialog, "saved", None)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- events --------------------------------------------------------------------------
    def new_event(self, lon: float | None, lat: float | None) -> QDialog:
        kind = "incident" if lat is not None else "log"
        return self.open_dialog(
            EventDialog(self.ctx, lon=lon, lat=lat, kind=kind, parent=self.widget)
        )

    def correct_event(self, event: Event) -> QDialog:
        return self.open_dialog(EventDialog(self.ctx, event=event, parent=self.widget))

    def void(self, record_id: str, title: str) -> QDialog:
        return self.open_dialog(
            ReasonDialog(
                self.tr("Void record"),
                self.tr("Void “{title}”? It stays in the history, marked void.").format(
                    title=title
                ),
                lambda reason: self.ctx.store.void(record_id, reason),
                self.widget,
            )
        )

    # -- sites ---------------------------------------------------------------------------
    def new_site(self, lon: float, lat: float) -> QDialog:
        return self.open_dialog(SiteDialog(self.ctx, lon=lon, lat=lat, parent=self.widget))

    def correct_site(self, site: Site) -> QDialog:
        return self.open_dialog(SiteDialog(self.ctx, site=site, parent=self.widget))

    def retire_site(self, site: Site) -> QDialog:
        return self.open_dialog(
            ReasonDialog(
                self.tr("Retire site"),
                self.tr(
                    "Retire “{name}”? It leaves the map; its history and counts are kept."
                ).format(name=site.name),
                lambda reason: self.ctx.store.void(site.id, reason),
                self.widget,
            )
        )

    def move_site(self, site: Site, lon: float, lat: float) -> QMessageBox:
        """Ask before moving: a move is a correction, kept in the site's history."""

        def confirmed() -> None:
            try:
                self.on_saved(self.ctx.store.correct(site.id, lon=lon, lat=lat))
            except SituationRoomError as exc:
                self.show_message(self.tr("Site not moved"), error_text(exc))

        return self.ask(
            self.tr("Move site"),
            self.tr(
                "Move “{name}” to {lat:.5f}, {lon:.5f}? The old position stays in its history."
            ).format(name=site.name, lat=lat, lon=lon),
            confirmed,
        )

    # -- messages ------------------------------------------------------------------------
    def ask(self, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.widget,
        )
        box.setObjectName("mapQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def clicked(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                on_yes()

        box.buttonClicked.connect(clicked)
        box.finished.connect(box.deleteLater)
        self.message = box
        box.open()
        return box

    def show_message(self, title: str, text: str) -> QMessageBox:
        """A clear message the operator dismisses; never a traceback."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.widget
        )
        box.setObjectName("mapMessage")
        box.finished.connect(box.deleteLater)
        self.message = box
        box.open()
        return box
