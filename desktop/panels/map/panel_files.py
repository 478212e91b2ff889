"""The map panel's file actions: open a raster basemap, import or remove an overlay."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from db.errors import SituationRoomError
from db.geo import projection as geo
from db.geo.mapkit.kit import open_kit
from db.geo.mbtiles import MBTiles
from desktop import settings
from desktop.dialogs.reason_dialog import ReasonDialog
from desktop.panels.map.editing import MapEditing
from desktop.panels.map.kit_item import KitItem, kit_legend
from desktop.panels.map.layer_list import LayerList
from desktop.panels.map.overlay_source import OverlaySource
from desktop.panels.map.tiles_item import TilesItem


class MapFiles:
    """The files one map panel shows: its raster basemap (``tiles``), its overlays
    (``overlays``), and the attribution they bring. ``layer_list`` (None on the wall) lists
    them; ``changed()`` redraws the map after a new basemap, ``refresh()`` re-reads it after
    an overlay is imported; messages and dialogs go through ``editing``."""

    def __init__(
        self,
        parent: QWidget,
        editing: MapEditing,
        tiles: TilesItem,
        overlays: OverlaySource,
        layer_list: LayerList | None,
        kit_item: KitItem,
        *,
        changed: Callable[[], None],
        refresh: Callable[[], None],
    ) -> None:
        self.parent = parent
        self.editing = editing
        self.tiles = tiles
        self.overlays = overlays
        self.layer_list = layer_list
        self.kit_item = kit_item
        self._basemap_credit = ""
        self.changed = changed
        self.refresh = refresh
        self.attribution = [geo.ATTRIBUTION]  # what the map's corner credits

    def open_basemap(self, path: str | Path) -> bool:
        """Show an MBTiles file under the vector layers; a bad file gets a clear message."""
        try:
            tiles = MBTiles.open(path)
        except SituationRoomError as exc:
            self.editing.show_message(
                QCoreApplication.translate("MapFiles", "Basemap not opened"), str(exc)
            )
            return False
        self.tiles.set_source(tiles)
        name = getattr(tiles, "name", "") or Path(path).name
        if self.layer_list is not None:
            self.layer_list.set_raster(name)
        self.tiles.setVisible(True)
        self._basemap_credit = getattr(tiles, "attribution", "") or ""
        self._credit()
        self.changed()
        return True

    def _credit(self) -> None:
        kit = self.kit_item.kit
        kit_credit = kit.attribution if kit is not None else ""
        self.attribution = [a for a in (kit_credit, self._basemap_credit, geo.ATTRIBUTION) if a]

    def open_kit(self, path: str | Path, *, remember_for: str | Path | None = None) -> bool:
        """Draw a map kit (GeoPackage) under the operational layers; a bad file gets a clear
        message and the map stays as it was. ``remember_for``: the database it is kept for."""
        try:
            kit = open_kit(path)
        except SituationRoomError as exc:
            self.editing.show_message(
                QCoreApplication.translate("MapFiles", "Map kit not loaded"), str(exc)
            )
            return False
        self.kit_item.set_kit(kit)
        if self.layer_list is not None:
            self.layer_list.set_kit(Path(path).name, kit_legend(kit, self.kit_item.style))
        self._credit()
        if remember_for is not None:
            remember_kit(remember_for, Path(path))
        self.changed()
        return True

    def choose_kit(self, remember_for: str | Path | None = None) -> None:
        path = self._chosen_file(
            QCoreApplication.translate("MapFiles", "Load map kit"),
            QCoreApplication.translate("MapFiles", "Map kits (*.gpkg);;All files (*)"),
        )
        if path:
            self.open_kit(path, remember_for=remember_for)

    def _chosen_file(self, title: str, kinds: str) -> str:
        """The file the operator picks in an open dialog ("" if cancelled)."""
        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", kinds)
        return path

    def choose_basemap(self) -> None:
        path = self._chosen_file(
            QCoreApplication.translate("MapFiles", "Open basemap"),
            QCoreApplication.translate(
                "MapFiles", "MBTiles raster maps (*.mbtiles);;All files (*)"
            ),
        )
        if path:
            self.open_basemap(path)

    def import_overlay(self, path: str | Path) -> bool:
        try:
            self.overlays.import_file(str(path))
        except SituationRoomError as exc:
            self.editing.show_message(
                QCoreApplication.translate("MapFiles", "Overlay not imported"), str(exc)
            )
            return False
        self.refresh()
        return True

    def choose_overlay(self) -> None:
        path = self._chosen_file(
            QCoreApplication.translate("MapFiles", "Import overlay"),
            QCoreApplication.translate(
                "MapFiles", "Overlays (*.kml *.kmz *.geojson *.json);;All files (*)"
            ),
        )
        if path:
            self.import_overlay(path)

    def remove_overlay(self, overlay_id: str) -> None:
        name = self.overlays.name_of(overlay_id)
        dialog = ReasonDialog(
            QCoreApplication.translate("MapFiles", "Remove overlay"),
            QCoreApplication.translate(
                "MapFiles", "Remove the overlay “{name}” from the map?"
            ).format(name=name),
            lambda reason: self.overlays.remove(overlay_id, reason),
            self.parent,
        )
        self.editing.open_dialog(dialog)


def remembered_kit(database: str | Path) -> Path | None:
    """The kit last loaded with ``database`` (a setting of this workstation), if any."""
    kit = _kits().get(str(Path(database).resolve()))
    return Path(kit) if kit else None


def remember_kit(database: str | Path, kit: Path) -> None:
    kits = _kits()
    kits[str(Path(database).resolve())] = str(kit.resolve())
    settings.put("map/kits", json.dumps(kits, ensure_ascii=False))


def _kits() -> dict[str, str]:
    try:
        loaded = json.loads(settings.get("map/kits") or "{}")
    except (TypeError, ValueError):
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {str(k): str(v) for k, v in loaded.items()}
