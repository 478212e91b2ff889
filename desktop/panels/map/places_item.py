"""Place names from GeoNames, by importance, never overlapping each other or the sites.

Which places may show depends on the zoom (regional capitals always, provincial capitals from
zoom 8, villages from zoom 10); among those, labels are placed greedily by rank over the whole
region at once, in absolute pixels, so a pan never makes a label jump or vanish.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from db.geo import projection as geo
from db.vocab import fold
from desktop.panels.map.frame import Frame
from desktop.panels.map.labels import LabelSprites, Occupancy, candidate_rects
from desktop.panels.map.layer_item import StaticLayerItem
from desktop.panels.map.style import SCREEN, MapStyle

MIN_ZOOM_BY_RANK = {1: 5.0, 2: 7.0, 3: 9.0}
FONT_PX_BY_RANK = {1: 15, 2: 13, 3: 11.5}
DOT_PX_BY_RANK = {1: 4.5, 2: 3.5, 3: 2.5}
# Country and sea names: where they sit, and the zooms at which they help rather than clutter.
AREA_LABELS = (
    ("PERU", -70.10, -18.12, 6.0, 12.5, "land"),
    ("CHILE", -70.10, -18.46, 6.0, 12.5, "land"),
    ("BOLIVIA", -68.55, -17.20, 5.0, 11.0, "land"),
    ("ARGENTINA", -66.6, -23.0, 5.0, 10.0, "land"),
    ("Pacific Ocean", -70.47, -18.40, 6.0, 12.5, "sea"),
)
LABEL_REACH_PX = 320  # a place this far outside a region can still put a label into it


def place_font(rank: int, scale: float = 1.0) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(FONT_PX_BY_RANK.get(rank, 11) * scale)))
    font.setWeight(
        QFont.Weight.Bold
        if rank == 1
        else QFont.Weight.DemiBold
        if rank == 2
        else QFont.Weight.Normal
    )
    if rank == 1:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    return font


def area_font(sea: bool, scale: float = 1.0) -> QFont:
    font = QFont()
    font.setPixelSize(round((13 if sea else 16) * scale))
    font.setWeight(QFont.Weight.Normal if sea else QFont.Weight.DemiBold)
    font.setItalic(sea)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112 if sea else 135)
    return font


def area_name(name: str) -> str:
    # Literal strings so that lupdate finds them (Spanish: PERÚ, Océano Pacífico...).
    names = {
        "PERU": QCoreApplication.translate("MapAreas", "PERU"),
        "CHILE": QCoreApplication.translate("MapAreas", "CHILE"),
        "BOLIVIA": QCoreApplication.translate("MapAreas", "BOLIVIA"),
        "ARGENTINA": QCoreApplication.translate("MapAreas", "ARGENTINA"),
        "Pacific Ocean": QCoreApplication.translate("MapAreas", "Pacific Ocean"),
    }
    return names.get(name, name)


@dataclass(frozen=True)
class PlacedLabel:
    name: str
    rank: int  # 0: a country or sea name
    dot: QPointF  # absolute pixels
    rect: QRectF  # absolute pixels
    kind: str = "place"  # "place" | "land" | "sea"


class PlaceLabeller:
    """Chooses and draws the place labels of one zoom."""

    def __init__(self, places: tuple[geo.Place, ...] | None = None, text_scale: float = 1.0):
        self.places = places if places is not None else geo.load_basemap().places
        self.text_scale = text_scale
        lon = np.array([p.lon for p in self.places])
        lat = np.array([p.lat for p in self.places])
        self._mx, self._my = geo.lonlat_to_mercator_np(lon, lat)
        self._fonts = {r: place_font(r, text_scale) for r in FONT_PX_BY_RANK}
        self._sizes: dict[tuple[str, int], tuple[float, float]] = {}
        self.sprites = LabelSprites()
        self._memo: tuple[object, list[PlacedLabel]] | None = None
        self._folded = [fold(p.name) for p in self.places]
        self._area_fonts = {
            "land": area_font(False, text_scale),
            "sea": area_font(True, text_scale),
        }

    def _size(self, place: geo.Place) -> tuple[float, float]:
        key = (place.name, place.rank)
        if key not in self._sizes:
            fm = QFontMetricsF(self._fonts[place.rank])
            self._sizes[key] = (fm.horizontalAdvance(place.name) + 2, fm.height())
        return self._sizes[key]

    def layout(
        self,
        scale: float,
        obstacles: list[QRectF] = (),
        skip_names: frozenset[str] = frozenset(),
        region: tuple[float, float, float, float] | None = None,
    ) -> list[PlacedLabel]:
        """Labels placed at ``scale``; ``obstacles`` (absolute pixels) are kept clear.

        ``region`` (absolute pixels) limits the places considered to those that can show there
        (with a label's width around it): a zoom lays out dozens of labels, not the 500+ of the
        whole region.
        """
        key = (
            scale,
            region,
            tuple((r.x(), r.y(), r.width(), r.height()) for r in obstacles),
            skip_names,
        )
        if self._memo and self._memo[0] == key:
            return self._memo[1]
        zoom = Frame(scale, 0, 0, 0, 0).zoom
        occupied = Occupancy()
        for rect in obstacles:
            occupied.take(rect)
        ax, ay = self._mx * scale, -self._my * scale
        placed: list[PlacedLabel] = []
        for name, lon, lat, low, high, kind in AREA_LABELS:
            if not low <= zoom <= high:
                continue
            text = area_name(name)
            font = self._area_fonts[kind]
            fm = QFontMetricsF(font)
            w, h = fm.horizontalAdvance(text) + 4, fm.height()
            mx, my = geo.lonlat_to_mercator(lon, lat)
            x, y = mx * scale, -my * scale
            rect = QRectF(x - w / 2, y - h / 2, w, h)
            if occupied.free(rect):
                occupied.take(rect)
                placed.append(PlacedLabel(text, 0, QPointF(x, y), rect, kind))
        if region is None:
            candidates = range(len(self.places))
        else:
            x0, y0, x1, y1 = region
            inside = (ax >= x0 - LABEL_REACH_PX) & (ax <= x1 + LABEL_REACH_PX)
            inside &= (ay >= y0 - LABEL_REACH_PX) & (ay <= y1 + LABEL_REACH_PX)
            candidates = np.nonzero(inside)[0]
        for i in candidates:  # in file order: sorted by rank
            place = self.places[i]
            if zoom < MIN_ZOOM_BY_RANK.get(place.rank, 10.0) or self._folded[i] in skip_names:
                continue
            x, y = float(ax[i]), float(ay[i])
            dot_r = DOT_PX_BY_RANK[place.rank] * self.text_scale
            dot = QRectF(x - dot_r, y - dot_r, 2 * dot_r, 2 * dot_r)
            if not occupied.free(dot):
                continue
            w, h = self._size(place)
            rect = occupied.place(candidate_rects(x, y, w, h, dot_r + 3 * self.text_scale))
            if rect is None:
                continue
            occupied.take(dot)
            placed.append(PlacedLabel(place.name, place.rank, QPointF(x, y), rect))
        self._memo = (key, placed)
        return placed

    def paint(
        self,
        painter: QPainter,
        frame: Frame,
        style: MapStyle,
        obstacles: list[QRectF] = (),
        skip_names: frozenset[str] = frozenset(),
    ) -> None:
        halo = QColor(style.halo)
        self.last_frame = frame
        for label in self.layout(frame.scale, obstacles, skip_names, self.region_of(frame)):
            dot = label.dot + QPointF(frame.ox, frame.oy)
            rect = label.rect.translated(frame.ox, frame.oy)
            if not rect.adjusted(-20, -20, 20, 20).intersects(
                QRectF(0, 0, frame.width, frame.height)
            ):
                continue
            if label.rank == 0:  # a country or the sea: no dot, soft colour, thin halo
                colour = QColor(style.sea_text if label.kind == "sea" else style.area_text)
                self.sprites.draw(
                    painter,
                    rect.adjusted(2, 0, 0, 0),
                    [(label.name, self._area_fonts[label.kind], colour)],
                    halo,
                    1.5,
                )
                continue
            r = DOT_PX_BY_RANK[label.rank] * self.text_scale
            painter.setPen(halo)
            painter.setBrush(QColor(style.place_dot))
            if label.rank == 1:  # a capital: dot in a ring
                painter.setBrush(halo)
                painter.setPen(QColor(style.place_dot))
                painter.drawEllipse(dot, r, r)
                painter.setBrush(QColor(style.place_dot))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(dot, r * 0.5, r * 0.5)
            else:
                painter.drawEllipse(dot, r, r)
            colour = QColor(style.place_text if label.rank < 3 else style.place_text_minor)
            self.sprites.draw(
                painter,
                rect.adjusted(1, 0, 0, 0),
                [(label.name, self._fonts[label.rank], colour)],
                halo,
                2.0,
            )

    @staticmethod
    def region_of(frame: Frame) -> tuple[float, float, float, float]:
        return (-frame.ox, -frame.oy, -frame.ox + frame.width, -frame.oy + frame.height)

    def shown(
        self, frame: Frame, obstacles=(), skip_names=frozenset(), painted: Frame | None = None
    ) -> list[tuple[str, QRectF]]:
        """(name, device rectangle) of every label that shows in ``frame``; ``painted`` is the
        (larger) frame the labels were laid out for, when they were drawn into a cache."""
        view = QRectF(0, 0, frame.width, frame.height)
        out = []
        region = self.region_of(painted or frame)
        for label in self.layout(frame.scale, obstacles, skip_names, region):
            rect = label.rect.translated(frame.ox, frame.oy)
            if rect.intersects(view):
                out.append((label.name, rect))
        return out


class PlacesItem(StaticLayerItem):
    layer_id = "places"

    def __init__(self, labeller: PlaceLabeller | None = None, style: MapStyle = SCREEN) -> None:
        super().__init__()
        self.labeller = labeller or PlaceLabeller()
        self.style = style
        self._obstacles_for = None  # callable(scale) -> (absolute rects, folded names to skip)
        self.setZValue(5)

    def set_obstacle_source(self, source) -> None:
        """``source(scale)`` returns the sites' symbol and label boxes (absolute px) and names."""
        self._obstacles_for = source
        self.update()

    def _obstacles(self, scale: float) -> tuple[list[QRectF], frozenset[str]]:
        if self._obstacles_for is None:
            return [], frozenset()
        return self._obstacles_for(scale)

    def static_key(self, frame: Frame) -> object:
        obstacles, skip = self._obstacles(frame.scale)
        return (self.style.name, skip, tuple((round(r.x()), round(r.y())) for r in obstacles))

    def render_static(self, painter: QPainter, frame: Frame) -> None:
        obstacles, skip = self._obstacles(frame.scale)
        self.labeller.paint(painter, frame, self.style, obstacles, skip)

    def shown_labels(self, frame: Frame) -> list[tuple[str, QRectF]]:
        """The labels the operator sees in ``frame`` (as last drawn at that zoom)."""
        obstacles, skip = self._obstacles(frame.scale)
        painted = getattr(self.labeller, "last_frame", None)
        if painted is not None and painted.scale != frame.scale:
            painted = None
        return self.labeller.shown(frame, obstacles, skip, painted)
