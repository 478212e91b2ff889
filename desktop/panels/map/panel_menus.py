"""The map panel's record actions: right-click menu, correct, void/retire, site moves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from db.store.records import Event, Site


class MapRecordActions:
    """Mixin of MapPanel (uses its ``ctx``, ``editing``, ``view``)."""

    def _context_menu(self, lon: float, lat: float, global_pos: QPoint, site_id: str) -> None:
        menu = QMenu(self)
        menu.setObjectName("mapContextMenu")
        menu.addAction(
            QCoreApplication.translate("MapRecordActions", "New event here…"),
            lambda: self.editing.new_event(lon, lat),
        )
        menu.addAction(
            QCoreApplication.translate("MapRecordActions", "New site here…"),
            lambda: self.editing.new_site(lon, lat),
        )
        if site_id:
            site = self.ctx.store.get(site_id)
            menu.addSeparator()
            menu.addAction(
                QCoreApplication.translate("MapRecordActions", "Correct site “{name}”…").format(
                    name=site.name
                ),
                lambda: self.editing.correct_site(site),
            )
            menu.addAction(
                QCoreApplication.translate("MapRecordActions", "Retire site “{name}”…").format(
                    name=site.name
                ),
                lambda: self.editing.retire_site(site),
            )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("MapRecordActions", "Copy coordinates"),
            lambda: QGuiApplication.clipboard().setText(f"{lat:.6f}, {lon:.6f}"),
        )
        menu.addAction(
            QCoreApplication.translate("MapRecordActions", "Centre map here"),
            lambda: self.view.set_view(lon, lat),
        )
        self.context_menu = menu
        menu.popup(global_pos)

    def _site_dropped(self, site_id: str, lon: float, lat: float) -> None:
        site = self.ctx.store.get(site_id)
        if isinstance(site, Site):
            self.editing.move_site(site, lon, lat)

    def _correct(self, record_id: str) -> None:
        record = self.ctx.store.get(record_id)
        if isinstance(record, Event):
            self.editing.correct_event(record)
        elif isinstance(record, Site):
            self.editing.correct_site(record)

    def _void(self, record_id: str) -> None:
        record = self.ctx.store.get(record_id)
        if isinstance(record, Site):
            self.editing.retire_site(record)
        elif isinstance(record, Event):
            self.editing.void(record.id, record.title)
