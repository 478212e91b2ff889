"""The map panel's file actions: open a raster basemap, import or remove an overlay."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from db.errors import SituationRoomError
from desktop.dialogs.reason_dialog import ReasonDialog


class MapFiles:
    """Mixin of MapPanel (uses its ``editing``, ``tiles_item``, ``layer_list``, ``attribution``)."""

    def open_basemap(self, path: str | Path) -> bool:
        """Show an MBTiles file under the vector layers; a bad file gets a clear message."""
        try:
            from db.geo.mbtiles import MBTiles

            tiles = MBTiles.open(path)
        except SituationRoomError as exc:
            self.editing.show_message(
                QCoreApplication.translate("MapFiles", "Basemap not opened"), str(exc)
            )
            return False
        except ImportError:
            self.editing.show_message(
                QCoreApplication.translate("MapFiles", "Basemap not opened"),
                QCoreApplication.translate("MapFiles", "This build cannot read MBTiles files."),
            )
            return False
        self.tiles_item.set_source(tiles)
        name = getattr(tiles, "name", "") or Path(path).name
        if self.layer_list is not None:
            self.layer_list.set_raster(name)
        self.layers["raster"].setVisible(True)
        extra = getattr(tiles, "attribution", "") or ""
        self.attribution = [a for a in (extra, self._base_attribution()) if a]
        self.view.viewport().update()
        return True

    def _base_attribution(self) -> str:
        from db.geo import projection as geo

        return geo.ATTRIBUTION

    def _choose_basemap(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MapFiles", "Open basemap"),
            "",
            QCoreApplication.translate(
                "MapFiles", "MBTiles raster maps (*.mbtiles);;All files (*)"
            ),
        )
        if path:
            self.open_basemap(path)

    def import_overlay(self, path: str | Path) -> bool:
        try:
            self.overlay_source.import_file(str(path))
        except SituationRoomError as exc:
            self.editing.show_message(
                QCoreApplication.translate("MapFiles", "Overlay not imported"), str(exc)
            )
            return False
        self.refresh()
        return True

    def _choose_overlay(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MapFiles", "Import overlay"),
            "",
            QCoreApplication.translate(
                "MapFiles", "Overlays (*.kml *.kmz *.geojson *.json);;All files (*)"
            ),
        )
        if path:
            self.import_overlay(path)

    def _remove_overlay(self, overlay_id: str) -> None:
        name = self.overlay_source.name_of(overlay_id)
        dialog = ReasonDialog(
            QCoreApplication.translate("MapFiles", "Remove overlay"),
            QCoreApplication.translate(
                "MapFiles", "Remove the overlay “{name}” from the map?"
            ).format(name=name),
            lambda reason: self.overlay_source.remove(overlay_id, reason),
            self,
        )
        self.editing._open(dialog)
