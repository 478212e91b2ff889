"""The map panel's record actions: right-click menu, correct, void/retire, site moves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from db.store.records import Event, Site
from db.store.store import Store
from desktop.panels.map.editing import MapEditing
from desktop.panels.map.view import MapView


class MapRecordActions:
    """What the operator can do to a place or a record on one map: the right-click menu (its
    last one is ``context_menu``), a dropped site, the record card's Correct and Void. Forms and
    questions go through ``editing``; "Centre map here" moves ``view``."""

    def __init__(self, store: Store, editing: MapEditing, view: MapView, parent: QWidget) -> None:
        self.store = store
        self.editing = editing
        self.view = view
        self.parent = parent
        self.context_menu: QMenu | None = None

    def show_context_menu(self, lon: float, lat: float, global_pos: QPoint, site_id: str) -> None:
        menu = QMenu(self.parent)
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
            site = self.store.get(site_id)
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

    def site_dropped(self, site_id: str, lon: float, lat: float) -> None:
        site = self.store.get(site_id)
        if isinstance(site, Site):
            self.editing.move_site(site, lon, lat)

    def correct(self, record_id: str) -> None:
        record = self.store.get(record_id)
        if isinstance(record, Event):
            self.editing.correct_event(record)
        elif isinstance(record, Site):
            self.editing.correct_site(record)

    def void(self, record_id: str) -> None:
        record = self.store.get(record_id)
        if isinstance(record, Site):
            self.editing.retire_site(record)
        elif isinstance(record, Event):
            self.editing.void(record.id, record.title)
