"""The shipped offline basemap: sea, land by country, coastline and borders.

Lines are generalised per zoom from the detail levels stored with each vertex
(``db.geo.projection.lod_for_zoom``), turned into paths once per level, and the layer is drawn into a
viewport cache so a pan is a blit (docs/architecture.md §6).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from db.geo import projection as geo
from desktop.panels.map import graticule
from desktop.panels.map.frame import Frame, bbox_to_scene_rect
from desktop.panels.map.layer_item import StaticLayerItem
from desktop.panels.map.style import SCREEN, MapStyle

MAIN_BORDER = ("Chile", "Peru")


def _path(coords: tuple[tuple[float, float], ...], close: bool = False) -> QPainterPath:
    """A path in Mercator metres with y up (the painter's transform flips it)."""
    path = QPainterPath()
    for i, (lon, lat) in enumerate(coords):
        x, y = geo.lonlat_to_mercator(lon, lat)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    if close:
        path.closeSubpath()
    return path


class BasemapPainter:
    """Paths of the basemap, built once per detail level, painted for any frame."""

    def __init__(self, basemap: geo.Basemap | None = None) -> None:
        self.basemap = basemap or geo.load_basemap()
        self._land: list[tuple[str, QPainterPath]] = []
        for country in self.basemap.land:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for polygon in country.polygons:
                for ring in polygon:
                    path.addPath(_path(ring, close=True))
            self._land.append((country.name, path))
        self._lines: dict[int, dict[str, QPainterPath]] = {}
        west, south, east, north = self.basemap.bbox
        r = bbox_to_scene_rect(self.basemap.bbox)
        self._data_rect = QRectF(r.left(), -r.bottom(), r.width(), r.height())  # y up

    def _lines_at(self, level: int) -> dict[str, QPainterPath]:
        if level not in self._lines:
            paths = {"coast": QPainterPath(), "border": QPainterPath(), "main": QPainterPath()}
            for line in self.basemap.lines:
                key = line.kind
                if line.kind == "border" and tuple(sorted(line.countries)) == MAIN_BORDER:
                    key = "main"
                paths[key].addPath(_path(line.at_level(level)))
            self._lines[level] = paths
        return self._lines[level]

    def paint(self, painter: QPainter, frame: Frame, style: MapStyle = SCREEN) -> None:
        self.paint_fill(painter, frame, style)
        self.paint_lines(painter, frame, style)

    def paint_fill(self, painter: QPainter, frame: Frame, style: MapStyle = SCREEN) -> None:
        """Sea, and land coloured by country; grey beyond the shipped data."""
        painter.fillRect(QRectF(0, 0, frame.width, frame.height), QColor(style.no_data))
        painter.save()
        painter.setTransform(QTransform(frame.scale, 0, 0, -frame.scale, frame.ox, frame.oy))
        painter.fillRect(self._data_rect, QColor(style.sea))
        painter.setPen(Qt.PenStyle.NoPen)
        for name, path in self._land:
            painter.setBrush(QBrush(style.land_colour(name)))
            painter.drawPath(path)
        painter.restore()

    def paint_lines(self, painter: QPainter, frame: Frame, style: MapStyle = SCREEN) -> None:
        """Grid, coastline and borders, generalised to the frame's zoom; widths in logical
        pixels (paths are mapped to the device first so pens scale with a print image's pixel
        ratio)."""
        graticule.paint_lines(painter, frame, style)
        t = QTransform(frame.scale, 0, 0, -frame.scale, frame.ox, frame.oy)
        lines = self._lines_at(geo.lod_for_zoom(frame.zoom))
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(style.coast, style.coast_width))
        painter.drawPath(t.map(lines["coast"]))
        border = _pen(style.border, style.border_width, Qt.PenStyle.DashLine)
        border.setDashPattern([6, 3, 1.5, 3])
        painter.setPen(border)
        painter.drawPath(t.map(lines["border"]))
        # The Peru–Chile border: a light casing under a strong line, readable on both lands.
        main = t.map(lines["main"])
        painter.setPen(_pen(style.main_border_casing, style.main_border_width + 3))
        painter.drawPath(main)
        painter.setPen(_pen(style.main_border, style.main_border_width))
        painter.drawPath(main)
        painter.restore()


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    return QPen(QColor(colour), width, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


class BasemapItem(StaticLayerItem):
    """Sea and land (z 0). Raster tiles go above it, the lines item above those."""

    layer_id = "basemap"

    def __init__(self, painter: BasemapPainter | None = None, style: MapStyle = SCREEN) -> None:
        super().__init__()
        self.basemap_painter = painter or BasemapPainter()
        self.style = style
        self.setZValue(0)

    def static_key(self, frame: Frame) -> object:
        return self.style.name

    def render_static(self, painter: QPainter, frame: Frame) -> None:
        self.basemap_painter.paint_fill(painter, frame, self.style)


class BorderLinesItem(StaticLayerItem):
    """Grid, coastline and borders (z 2): drawn over an operator's raster basemap too."""

    layer_id = "borders"

    def __init__(self, painter: BasemapPainter, style: MapStyle = SCREEN) -> None:
        super().__init__()
        self.basemap_painter = painter
        self.style = style
        self.setZValue(2)

    def static_key(self, frame: Frame) -> object:
        return self.style.name

    def render_static(self, painter: QPainter, frame: Frame) -> None:
        self.basemap_painter.paint_lines(painter, frame, self.style)
