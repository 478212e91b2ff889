"""The interactive map view: wheel zoom about the cursor, drag to pan, keys, clicks, hovers.

The view owns only navigation and turns mouse gestures into signals with coordinates; what a
click *means* (a new event, a selection, a site move) is decided by the panel. Zoom is the
slippy-map zoom (fractional), so raster tiles and the basemap's detail levels line up with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QToolTip, QWidget

from db.geo import projection as geo
from desktop.panels.map.frame import HOME_BBOX, Frame, scale_for_zoom, zoom_for_scale

MIN_ZOOM, MAX_ZOOM = 4.0, 19.0
WHEEL_STEP = 0.5  # zoom levels per wheel notch
KEY_PAN_FRACTION = 0.25
DRAG_THRESHOLD_PX = 4


class MapView(QGraphicsView):
    """Signals carry WGS84 degrees; ``hit_test(pos)`` is supplied by the panel."""

    cursorMoved = Signal(float, float)  # lon, lat
    mapClicked = Signal(float, float)
    markerClicked = Signal(str)
    contextRequested = Signal(float, float, QPoint, str)  # lon, lat, global pos, site id or ""
    siteDropped = Signal(str, float, float)
    viewChanged = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("mapView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Layers draw their own antialiasing where it pays (symbols, labels); markers do not.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setOptimizationFlags(
            QGraphicsView.OptimizationFlag.DontSavePainterState
            | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSceneRect(
            -geo.ORIGIN_SHIFT_M, -geo.ORIGIN_SHIFT_M, 2 * geo.ORIGIN_SHIFT_M, 2 * geo.ORIGIN_SHIFT_M
        )
        self._scale = scale_for_zoom(10)
        self._center = QPointF(*geo.lonlat_to_mercator(-70.3, -18.2))  # Mercator, y up
        self._press: QPointF | None = None
        self._press_button = Qt.MouseButton.NoButton
        self._panning = False
        self._dragging_site: str | None = None
        self._last_pos = QPointF()
        self.hit_test = lambda frame, x, y: None  # → ("event"|"site", id) or None
        self.tooltip_for = lambda kind, record_id: ""
        self.drag_preview = lambda site_id, mx, my: None  # None clears
        self.foreground_painter = None  # callable(painter, frame)
        self._auto_home = True  # until the operator navigates, a resize re-fits the home view
        self.sites_movable = True  # False: a drag from a site pans, as from anywhere else
        self._apply()

    # -- state -------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return zoom_for_scale(self._scale)

    def frame(self) -> Frame:
        vp = self.viewport()
        return Frame.from_transform(self.viewportTransform(), vp.width(), vp.height())

    @property
    def follows_home(self) -> bool:
        """The operator has not navigated yet: the view re-fits the border zone on a resize."""
        return self._auto_home

    def center_lonlat(self) -> tuple[float, float]:
        return geo.mercator_to_lonlat(self._center.x(), self._center.y())

    def _apply(self) -> None:
        self.setTransform(QTransform.fromScale(self._scale, self._scale))
        self.centerOn(QPointF(self._center.x(), -self._center.y()))
        self.viewport().update()
        self.viewChanged.emit()

    def set_view(self, lon: float, lat: float, zoom: float | None = None) -> None:
        self._auto_home = False
        if zoom is not None:
            self._scale = scale_for_zoom(min(MAX_ZOOM, max(MIN_ZOOM, zoom)))
        self._center = QPointF(*geo.lonlat_to_mercator(lon, lat))
        self._apply()

    def fit_bbox(self, bbox: tuple[float, float, float, float]) -> None:
        vp = self.viewport()
        frame = Frame.fit(bbox, max(vp.width(), 1), max(vp.height(), 1), margin=0.02)
        self._scale = min(scale_for_zoom(MAX_ZOOM), frame.scale)
        west, south, east, north = bbox
        x0, y0 = geo.lonlat_to_mercator(west, south)
        x1, y1 = geo.lonlat_to_mercator(east, north)
        self._center = QPointF((x0 + x1) / 2, (y0 + y1) / 2)
        self._apply()

    def home(self) -> None:
        """The border zone, Tacna to Arica."""
        self.fit_bbox(HOME_BBOX)

    def zoom_by(self, levels: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``levels`` keeping the point under ``anchor`` (viewport px) where it is."""
        self._auto_home = False
        new_zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom + levels))
        new_scale = scale_for_zoom(new_zoom)
        vp = self.viewport()
        if anchor is None:
            anchor = QPointF(vp.width() / 2, vp.height() / 2)
        mx, my = self.frame().px_to_merc(anchor.x(), anchor.y())
        ratio = self._scale / new_scale
        self._center = QPointF(
            mx + (self._center.x() - mx) * ratio, my + (self._center.y() - my) * ratio
        )
        self._scale = new_scale
        self._apply()

    def pan_px(self, dx: float, dy: float) -> None:
        """Move the map content by (dx, dy) screen pixels."""
        self._auto_home = False
        self._center = QPointF(
            self._center.x() - dx / self._scale, self._center.y() + dy / self._scale
        )
        self._apply()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_home:
            self.fit_bbox(HOME_BBOX)
        else:
            self._apply()

    # -- input -------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(steps * WHEEL_STEP, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        vp = self.viewport()
        step_x, step_y = vp.width() * KEY_PAN_FRACTION, vp.height() * KEY_PAN_FRACTION
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(-1)
        elif key == Qt.Key.Key_Left:
            self.pan_px(step_x, 0)
        elif key == Qt.Key.Key_Right:
            self.pan_px(-step_x, 0)
        elif key == Qt.Key.Key_Up:
            self.pan_px(0, step_y)
        elif key == Qt.Key.Key_Down:
            self.pan_px(0, -step_y)
        elif key == Qt.Key.Key_Home:
            self.home()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        self._last_pos = event.position()
        self._press_button = event.button()
        self._panning = False
        self._dragging_site = None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        lon, lat = self.frame().px_to_lonlat(pos.x(), pos.y())
        self.cursorMoved.emit(lon, lat)
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        moved = (pos - self._press).manhattanLength()
        if not self._panning and self._dragging_site is None and moved >= DRAG_THRESHOLD_PX:
            hit = self.hit_test(self.frame(), self._press.x(), self._press.y())
            if hit and hit[0] == "site" and self.sites_movable:
                self._dragging_site = hit[1]
            else:
                self._panning = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._panning:
            delta = pos - self._last_pos
            self.pan_px(delta.x(), delta.y())
        elif self._dragging_site:
            mx, my = self.frame().px_to_merc(pos.x(), pos.y())
            self.drag_preview(self._dragging_site, mx, my)
            self.viewport().update()
        self._last_pos = pos

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        press, button = self._press, self._press_button
        self._press = None
        self.viewport().unsetCursor()
        if self._dragging_site:
            site_id, self._dragging_site = self._dragging_site, None
            self.drag_preview(None, 0.0, 0.0)
            lon, lat = self.frame().px_to_lonlat(pos.x(), pos.y())
            self.siteDropped.emit(site_id, lon, lat)
            return
        if self._panning or press is None or button != Qt.MouseButton.LeftButton:
            self._panning = False
            return
        hit = self.hit_test(self.frame(), pos.x(), pos.y())
        if hit:
            self.markerClicked.emit(hit[1])
        else:
            lon, lat = self.frame().px_to_lonlat(pos.x(), pos.y())
            self.mapClicked.emit(lon, lat)

    def contextMenuEvent(self, event) -> None:
        pos = QPointF(event.pos())
        lon, lat = self.frame().px_to_lonlat(pos.x(), pos.y())
        hit = self.hit_test(self.frame(), pos.x(), pos.y())
        site_id = hit[1] if hit and hit[0] == "site" else ""
        self.contextRequested.emit(lon, lat, event.globalPos(), site_id)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            hit = self.hit_test(self.frame(), pos.x(), pos.y())
            text = self.tooltip_for(*hit) if hit else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def drawForeground(self, painter: QPainter, rect) -> None:
        if self.foreground_painter is None:
            return
        painter.save()
        painter.resetTransform()
        self.foreground_painter(painter, self.frame())
        painter.restore()
