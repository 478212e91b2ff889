"""The layer list: a checkbox per layer (and per imported overlay), with its legend beneath.

The legend draws the very symbols the map uses (same painting functions), so it can never
disagree with the map.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from db.vocab import EVENT_KINDS, SITE_KINDS
from desktop.panels.map.style import MapStyle
from desktop.panels.map.symbols import paint_event_symbol, paint_site_symbol

ICON_PX = 20
ROLE_LAYER = Qt.ItemDataRole.UserRole
ROLE_OVERLAY = Qt.ItemDataRole.UserRole + 1
ROLE_KIT_LAYER = Qt.ItemDataRole.UserRole + 2


def _icon(draw) -> QIcon:
    pixmap = QPixmap(ICON_PX, ICON_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)
    painter.end()
    return QIcon(pixmap)


def event_icon(kind: str, r: float = 6.5) -> QIcon:
    return _icon(lambda p: paint_event_symbol(p, kind, ICON_PX / 2, ICON_PX / 2, r))


def site_icon(kind: str) -> QIcon:
    return _icon(lambda p: paint_site_symbol(p, kind, ICON_PX / 2, ICON_PX / 2, 7.5))


def line_icon(colour: str, width: float, casing: str | None = None, dashed: bool = False) -> QIcon:
    def draw(p: QPainter) -> None:
        if casing:
            p.setPen(QPen(QColor(casing), width + 3))
            p.drawLine(QPointF(2, ICON_PX - 5), QPointF(ICON_PX - 2, 5))
        pen = QPen(QColor(colour), width)
        if dashed:
            pen.setDashPattern([3, 2])
        p.setPen(pen)
        p.drawLine(QPointF(2, ICON_PX - 5), QPointF(ICON_PX - 2, 5))

    return _icon(draw)


def fill_icon(colour: str, outline: str | None = None) -> QIcon:
    def draw(p: QPainter) -> None:
        p.setPen(QPen(QColor(outline or colour), 1))
        p.setBrush(QColor(colour))
        p.drawRect(3, 4, ICON_PX - 6, ICON_PX - 8)

    return _icon(draw)


class LayerList(QTreeWidget):
    layerToggled = Signal(str, bool)
    overlayToggled = Signal(str, bool)
    overlayRemoveRequested = Signal(str)
    kitLayerToggled = Signal(str, bool)

    def __init__(self, style: MapStyle, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapLayerList")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._overlay_items: dict[str, QTreeWidgetItem] = {}
        self._building = True

        events = self._layer("events", self.tr("Events"))
        for code, term in EVENT_KINDS.items():
            if code != "log":
                self._legend(events, term.label(lang), event_icon(code))
        self._legend(
            events, self.tr("Size: people (more = larger)"), event_icon("stranded_group", 8)
        )
        self._legend(events, self.tr("Faded: older than a few hours"), event_icon("other"))
        sites = self._layer("sites", self.tr("Sites and their latest figures"))
        for code, term in SITE_KINDS.items():
            self._legend(sites, term.label(lang), site_icon(code))
        self._legend(sites, self.tr("* illustrative figures (exercise)"), QIcon())
        self.overlays_root = self._layer("overlays", self.tr("Imported overlays"))
        self._layer("places", self.tr("Place names"))
        borders = self._layer("borders", self.tr("Borders and coastline"))
        self._legend(
            borders,
            self.tr("Peru–Chile border"),
            line_icon(style.main_border, 3, style.main_border_casing),
        )
        self._legend(
            borders,
            self.tr("Other international border"),
            line_icon(style.border, 1.2, dashed=True),
        )
        self._legend(borders, self.tr("Coastline"), line_icon(style.coast, 1))
        self.kit_root = self._layer("mapkit", self.tr("Map kit (none loaded)"))
        self.kit_root.setDisabled(True)
        self._kit_items: dict[str, QTreeWidgetItem] = {}
        self.raster = self._layer("raster", self.tr("Raster basemap (none open)"))
        self.raster.setDisabled(True)
        land = self._layer("basemap", self.tr("Land and sea"))
        self._legend(
            land, self.tr("Peru"), fill_icon(style.land_colour("Peru").name(), style.border)
        )
        self._legend(land, self.tr("Neighbouring countries"), fill_icon(style.land, style.border))
        self._legend(land, self.tr("Sea"), fill_icon(style.sea, style.coast))
        self.expandItem(self.items["events"])
        self.expandItem(self.items["sites"])
        self._building = False
        self.itemChanged.connect(self._changed)

    def _layer(self, layer_id: str, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, ROLE_LAYER, layer_id)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.items[layer_id] = item
        return item

    def _legend(self, parent: QTreeWidgetItem, text: str, icon: QIcon) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setIcon(0, icon)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def set_checked(self, layer_id: str, checked: bool) -> None:
        self.items[layer_id].setCheckState(
            0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        )

    def is_checked(self, layer_id: str) -> bool:
        return self.items[layer_id].checkState(0) == Qt.CheckState.Checked

    def set_raster(self, name: str | None) -> None:
        self._building = True
        if name:
            self.raster.setText(0, self.tr("Raster basemap: {name}").format(name=name))
            self.raster.setDisabled(False)
            self.raster.setCheckState(0, Qt.CheckState.Checked)
        else:
            self.raster.setText(0, self.tr("Raster basemap (none open)"))
            self.raster.setDisabled(True)
        self._building = False

    def set_kit(self, name: str | None, layers: list[tuple[str, str, int, QIcon]]) -> None:
        """The loaded map kit's name and, per layer, (id, title, feature count, legend icon)."""
        self._building = True
        self.kit_root.takeChildren()
        self._kit_items = {}
        if name:
            self.kit_root.setText(0, self.tr("Map kit: {name}").format(name=name))
            self.kit_root.setDisabled(False)
            self.kit_root.setCheckState(0, Qt.CheckState.Checked)
            for layer_id, title, count, icon in layers:
                item = QTreeWidgetItem(
                    self.kit_root, [self.tr("{name} ({n})").format(name=title, n=f"{count:,}")]
                )
                item.setIcon(0, icon)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
                item.setData(0, ROLE_KIT_LAYER, layer_id)
                self._kit_items[layer_id] = item
            self.kit_root.setExpanded(False)  # one line in the list until asked for
        else:
            self.kit_root.setText(0, self.tr("Map kit (none loaded)"))
            self.kit_root.setDisabled(True)
        self._building = False

    def kit_layers(self) -> list[str]:
        """The titles of the loaded kit's layers, as listed."""
        return [item.text(0) for item in self._kit_items.values()]

    def set_overlays(self, overlays: list[tuple[str, str, int]], hidden: set[str]) -> None:
        """(id, name, feature count) per overlay."""
        self._building = True
        self.overlays_root.takeChildren()
        self._overlay_items = {}
        for oid, name, count in overlays:
            item = QTreeWidgetItem(
                self.overlays_root, [self.tr("{name} ({n} features)").format(name=name, n=count)]
            )
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(
                0, Qt.CheckState.Unchecked if oid in hidden else Qt.CheckState.Checked
            )
            item.setData(0, ROLE_OVERLAY, oid)
            self._overlay_items[oid] = item
        self.overlays_root.setExpanded(True)
        self._building = False

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._building:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        overlay = item.data(0, ROLE_OVERLAY)
        if overlay:
            self.overlayToggled.emit(overlay, checked)
            return
        kit_layer = item.data(0, ROLE_KIT_LAYER)
        if kit_layer:
            self.kitLayerToggled.emit(kit_layer, checked)
            return
        layer = item.data(0, ROLE_LAYER)
        if layer:
            self.layerToggled.emit(layer, checked)

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        overlay = item.data(0, ROLE_OVERLAY) if item else None
        if not overlay:
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Remove overlay…"))
        remove.triggered.connect(lambda: self.overlayRemoveRequested.emit(overlay))
        menu.popup(self.viewport().mapToGlobal(pos))
