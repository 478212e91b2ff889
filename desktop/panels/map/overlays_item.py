"""Imported overlays (KML/KMZ/GeoJSON stored by ``db.geo.overlays``) drawn as read-only layers.

Each overlay keeps the styles it came with (Google Earth line and fill colours); features are
turned into paths once when the overlays change, and the static stack keeps the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTransform

from db.geo import projection as geo
from desktop.panels.map.frame import Frame
from desktop.panels.map.labels import draw_halo_text
from desktop.panels.map.layer_item import StaticLayerItem
from desktop.panels.map.style import SCREEN, MapStyle

POINT_RADIUS_PX = 4.5
LABEL_MIN_ZOOM = 11.0


def _alpha(value: object, default: float = 1.0) -> int:
    """0–255 from an alpha given as 0–1 (or already 0–255)."""
    if value is None:
        return round(default * 255)
    v = float(value)
    return round(v * 255) if v <= 1.0 else round(min(v, 255))


def _colour(hex_colour: str | None, alpha: object, fallback: str) -> QColor:
    colour = QColor(hex_colour or fallback)
    if not colour.isValid():
        colour = QColor(fallback)
    colour.setAlpha(_alpha(alpha))
    return colour


def _ring_path(coords) -> QPainterPath:
    path = QPainterPath()
    for i, (lon, lat) in enumerate(coords):
        x, y = geo.lonlat_to_mercator(float(lon), float(lat))
        path.moveTo(x, y) if i == 0 else path.lineTo(x, y)
    return path


@dataclass
class _Shape:
    kind: str  # "point" | "line" | "polygon"
    path: QPainterPath | None
    point: tuple[float, float] | None  # Mercator, y up
    name: str
    pen: QPen
    brush: QColor | None


def _shape(feature, style: MapStyle) -> _Shape | None:
    st = getattr(feature, "style", None)
    stroke = _colour(
        getattr(st, "stroke", None), getattr(st, "stroke_alpha", 1.0), style.overlay_default
    )
    width = float(getattr(st, "width", None) or 2.0)
    pen = QPen(
        stroke,
        max(0.5, width),
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
    gtype = feature.geometry_type
    coords = feature.coords
    if gtype == "Point":
        lon, lat = coords if isinstance(coords[0], (int, float)) else coords[0]
        return _Shape(
            "point",
            None,
            geo.lonlat_to_mercator(float(lon), float(lat)),
            feature.name or "",
            pen,
            stroke,
        )
    if gtype == "LineString":
        return _Shape("line", _ring_path(coords), None, feature.name or "", pen, None)
    if gtype == "Polygon":
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in coords:
            sub = _ring_path(ring)
            sub.closeSubpath()
            path.addPath(sub)
        fill = _colour(
            getattr(st, "fill", None), getattr(st, "fill_alpha", 0.25), style.overlay_default
        )
        return _Shape("polygon", path, None, feature.name or "", pen, fill)
    return None


class OverlaysItem(StaticLayerItem):
    layer_id = "overlays"

    def __init__(self, style: MapStyle = SCREEN) -> None:
        super().__init__()
        self.style = style
        self._shapes: dict[str, list[_Shape]] = {}
        self.order: list[str] = []
        self.hidden: set[str] = set()
        self._generation = 0
        self.font = QFont()
        self.font.setPixelSize(11)
        self.setZValue(3)

    def set_overlays(self, overlays: list[tuple[str, list]]) -> None:
        """(overlay id, features) pairs, bottom first."""
        self._shapes = {
            oid: [s for s in (_shape(f, self.style) for f in feats) if s] for oid, feats in overlays
        }
        self.order = [oid for oid, _ in overlays]
        self._generation += 1
        self.update()

    def set_overlay_visible(self, overlay_id: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(overlay_id)
        self.update()

    def feature_count(self) -> int:
        return sum(len(v) for oid, v in self._shapes.items() if oid not in self.hidden)

    def _render(self, painter: QPainter, frame: Frame) -> None:
        t = QTransform(frame.scale, 0, 0, -frame.scale, frame.ox, frame.oy)
        view = QRectF(0, 0, frame.width, frame.height)
        labels = frame.zoom >= LABEL_MIN_ZOOM
        halo = QColor(self.style.halo)
        for oid in self.order:
            if oid in self.hidden:
                continue
            for shape in self._shapes.get(oid, []):
                if shape.kind == "point":
                    x, y = frame.to_px(*shape.point)
                    if not view.adjusted(-50, -50, 50, 50).contains(QPointF(x, y)):
                        continue
                    painter.setPen(QPen(halo, 1.5))
                    painter.setBrush(shape.brush)
                    painter.drawEllipse(QPointF(x, y), POINT_RADIUS_PX, POINT_RADIUS_PX)
                    if labels and shape.name:
                        rect = QRectF(x + 7, y - 8, 240, 16)
                        draw_halo_text(
                            painter,
                            rect,
                            [(shape.name, self.font, QColor(self.style.place_text))],
                            halo,
                            2,
                        )
                    continue
                path = t.map(shape.path)
                if not path.boundingRect().intersects(view):
                    continue
                painter.setPen(shape.pen)
                painter.setBrush(shape.brush if shape.brush is not None else Qt.BrushStyle.NoBrush)
                painter.drawPath(path)

    def static_key(self, frame: Frame) -> object:
        return (self._generation, frozenset(self.hidden))

    def render_static(self, painter: QPainter, frame: Frame) -> None:
        if self._shapes:
            self._render(painter, frame)
