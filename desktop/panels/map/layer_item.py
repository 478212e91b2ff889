"""The one kind of QGraphicsItem the map uses: a whole layer that paints itself in pixels.

Each layer is one item covering the world (never one item per marker); it works out the
``Frame`` from the painter the view hands it and paints in device pixels, so the same painting
code serves the interactive view and the offscreen briefing image.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from db.geo import projection as geo
from desktop.panels.map.frame import Frame
from desktop.panels.map.layer_cache import ViewportCache

WORLD_RECT = QRectF(
    -geo.ORIGIN_SHIFT_M, -geo.ORIGIN_SHIFT_M, 2 * geo.ORIGIN_SHIFT_M, 2 * geo.ORIGIN_SHIFT_M
)


class MapLayerItem(QGraphicsItem):
    """Subclasses implement ``paint_frame``; ``layer_id`` names the layer in the layer list."""

    layer_id = ""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)

    def boundingRect(self) -> QRectF:
        return WORLD_RECT

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        device = painter.device()
        frame = Frame.from_transform(painter.worldTransform(), device.width(), device.height())
        dpr = device.devicePixelRatioF() if hasattr(device, "devicePixelRatioF") else 1.0
        painter.save()
        painter.resetTransform()
        try:
            self.paint_frame(painter, frame, dpr)
        finally:
            painter.restore()

    def paint_frame(self, painter: QPainter, frame: Frame, dpr: float = 1.0) -> None:
        raise NotImplementedError


class StaticLayerItem(MapLayerItem):
    """A layer that changes only with the zoom or its own data (basemap, tiles, overlays,
    places). It does not paint itself: ``StaticStackItem`` draws every visible static layer
    into one cached picture, so a pan blits one pixmap, not five."""

    def static_key(self, frame: Frame) -> object:
        """Changes whenever the layer would draw differently at the same zoom."""
        return None

    def render_static(self, painter: QPainter, frame: Frame) -> None:
        raise NotImplementedError

    def paint_frame(self, painter: QPainter, frame: Frame, dpr: float = 1.0) -> None:
        pass  # drawn by the stack


class StaticStackItem(MapLayerItem):
    """Paints the static layers, bottom to top, from one viewport cache (see layer_cache)."""

    layer_id = "static"

    def __init__(self, layers: list[StaticLayerItem], background: str) -> None:
        super().__init__()
        self.layers = layers
        self.cache = ViewportCache(background=background)
        self.setZValue(min(layer.zValue() for layer in layers) - 0.5)

    def paint_frame(self, painter: QPainter, frame: Frame, dpr: float = 1.0) -> None:
        shown = [layer for layer in self.layers if layer.isVisible()]
        key = (
            frame.width,
            frame.height,
            tuple((layer.layer_id, layer.static_key(frame)) for layer in shown),
        )

        def render(p: QPainter, f: Frame) -> None:
            for layer in shown:
                layer.render_static(p, f)

        self.cache.paint(painter, frame, render, key=key, dpr=dpr)
