"""The map kit layer: roads, rail, rivers, districts and places of a GeoPackage kit.

Only what the frame shows is read, through each layer's R-tree (``db.geo.mapkit.kit``), and
only what is legible at the zoom (side streets from zoom 13, say). A feature becomes a path in
Mercator metres once and is kept, so panning over known ground costs no query and no parsing;
the layer is static, drawn into the map's viewport cache (a pan is a blit,
docs/architecture.md §6). Colours come from the map's style: muted, so the operation's symbols
stay what the eye finds first, in the day and the night theme alike.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

from db.geo import projection as geo
from db.geo.mapkit import geometry
from db.geo.mapkit.geometry import decode
from db.geo.mapkit.kit import Feature, KitLayer, MapKit
from db.vocab import fold
from desktop.panels.map.frame import Frame
from desktop.panels.map.labels import Occupancy, candidate_rects, draw_halo_text_raster
from desktop.panels.map.layer_item import StaticLayerItem
from desktop.panels.map.layer_list import fill_icon, line_icon
from desktop.panels.map.style import SCREEN, MapStyle, mix

PATH_CACHE = 60_000  # features' paths kept (a city's streets, with room to pan around)
TILE_CACHE = 600  # tiles of merged paths kept (a 1600×1000 view at one zoom shows about 40)
TILE_ZOOMS = (6, 14)  # lines are merged per tile of the view's whole zoom, within these


@dataclass(frozen=True)
class LineStyle:
    min_zoom: float
    colour: str
    width: float  # logical pixels at min_zoom + 4 and beyond (thinner when zoomed out)
    casing: str | None = None
    dashed: bool = False


def road_styles(style: MapStyle) -> dict[str, LineStyle]:
    """Road classes, most important last (drawn on top)."""
    dark = "night" in style.name
    minor = mix(style.land, "#ffffff" if not dark else "#8b949e", 0.25 if not dark else 0.55)
    casing = mix(style.place_text_minor, style.land, 0.45)
    major = "#e9c46a" if not dark else "#8a6d2f"
    trunk = "#e0a458" if not dark else "#9c6b32"
    return {
        "path": LineStyle(14, mix(style.place_text_minor, style.land, 0.45), 0.8, dashed=True),
        "track": LineStyle(13, mix(style.place_text_minor, style.land, 0.55), 1.0, dashed=True),
        "service": LineStyle(14, minor, 1.5, casing),
        "residential": LineStyle(12.5, minor, 2.6, casing),
        "unclassified": LineStyle(12, minor, 2.6, casing),
        "tertiary": LineStyle(10.5, minor, 3.2, casing),
        "secondary": LineStyle(9, mix(major, minor, 0.45), 3.6, casing),
        "primary": LineStyle(8, major, 4.0, casing),
        "trunk": LineStyle(7, trunk, 4.6, casing),
        "motorway": LineStyle(6, trunk, 5.0, casing),
    }


def rail_style(style: MapStyle) -> LineStyle:
    return LineStyle(8.5, mix(style.place_text_minor, style.land, 0.85), 1.6)


def waterway_styles(style: MapStyle) -> dict[str, LineStyle]:
    return {
        "drain": LineStyle(14, style.coast, 0.8),
        "stream": LineStyle(12, style.coast, 1.0),
        "canal": LineStyle(11, style.coast, 1.4),
        "river": LineStyle(8, style.coast, 1.8),
    }


ADMIN_MIN_ZOOM = {2: 0.0, 4: 6.0, 6: 8.0, 8: 9.0}
LANDUSE_MIN_ZOOM = 10.0
PLACE_MIN_ZOOM = {
    "city": 7.0,
    "town": 9.0,
    "village": 11.0,
    "suburb": 12.0,
    "hamlet": 12.5,
    "quarter": 13.5,
    "neighbourhood": 14.0,
    "locality": 14.5,
}
PLACE_FONT_PX = {"city": 15, "town": 13, "village": 12, "suburb": 11.5}
POINT_MIN_ZOOM = 11.0
POINT_LABEL_ZOOM = 13.0
DISTRICT_LABEL_ZOOMS = (9.0, 14.5)  # from the districts' outlines until the streets take over
REF_LABEL_ZOOM = 9.0
REF_CLASSES = ("motorway", "trunk", "primary")  # their refs ("PE-1S") label them when zoomed out
NAME_LABEL_ZOOM = {
    "motorway": 13.0,
    "trunk": 13.0,
    "primary": 13.0,
    "secondary": 14.0,
    "tertiary": 14.5,
    "unclassified": 15.0,
    "residential": 15.0,
    "service": 16.5,
}
SAME_NAME_PX = 260  # a street's name again only this far along it
MAX_ROAD_LABELS = 4000  # a view's candidates, most important first
POINT_COLOURS = {
    "border_control": "#9c1e6e",
    "police": "#1c5fb8",
    "hospital": "#c92a2a",
    "health_post": "#c92a2a",
    "fire_station": "#c92a2a",
    "fuel": "#5c6670",
    "shelter": "#0b7285",
}


def landuse_colour(style: MapStyle, klass: str) -> str:
    built = mix(style.place_text_minor, style.land, 0.12)
    green = mix("#7fae6d", style.land, 0.22)
    return {
        "residential": built,
        "commercial": built,
        "industrial": mix(style.place_text_minor, style.land, 0.16),
        "military": mix("#b06262", style.land, 0.15),
        "farmland": mix("#b5c98a", style.land, 0.3),
        "forest": green,
        "grass": mix("#9fc98a", style.land, 0.22),
        "scrub": mix("#a9b98a", style.land, 0.2),
        "sand": mix("#e2c98a", style.land, 0.25),
    }.get(klass, built)


def _width(line: LineStyle, zoom: float) -> float:
    """Full width four zooms above where the class appears; thinner before that."""
    share = min(1.0, max(0.35, 0.35 + 0.65 * (zoom - line.min_zoom) / 4))
    return line.width * share


class KitPainter:
    """Draws one open kit for any frame; ``paths`` keeps features already turned into paths."""

    def __init__(self, kit: MapKit) -> None:
        self.kit = kit
        self.hidden: set[str] = set()  # kit layers the operator switched off
        # Boxes place names keep clear of (the post's sites and their labels), and the names of
        # sites, whose own label already names the place.
        self.obstacles = None
        self._paths: OrderedDict[tuple[str, int], QPainterPath] = OrderedDict()
        self._tile_cache: OrderedDict[tuple, tuple[dict[str, QPainterPath], int]] = OrderedDict()
        self.drawn: dict[str, int] = {}  # features drawn per layer at the last paint
        self.labels: list[tuple[str, QRectF]] = []  # text and box of each label last drawn
        self._site_names: frozenset[str] = frozenset()

    def _path(self, layer: KitLayer, feature: Feature) -> QPainterPath | None:
        import shapely  # not at start-up: only a loaded map kit needs it

        key = (layer.name, feature.fid)
        path = self._paths.get(key)
        if path is not None:
            self._paths.move_to_end(key)
            return path
        try:
            geom = decode(feature.blob)
        except Exception:  # a feature another program damaged: left out, not the map
            return None
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for part in _rings_and_lines(geom):
            coords = shapely.get_coordinates(part)
            if len(coords) < 2:
                continue
            x, y = geo.lonlat_to_mercator_np(coords[:, 0], coords[:, 1])
            path.addPath(pg.arrayToQPath(np.asarray(x), np.asarray(y), connect="all"))
        self._paths[key] = path
        if len(self._paths) > PATH_CACHE:
            self._paths.popitem(last=False)
        return path

    def _features(self, name: str, frame: Frame) -> list[Feature]:
        layer = self.kit.layer(name)
        if layer is None or name in self.hidden:
            return []
        west, south, east, north = frame.lonlat_bounds()
        return list(self.kit.features(layer, (west, south, east, north)))

    def paint(self, painter: QPainter, frame: Frame, style: MapStyle = SCREEN) -> None:
        zoom = frame.zoom
        t = QTransform(frame.scale, 0, 0, -frame.scale, frame.ox, frame.oy)
        self.drawn = {}
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if zoom >= LANDUSE_MIN_ZOOM:
            self._fill(painter, t, frame, "landuse", lambda f: landuse_colour(style, _cls(f)))
        self._fill(painter, t, frame, "water", lambda f: style.sea)
        self._boundaries(painter, t, frame, style, zoom)
        self._lines(painter, t, frame, "waterways", waterway_styles(style), zoom)
        self._lines(painter, t, frame, "railways", {"rail": rail_style(style)}, zoom, "rail")
        self._lines(painter, t, frame, "roads", road_styles(style), zoom)
        points = self._points(painter, frame, zoom)
        painter.restore()
        taken = self._taken(frame)
        for x, y in points:  # labels keep clear of the kit's own symbols too
            taken.take(QRectF(x - 4.5, y - 4.5, 9, 9))
        self.labels = []
        self._places(painter, frame, style, zoom, taken)
        self._point_labels(painter, frame, style, zoom, taken)
        self._road_labels(painter, frame, style, zoom, taken)
        self._district_labels(painter, frame, style, zoom, taken)

    def _district_labels(self, painter, frame: Frame, style: MapStyle, zoom: float, taken) -> None:
        """Each district's name inside it, in capitals, muted, where nothing else is."""
        if not DISTRICT_LABEL_ZOOMS[0] <= zoom < DISTRICT_LABEL_ZOOMS[1]:
            return
        font = QFont()
        font.setPixelSize(11)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
        fm = QFontMetricsF(font)
        for feature in self._features("boundaries", frame):
            name = feature.properties.get("name")
            if not name or _level(feature) < 6 or zoom < ADMIN_MIN_ZOOM.get(_level(feature), 99):
                continue
            try:
                inside = decode(feature.blob).representative_point()
            except Exception:
                continue
            x, y = frame.lonlat_to_px(inside.x, inside.y)
            text = str(name).upper()
            w, h = fm.horizontalAdvance(text) + 4, fm.height()
            rect = QRectF(x - w / 2, y - h / 2, w, h)
            if QRectF(0, 0, frame.width, frame.height).contains(rect) and taken.free(rect):
                taken.take(rect)
                self._label(painter, rect, text, font, style, style.area_text)

    def _taken(self, frame: Frame) -> Occupancy:
        """The label space, with the post's sites and their labels already in it."""
        taken = Occupancy()
        self._site_names: frozenset[str] = frozenset()
        if self.obstacles is not None:
            rects, self._site_names = self.obstacles(frame.scale)
            for rect in rects:  # absolute pixels: this frame's are shifted by its origin
                taken.take(rect.translated(frame.ox, frame.oy))
        return taken

    def _label(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        font: QFont,
        style: MapStyle,
        colour: str | None = None,
    ) -> None:
        draw_halo_text_raster(
            painter,
            rect,
            [(text, font, QColor(colour or style.place_text))],
            QColor(style.halo),
            2.0,
        )
        self.labels.append((text, rect))

    def _point_labels(self, painter, frame: Frame, style: MapStyle, zoom: float, taken) -> None:
        if zoom < POINT_LABEL_ZOOM:
            return
        font = QFont()
        font.setPixelSize(11)
        fm = QFontMetricsF(font)
        for feature in self._features("points", frame):
            name = feature.properties.get("name")
            x, y = _point_px(feature, frame)
            if not name or x is None or fold(str(name)) in self._site_names:
                continue
            rect = taken.place(
                candidate_rects(x, y, fm.horizontalAdvance(str(name)), fm.height(), 6)
            )
            if rect is not None:
                colour = POINT_COLOURS.get(_cls(feature), style.place_text)
                self._label(painter, rect, str(name), font, style, colour)

    def _road_labels(self, painter, frame: Frame, style: MapStyle, zoom: float, taken) -> None:
        """Street names along their street (from zoom 15; main roads' from 13), and the refs
        of main roads ("PE-1S") on small plates below that; each name once per stretch."""
        layer = self.kit.layer("roads")
        if layer is None or "roads" in self.hidden or zoom < REF_LABEL_ZOOM:
            return
        ranks = list(road_styles(style))[::-1]  # most important first
        classes = [k for k in ranks if zoom >= NAME_LABEL_ZOOM.get(k, 99) or k in REF_CLASSES]
        west, south, east, north = frame.lonlat_bounds()
        features = list(self.kit.features(layer, (west, south, east, north), classes))
        features.sort(key=lambda f: ranks.index(_cls(f)) if _cls(f) in ranks else 99)
        font = QFont()
        font.setPixelSize(11)
        fm = QFontMetricsF(font)
        placed: dict[str, list[tuple[float, float]]] = {}
        frame_rect = QRectF(0, 0, frame.width, frame.height)
        for feature in features[:MAX_ROAD_LABELS]:
            klass = _cls(feature)
            by_name = zoom >= NAME_LABEL_ZOOM.get(klass, 99)
            text = feature.properties.get("name") if by_name else feature.properties.get("ref")
            if not text:
                continue
            text = str(text)
            segment = _longest_segment(feature, frame)
            if segment is None:
                continue
            (x0, y0), (x1, y1) = segment
            length = math.hypot(x1 - x0, y1 - y0)
            w, h = fm.horizontalAdvance(text) + 4, fm.height()
            if length < w + 8:
                continue  # a name longer than its street would float off it
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if any(math.hypot(cx - px, cy - py) < SAME_NAME_PX for px, py in placed.get(text, [])):
                continue
            angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
            if angle > 90 or angle < -90:
                angle -= 180 * (1 if angle > 0 else -1)  # never upside down
            box = _rotated_box(cx, cy, w, h, angle)
            if not frame_rect.contains(box) or not taken.free(box):
                continue
            taken.take(box)
            placed.setdefault(text, []).append((cx, cy))
            painter.save()
            painter.translate(cx, cy)
            painter.rotate(angle)
            rect = QRectF(-w / 2, -h / 2, w, h)
            if by_name:
                draw_halo_text_raster(
                    painter, rect, [(text, font, QColor(style.place_text))], QColor(style.halo), 2.0
                )
            else:
                painter.rotate(-angle)  # a ref reads level, on its plate
                painter.setPen(QPen(QColor(style.place_text_minor), 1))
                painter.setBrush(QColor(style.halo))
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(QColor(style.place_text))
                painter.setFont(font)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()
            self.labels.append((text, box))

    def _fill(self, painter, t: QTransform, frame: Frame, name: str, colour) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        count = 0
        for feature in self._features(name, frame):
            path = self._path(self.kit.layer(name), feature)
            if path is None:
                continue
            painter.setBrush(QColor(colour(feature)))
            painter.drawPath(t.map(path))
            count += 1
        self.drawn[name] = count

    def _boundaries(self, painter, t: QTransform, frame: Frame, style: MapStyle, zoom) -> None:
        colour = QColor(mix(style.border, style.land, 0.75))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        count = 0
        features = self._features("boundaries", frame)
        for feature in sorted(features, key=lambda f: -_level(f)):
            level = _level(feature)
            if zoom < ADMIN_MIN_ZOOM.get(level, 10.0) or level <= 2:
                continue  # the country border is the basemap's, drawn stronger above
            pen = QPen(colour, 1.8 if level <= 4 else 1.2, Qt.PenStyle.DashLine)
            pen.setDashPattern([5, 3] if level >= 8 else [8, 3, 2, 3])
            painter.setPen(pen)
            path = self._path(self.kit.layer("boundaries"), feature)
            if path is not None:
                painter.drawPath(t.map(path))
                count += 1
        self.drawn["boundaries"] = count

    def _tiles(self, frame: Frame) -> list[tuple[int, int, int]]:
        """The slippy-map tiles (at the frame's whole zoom) that the frame shows."""
        z = max(TILE_ZOOMS[0], min(TILE_ZOOMS[1], math.floor(frame.zoom)))
        west, south, east, north = frame.lonlat_bounds()
        x0, y0 = geo.lonlat_to_tile(max(west, -179.99), min(north, 85.0), z)
        x1, y1 = geo.lonlat_to_tile(min(east, 179.99), max(south, -85.0), z)
        return [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]

    def _tile_lines(
        self,
        name: str,
        styles: dict[str, LineStyle],
        fallback: str | None,
        tile: tuple[int, int, int],
    ) -> tuple[dict[str, QPainterPath], int]:
        """One tile's lines merged into one path per class, of the classes drawn at its zoom;
        built once, so a redraw is a few paths per tile whatever the number of streets."""
        key = (name, tile)
        cached = self._tile_cache.get(key)
        if cached is not None:
            self._tile_cache.move_to_end(key)
            return cached
        layer = self.kit.layer(name)
        z, x, y = tile
        wanted = [k for k, line in styles.items() if line.min_zoom < z + 1]
        blobs: dict[str, list[bytes]] = {}
        if layer is not None and wanted:
            min_x, min_y, max_x, max_y = geo.tile_bounds_mercator(z, x, y)
            west, south = geo.mercator_to_lonlat(min_x, min_y)
            east, north = geo.mercator_to_lonlat(max_x, max_y)
            classes = None if fallback is not None else wanted
            for feature in self.kit.features(layer, (west, south, east, north), classes):
                klass = _cls(feature)
                if klass not in styles:
                    if fallback is None:
                        continue
                    klass = fallback
                if klass in wanted:
                    blobs.setdefault(klass, []).append(feature.blob)
        merged = {klass: _lines_path(found) for klass, found in blobs.items()}
        count = sum(len(found) for found in blobs.values())
        self._tile_cache[key] = (merged, count)
        if len(self._tile_cache) > TILE_CACHE:
            self._tile_cache.popitem(last=False)
        return merged, count

    def _lines(
        self,
        painter,
        t: QTransform,
        frame: Frame,
        name: str,
        styles: dict[str, LineStyle],
        zoom: float,
        fallback: str | None = None,
    ) -> None:
        if self.kit.layer(name) is None or name in self.hidden:
            return
        tiles = [self._tile_lines(name, styles, fallback, tile) for tile in self._tiles(frame)]
        shown = [k for k, line in styles.items() if zoom >= line.min_zoom]
        # Stroked in pixels: Qt strokes a wide pen under a scaling transform far slower.
        paths = {
            klass: [t.map(merged[klass]) for merged, _n in tiles if klass in merged]
            for klass in shown
        }
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for klass in shown:  # casings of every class first, so crossings join cleanly
            line = styles[klass]
            if line.casing:
                painter.setPen(_pen(line.casing, _width(line, zoom) + 1.6))
                for path in paths[klass]:
                    painter.drawPath(path)
        for klass in shown:
            line = styles[klass]
            pen = _pen(line.colour, _width(line, zoom))
            if line.dashed:
                pen.setDashPattern([3, 2])
            painter.setPen(pen)
            for path in paths[klass]:
                painter.drawPath(path)
        self.drawn[name] = sum(n for _merged, n in tiles)

    def _points(self, painter, frame: Frame, zoom: float) -> list[tuple[float, float]]:
        if zoom < POINT_MIN_ZOOM:
            return []
        count = 0
        drawn = []
        for feature in self._features("points", frame):
            x, y = _point_px(feature, frame)
            if x is None:
                continue
            drawn.append((x, y))
            colour = QColor(POINT_COLOURS.get(_cls(feature), "#5c6670"))
            painter.setPen(QPen(QColor("#ffffff"), 1.2))
            painter.setBrush(colour)
            painter.drawRect(QRectF(x - 3.5, y - 3.5, 7, 7))
            count += 1
        self.drawn["points"] = count
        return drawn

    def _places(self, painter, frame: Frame, style: MapStyle, zoom: float, taken) -> None:
        """Place names, most important first; a name that would touch another is left out."""
        site_names = self._site_names
        count = 0
        features = [
            f for f in self._features("places", frame) if zoom >= PLACE_MIN_ZOOM.get(_cls(f), 15)
        ]
        rank = list(PLACE_MIN_ZOOM)
        features.sort(
            key=lambda f: (rank.index(_cls(f)) if _cls(f) in rank else 99, -_population(f))
        )
        for feature in features:
            name = feature.properties.get("name")
            x, y = _point_px(feature, frame)
            if not name or x is None or fold(str(name)) in site_names:
                continue
            font = QFont()
            font.setPixelSize(round(PLACE_FONT_PX.get(_cls(feature), 11)))
            if _cls(feature) in ("city", "town"):
                font.setWeight(QFont.Weight.DemiBold)
            fm = QFontMetricsF(font)
            w, h = fm.horizontalAdvance(str(name)), fm.height()
            rect = taken.place(candidate_rects(x, y, w, h, 5))
            if rect is None:
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.place_dot))
            painter.drawEllipse(QRectF(x - 2.2, y - 2.2, 4.4, 4.4))
            self._label(painter, rect, str(name), font, style)
            count += 1
        self.drawn["places"] = count


