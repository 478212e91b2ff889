"""``MapPanel``: the map operators look at first, with its layer list and the events log.

Built once: the scene's layer items, the view, the side column. ``refresh()`` re-reads the
store through ``db.geo.layers`` and hands each layer new arrays; nothing is rebuilt. It listens
to the watcher and the exercise clock (the panel contract, docs/architecture.md §6).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.errors import SituationRoomError
from db.geo.layers import event_points, site_markers
from db.store.records import Void
from desktop.context import AppContext
from desktop.panels.map.basemap_item import BasemapItem, BasemapPainter, BorderLinesItem
from desktop.panels.map.editing import MapEditing
from desktop.panels.map.events_log import EventsLog
from desktop.panels.map.furniture import paint_furniture
from desktop.panels.map.kit_item import KitItem
from desktop.panels.map.layer_item import StaticStackItem
from desktop.panels.map.layer_list import LayerList
from desktop.panels.map.markers import EventLayerItem
from desktop.panels.map.overlay_source import OverlaySource
from desktop.panels.map.overlays_item import OverlaysItem
from desktop.panels.map.panel_files import MapFiles, remembered_kit
from desktop.panels.map.panel_menus import MapRecordActions
from desktop.panels.map.places_item import PlacesItem
from desktop.panels.map.record_card import RecordCard, position_text
from desktop.panels.map.site_layer import SiteLayerItem
from desktop.panels.map.style import style_from_theme
from desktop.panels.map.tiles_item import TilesItem
from desktop.panels.map.tooltips import event_tooltip, site_tooltip
from desktop.panels.map.view import MapView
from desktop.theme import DAY, THEMES, chrome_stylesheet

FADE_TICK_MS = 60_000


class MapPanel(QWidget):
    """The map. ``read_only`` (the wall display): the map alone, to look at and pan; no
    toolbar, side column, menus, entry on click or moving sites."""

    cursorMoved = Signal(str)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.read_only = read_only
        self.setObjectName("mapPanel")
        theme = getattr(ctx, "theme", None)
        theme = THEMES.get(theme, DAY) if isinstance(theme, str) or theme is None else theme
        self.theme = theme
        self.style = style_from_theme(theme)
        self._loaded = False
        self.show_closed = False
        self.selected: str | None = None
        self._points = None
        self._fade_clock = None

        # -- scene: one item per layer, bottom to top ---------------------------------------
        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        basemap = BasemapPainter()
        self.basemap_item = BasemapItem(basemap, self.style)
        self.tiles_item = TilesItem()
        self.kit_item = KitItem(self.style)
        self.borders_item = BorderLinesItem(basemap, self.style)
        self.overlays_item = OverlaysItem(self.style)
        self.places_item = PlacesItem(style=self.style)
        self.events_item = EventLayerItem()
        self.sites_item = SiteLayerItem(style=self.style)
        # The day's events over the sites: the key incident at a crossing is never hidden
        # under the crossing's symbol.
        self.events_item.setZValue(self.sites_item.zValue() + 5)
        self.places_item.set_obstacle_source(self.sites_item.sites_painter.obstacles)
        self.kit_item.set_obstacle_source(self.sites_item.sites_painter.obstacles)
        self.layers = {
            item.layer_id: item
            for item in (
                self.basemap_item,
                self.tiles_item,
                self.kit_item,
                self.borders_item,
                self.overlays_item,
                self.places_item,
                self.events_item,
                self.sites_item,
            )
        }
        for item in self.layers.values():
            self.scene.addItem(item)
        static = [
            self.basemap_item,
            self.tiles_item,
            self.kit_item,
            self.borders_item,
            self.overlays_item,
            self.places_item,
        ]
        self.static_stack = StaticStackItem(static, self.style.no_data)
        self.scene.addItem(self.static_stack)
        self.overlay_source = OverlaySource(ctx.store)

        # -- view and side column -------------------------------------------------------------
        self.view = MapView(self.scene)
        self.view.hit_test = self._hit
        self.view.tooltip_for = self._tooltip
        self.view.drag_preview = self._drag_preview
        self.view.foreground_painter = self._paint_furniture
        self.editing = MapEditing(ctx, self)
        self.coords_label = QLabel(
            self.tr("Point at the map for coordinates (degrees, DMS, UTM 19S)")
        )
        self.coords_label.setObjectName("mapCursor")
        self.layer_list: LayerList | None = None
        self.card: RecordCard | None = None
        self.log: EventsLog | None = None
        if not read_only:
            self.layer_list = LayerList(self.style, ctx.lang)
            self.card = RecordCard(ctx)
            self.log = EventsLog(ctx)
        self.files = MapFiles(
            self,
            self.editing,
            self.tiles_item,
            self.overlay_source,
            self.layer_list,
            self.kit_item,
            changed=self._kit_or_basemap_changed,
            refresh=self.refresh,
        )
        self.record_actions = MapRecordActions(ctx.store, self.editing, self.view, self)
        self._build_actions()
        self.view.cursorMoved.connect(self._cursor)
        self.view.markerClicked.connect(self.select)
        if read_only:
            self.view.sites_movable = False
            self._layout_read_only()
        else:
            self._layout()
            self._connect_editing()
        ctx.watcher.changed.connect(self.refresh)
        ctx.clock_signals.moved.connect(self._clock_moved)
        self._fade_timer = QTimer(self)
        self._fade_timer.setInterval(FADE_TICK_MS)
        self._fade_timer.timeout.connect(self._refade)
        self._fade_timer.start()
        self._open_remembered_kit()
        self.refresh()
        self.events_item.prepare_symbols_later()

    def _connect_editing(self) -> None:
        self.view.mapClicked.connect(lambda lon, lat: self.editing.new_event(lon, lat))
        self.view.contextRequested.connect(self.record_actions.show_context_menu)
        self.view.siteDropped.connect(self.record_actions.site_dropped)
        self.layer_list.layerToggled.connect(self.set_layer_visible)
        self.layer_list.overlayToggled.connect(self.overlays_item.set_overlay_visible)
        self.layer_list.overlayRemoveRequested.connect(self.files.remove_overlay)
        self.layer_list.kitLayerToggled.connect(self._kit_layer_toggled)
        self.card.correctRequested.connect(self.record_actions.correct)
        self.card.voidRequested.connect(self.record_actions.void)
        self.card.closeRequested.connect(lambda: self.select(None))
        self.log.entrySelected.connect(self._log_selected)
        self.log.newEntryRequested.connect(lambda: self.editing.new_event(None, None))

    # -- layout and actions ---------------------------------------------------------------
    def _layout_read_only(self) -> None:
        self.coords_label.hide()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.view)
        self.splitter = None

    def _layout(self) -> None:
        toolbar = QToolBar()
        toolbar.setObjectName("mapToolbar")
        toolbar.setStyleSheet(chrome_stylesheet(self.theme))
        for action in (self.home_action, self.zoom_in_action, self.zoom_out_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.show_closed_action)
        toolbar.addAction(self.layer_list_action)
        toolbar.addAction(self.open_basemap_action)
        toolbar.addAction(self.load_kit_action)
        toolbar.addAction(self.import_overlay_action)
        map_area = QWidget()
        column = QVBoxLayout(map_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(toolbar)
        column.addWidget(self.view, 1)
        column.addWidget(self.coords_label)
        lower = QWidget()  # the selected record sits on the log, at its natural height
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.card)
        lower_column.addWidget(self.log, 1)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.layer_list)
        side.addWidget(lower)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 3)
        side.setSizes([300, 650])  # the list compact; what it hides opens with a click
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(map_area)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setSizes([1180, 300])
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split)
        self.splitter = split

    def _action(
        self, text: str, slot, menu: str, shortcut=None, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        action.setProperty("menu", menu)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        if self.read_only:
            self._actions: list[QAction] = []
            return
        self.open_basemap_action = self._action(
            self.tr("Open basemap…"), self.files.choose_basemap, "file", "Ctrl+Shift+M"
        )
        self.load_kit_action = self._action(
            self.tr("Load map kit…"),
            lambda: self.files.choose_kit(remember_for=self._database_path()),
            "file",
            "Ctrl+Shift+K",
        )
        self.import_overlay_action = self._action(
            self.tr("Import overlay…"), self.files.choose_overlay, "file", "Ctrl+Shift+I"
        )
        self.home_action = self._action(
            self.tr("Home view (border zone)"), self.view.home, "view", Qt.Key.Key_Home
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom in"),
            lambda: self.view.zoom_by(1),
            "view",
            QKeySequence.StandardKey.ZoomIn,
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom out"),
            lambda: self.view.zoom_by(-1),
            "view",
            QKeySequence.StandardKey.ZoomOut,
        )
        self.show_closed_action = self._action(
            self.tr("Show closed events"),
            lambda on: self.set_show_closed(on),
            "view",
            "Ctrl+Shift+H",
            checkable=True,
        )
        self.layer_list_action = self._action(
            self.tr("Layer list"), self.set_layer_list_shown, "view", "Ctrl+Shift+L", True
        )
        self.layer_list_action.setChecked(True)
        self.new_log_action = self._action(
            self.tr("New log entry…"), lambda: self.editing.new_event(None, None), "edit", "Ctrl+L"
        )
        for action in (
            self.open_basemap_action,
            self.load_kit_action,
            self.import_overlay_action,
            self.show_closed_action,
            self.layer_list_action,
            self.new_log_action,
        ):
            # Not the map's keys (Home, +, −): these make sense wherever the focus is.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._actions = [
            self.open_basemap_action,
            self.load_kit_action,
            self.import_overlay_action,
            self.new_log_action,
            self.home_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.show_closed_action,
            self.layer_list_action,
        ]
        for action in self._actions:
            self.addAction(action)

    def actions(self) -> list[QAction]:  # the panel contract's name (shadows QWidget.actions)
        return list(self._actions)

    def open_basemap(self, path: str | Path) -> bool:
        """Show an MBTiles file under the vector layers (see ``MapFiles``)."""
        return self.files.open_basemap(path)

    def open_kit(self, path: str | Path, *, remember: bool = True) -> bool:
        """Draw a map kit (GeoPackage from ``situation-room mapkit build``) under the
        operational layers; remembered for this database unless ``remember`` is False."""
        return self.files.open_kit(path, remember_for=self._database_path() if remember else None)

    def _database_path(self) -> Path | None:
        path = getattr(self.ctx.store, "path", None)
        return Path(path) if path else None

    def _open_remembered_kit(self) -> None:
        database = self._database_path()
        kit = remembered_kit(database) if database is not None else None
        if kit is not None and kit.is_file():
            self.files.open_kit(kit)

    def _kit_or_basemap_changed(self) -> None:
        # The kit names towns itself, better placed along its roads: the shipped names step aside.
        has_kit = self.kit_item.kit is not None
        if self.places_item.isVisible() == has_kit:
            self.set_layer_visible("places", not has_kit)
        # A kit's streets take longer than a frame to draw: while the wheel turns, the map
        # shows its last picture scaled, and is drawn sharp once the zoom settles.
        cache = self.static_stack.cache
        cache.direct = not has_kit
        cache.preview = cache.preview_any_key = has_kit
        cache.on_settled = self.view.viewport().update if has_kit else None
        self.view.viewport().update()

    def _kit_layer_toggled(self, name: str, visible: bool) -> None:
        self.kit_item.set_kit_layer_visible(name, visible)
        self.view.viewport().update()

    def import_overlay(self, path: str | Path) -> bool:
        """Import a KML, KMZ or GeoJSON file as an overlay and show it (see ``MapFiles``)."""
        return self.files.import_overlay(path)

    @property
    def attribution(self) -> list[str]:
        """The credits in the map's corner: the basemap's own, if one is open, and ours."""
        return self.files.attribution

    @property
    def context_menu(self) -> QMenu | None:
        """The right-click menu shown last."""
        return self.record_actions.context_menu

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the store and clock; every layer gets new data, no item is re-created."""
        at = self.ctx.clock.now()
        if self._fade_clock is None or at < self._fade_clock:
            self._fade_clock = at
        # What the post knew at the clock's time (docs/architecture.md §4).
        points = event_points(self.ctx.store, at, include_closed=self.show_closed, as_of=at)
        # Ages are taken on the fading clock, which moves once a minute: between its ticks a
        # store change alters only the events that changed, so only those are redrawn.
        self._points = points.aged((self._fade_clock - at).total_seconds())
        self.events_item.set_points(self._points)
        self.sites_item.set_sites(site_markers(self.ctx.store, at, as_of=at))
        self.places_item.update()
        self._refresh_overlays()
        if self.log is not None:
            self.log.refresh()
        if self.selected:
            # A correction (here or at another station) moves the selection to the new version.
            self.select(self._current_version(self.selected))
        self.view.viewport().update()
        self._loaded = True

    def after_start(self) -> None:
        """Once the window is up (main_window calls it): the layers' pictures get the margin
        that makes a pan a blit (the first paint drew the view alone)."""
        self.static_stack.cache.prepare_margin()
        self.events_item.cache.prepare_margin()

    @property
    def ready(self) -> bool:
        """Real data drawn, and no zoom preview waiting for its sharp redraw (``--screenshot``)."""
        return (
            self._loaded
            and not self.events_item.cache.pending
            and not (self.static_stack.cache.preview and self.static_stack.cache.pending)
        )

    def _refade(self) -> None:
        """Events fade as the clock runs, without a query: the ages move on."""
        if self._points is None:
            return
        at = self.ctx.clock.now()
        self._points = self._points.aged((at - self._fade_clock).total_seconds())
        self._fade_clock = at
        self.events_item.set_points(self._points)

    def _clock_moved(self) -> None:
        self._fade_clock = None  # an exercise clock can jump either way: fade from the new time
        self.refresh()

    def _refresh_overlays(self) -> None:
        changed = self.overlay_source.reload()
        if changed:
            self.overlays_item.set_overlays(self.overlay_source.layers)
            if self.layer_list is not None:
                self.layer_list.set_overlays(self.overlay_source.summary, self.overlays_item.hidden)

    def _current_version(self, record_id: str) -> str | None:
        store = self.ctx.store
        try:
            if store.is_current(record_id):
                return record_id
            versions = [v for v in store.history(record_id) if not isinstance(v, Void)]
        except SituationRoomError:
            return None
        return next((v.id for v in reversed(versions) if store.is_current(v.id)), None)

    @property
    def event_count(self) -> int:
        """How many event markers the layer holds (located, occurred, open unless shown)."""
        return len(self.events_item.markers)

    def set_show_closed(self, on: bool) -> None:
        self.show_closed = bool(on)
        if not self.read_only:
            self.show_closed_action.setChecked(self.show_closed)
        self.refresh()

    def set_layer_list_shown(self, shown: bool) -> None:
        """Fold the layer list away (the events log gets the column) or bring it back."""
        if self.layer_list is None:
            return
        self.layer_list.setVisible(bool(shown))
        self.layer_list_action.setChecked(bool(shown))

    def set_layer_visible(self, layer_id: str, visible: bool) -> None:
        self.layers[layer_id].setVisible(visible)
        if self.layer_list is not None and self.layer_list.is_checked(layer_id) != visible:
            self.layer_list.set_checked(layer_id, visible)

    # -- selection -----------------------------------------------------------------------
    def select(self, record_id: str | None) -> None:
        self.selected = record_id
        self.events_item.markers.selected = record_id
        self.sites_item.sites_painter.selected = record_id
        if self.card is not None:
            self.card.show_record(self.ctx.store.get(record_id) if record_id else None)
        if record_id and self.log is not None:
            self.log.select(record_id, emit=False)
        self.view.viewport().update()

    def centre_on(self, record_id: str) -> bool:
        record = self.ctx.store.get(record_id)
        lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
        if lat is None or lon is None:
            return False
        self.view.set_view(lon, lat, max(self.view.zoom, 12))
        return True

    def _log_selected(self, record_id: str) -> None:
        self.centre_on(record_id)
        self.select(record_id)

    # -- view callbacks --------------------------------------------------------------------
    def _hit(self, frame, x, y):
        # Events are drawn over the sites (an incident at a crossing must show): what is on top
        # is what a click finds.
        if self.events_item.isVisible():
            event = self.events_item.markers.hit(frame, x, y)
            if event:
                return ("event", event)
        if self.sites_item.isVisible():
            site = self.sites_item.sites_painter.hit(frame, x, y)
            if site:
                return ("site", site)
        return None

    def _tooltip(self, kind: str, record_id: str) -> str:
        if kind == "site":
            marker = self.sites_item.sites_painter.get(record_id)
            return site_tooltip(marker, self.ctx.lang) if marker else ""
        return event_tooltip(self.ctx.store.get(record_id), self.ctx.tz, self.ctx.lang)

    def _drag_preview(self, site_id, mx, my) -> None:
        self.sites_item.sites_painter.drag = None if site_id is None else (site_id, mx, my)
        self.sites_item.update()

    def _paint_furniture(self, painter, frame) -> None:
        paint_furniture(painter, frame, self.attribution, self.style)

    def _cursor(self, lon: float, lat: float) -> None:
        try:
            text = position_text(lon, lat)
        except ValueError:  # beyond UTM's latitudes
            text = f"{lat:.5f}, {lon:.5f}"
        self.coords_label.setText(text)
        self.cursorMoved.emit(text)