def _longest_segment(
    feature: Feature, frame: Frame
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The longest straight stretch of a line whose middle is in the frame, in pixels: where
    its name reads best."""
    import shapely  # not at start-up: only a loaded map kit needs it

    try:
        coords = shapely.get_coordinates(decode(feature.blob))
    except Exception:
        return None
    if len(coords) < 2:
        return None
    mx, my = geo.lonlat_to_mercator_np(coords[:, 0], coords[:, 1])
    px, py = frame.to_px_np(np.asarray(mx), np.asarray(my))
    lengths = np.hypot(np.diff(px), np.diff(py))
    mid_x, mid_y = (px[:-1] + px[1:]) / 2, (py[:-1] + py[1:]) / 2
    inside = (mid_x > 0) & (mid_x < frame.width) & (mid_y > 0) & (mid_y < frame.height)
    if not inside.any():
        return None
    i = int(np.argmax(np.where(inside, lengths, -1.0)))
    return (float(px[i]), float(py[i])), (float(px[i + 1]), float(py[i + 1]))


def _rotated_box(cx: float, cy: float, w: float, h: float, angle: float) -> QRectF:
    """The upright box around a ``w``×``h`` label rotated by ``angle`` degrees about its centre."""
    a = math.radians(angle)
    bw = abs(w * math.cos(a)) + abs(h * math.sin(a))
    bh = abs(w * math.sin(a)) + abs(h * math.cos(a))
    return QRectF(cx - bw / 2, cy - bh / 2, bw, bh)


def _pen(colour: str, width: float) -> QPen:
    # Square caps and mitred joins: round ones made Qt stroke a city's streets 30 times slower
    # (0.8 s against 26 ms for 50,000 segments), and a square end closes a junction as well.
    return QPen(
        QColor(colour),
        width,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.SquareCap,
        Qt.PenJoinStyle.MiterJoin,
    )


def _cls(feature: Feature) -> str:
    return str(feature.properties.get("class") or "")


def _level(feature: Feature) -> int:
    value = feature.properties.get("admin_level")
    return int(value) if isinstance(value, int | float) else 10


def _population(feature: Feature) -> int:
    value = feature.properties.get("population")
    return int(value) if isinstance(value, int | float) else 0


def _point_px(feature: Feature, frame: Frame) -> tuple[float, float] | tuple[None, None]:
    try:
        geom = decode(feature.blob)
    except Exception:
        return None, None
    if geom.is_empty:
        return None, None
    point = geom if geom.geom_type == "Point" else geom.representative_point()
    return frame.lonlat_to_px(point.x, point.y)


def _lines_path(blobs: list[bytes]) -> QPainterPath:
    """Every line of these features as one path in Mercator metres, decoded and projected in
    one go (numpy), each part a subpath of its own."""
    import shapely  # not at start-up: only a loaded map kit needs it

    wkbs = []
    for blob in blobs:
        try:
            wkbs.append(geometry.wkb(blob))
        except ValueError:
            continue  # a feature another program damaged: left out, not the map
    if not wkbs:
        return QPainterPath()
    try:
        parts = shapely.get_parts(shapely.from_wkb(wkbs, on_invalid="ignore"))
    except shapely.errors.GEOSException:
        return QPainterPath()
    parts = parts[shapely.get_type_id(parts) == 1]  # LineStrings (a polygon is no line)
    coords, index = shapely.get_coordinates(parts, return_index=True)
    if len(coords) < 2:
        return QPainterPath()
    x, y = geo.lonlat_to_mercator_np(coords[:, 0], coords[:, 1])
    connect = np.zeros(len(coords), dtype=np.int32)
    connect[:-1] = index[1:] == index[:-1]
    return pg.arrayToQPath(np.asarray(x), np.asarray(y), connect=connect)


def _rings_and_lines(geom):  # type: ignore[no-untyped-def]
    """Every line and polygon ring of ``geom``, as linear geometries."""
    import shapely  # not at start-up: only a loaded map kit needs it

    for part in shapely.get_parts(geom):
        if part.geom_type == "Polygon":
            yield part.exterior
            yield from part.interiors
        elif part.geom_type in ("LineString", "LinearRing"):
            yield part


class KitItem(StaticLayerItem):
    """The kit between the land (and any raster basemap) and the borders (z 1.5)."""

    layer_id = "mapkit"

    def __init__(self, style: MapStyle = SCREEN) -> None:
        super().__init__()
        self.style = style
        self.kit_painter: KitPainter | None = None
        self._obstacles_for = None  # callable(scale) -> (absolute rects, folded site names)
        self.setZValue(1.5)
        self.setVisible(False)

    @property
    def kit(self) -> MapKit | None:
        return None if self.kit_painter is None else self.kit_painter.kit

    def set_kit(self, kit: MapKit | None) -> None:
        old = self.kit
        self.kit_painter = None if kit is None else KitPainter(kit)
        if self.kit_painter is not None:
            self.kit_painter.obstacles = self._obstacles_for
        if old is not None and old is not kit:
            old.close()
        self.setVisible(kit is not None)
        self.update()

    def set_obstacle_source(self, source) -> None:
        """``source(scale)``: the sites' symbol and label boxes (absolute px) and names."""
        self._obstacles_for = source
        if self.kit_painter is not None:
            self.kit_painter.obstacles = source

    def static_key(self, frame: Frame) -> object:
        if self.kit_painter is None:
            return (self.style.name, None)
        obstacles: tuple = ()
        if self._obstacles_for is not None:
            rects, skip = self._obstacles_for(frame.scale)
            obstacles = (skip, tuple((round(r.x()), round(r.y())) for r in rects))
        painter = self.kit_painter
        return (self.style.name, str(painter.kit.path), tuple(sorted(painter.hidden)), obstacles)

    def set_kit_layer_visible(self, name: str, visible: bool) -> None:
        if self.kit_painter is None:
            return
        if visible:
            self.kit_painter.hidden.discard(name)
        else:
            self.kit_painter.hidden.add(name)
        self.update()

    def render_static(self, painter: QPainter, frame: Frame) -> None:
        if self.kit_painter is not None:
            self.kit_painter.paint(painter, frame, self.style)


def _titles() -> dict[str, str]:
    return {
        "roads": QCoreApplication.translate("MapKit", "Roads and streets"),
        "railways": QCoreApplication.translate("MapKit", "Railways"),
        "waterways": QCoreApplication.translate("MapKit", "Rivers and streams"),
        "water": QCoreApplication.translate("MapKit", "Lakes and reservoirs"),
        "boundaries": QCoreApplication.translate("MapKit", "Regions, provinces and districts"),
        "landuse": QCoreApplication.translate("MapKit", "Built-up and land use"),
        "places": QCoreApplication.translate("MapKit", "Towns and villages"),
        "points": QCoreApplication.translate("MapKit", "Police, border control, health, fuel"),
    }


def kit_legend(kit: MapKit, style: MapStyle) -> list[tuple[str, str, int, QIcon]]:
    """The layer list's rows for ``kit``: its layers in drawing order, top first."""
    roads = road_styles(style)
    icons = {
        "roads": line_icon(roads["trunk"].colour, 3, roads["trunk"].casing),
        "railways": line_icon(rail_style(style).colour, 1.6),
        "waterways": line_icon(style.coast, 1.8),
        "water": fill_icon(style.sea, style.coast),
        "boundaries": line_icon(mix(style.border, style.land, 0.75), 1.4, dashed=True),
        "landuse": fill_icon(landuse_colour(style, "residential")),
        "places": fill_icon(style.place_dot),
        "points": fill_icon(POINT_COLOURS["border_control"]),
    }
    titles = _titles()
    order = ["points", "places", "roads", "railways", "waterways", "boundaries", "water", "landuse"]
    known = [kit.layer(name) for name in order]
    others = [layer for layer in kit.layers if layer.name not in order]
    return [
        (
            layer.name,
            titles.get(layer.name, layer.name),
            layer.features,
            icons.get(layer.name, QIcon()),
        )
        for layer in [*(k for k in known if k is not None), *others]
    ]
