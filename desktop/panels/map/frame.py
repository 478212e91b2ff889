"""Where the map is on screen: the one mapping from Web Mercator metres to device pixels.

Every layer paints in device pixels (crisp symbols, text that does not scale) from a ``Frame``.
The interactive view derives it from its QGraphicsView transform; the offscreen briefing render
builds it from a bounding box. Scene coordinates are Mercator metres with y flipped
(``scene = (x, -y)``) because Qt's y axis points down.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from db.geo import projection as geo

TILE_SIZE_PX = 256
# The home view: the border zone from Tacna to Arica, with the crossings in the middle
# (west, south, east, north degrees).
HOME_BBOX = (-70.56, -18.56, -70.0, -17.93)


def scale_for_zoom(zoom: float) -> float:
    """Device pixels per Mercator metre at slippy-map zoom ``zoom``."""
    return 1.0 / geo.resolution_m_per_px(zoom, TILE_SIZE_PX)


def zoom_for_scale(scale: float) -> float:
    return math.log2(2 * geo.ORIGIN_SHIFT_M * scale / TILE_SIZE_PX)


def lonlat_to_scene(lon: float, lat: float) -> QPointF:
    x, y = geo.lonlat_to_mercator(lon, lat)
    return QPointF(x, -y)


def bbox_to_scene_rect(bbox: tuple[float, float, float, float]) -> QRectF:
    """Scene rectangle of a (west, south, east, north) box in degrees."""
    west, south, east, north = bbox
    x0, y0 = geo.lonlat_to_mercator(west, south)
    x1, y1 = geo.lonlat_to_mercator(east, north)
    return QRectF(QPointF(x0, -y1), QPointF(x1, -y0))


@dataclass(frozen=True)
class Frame:
    """device_x = ox + scale·mx, device_y = oy − scale·my, over a ``width``×``height`` device."""

    scale: float
    ox: float
    oy: float
    width: int
    height: int

    @classmethod
    def from_transform(cls, t: QTransform, width: int, height: int) -> Frame:
        # The map never rotates or shears: m11 == m22 is the scale, dx/dy the offset.
        return cls(t.m11(), t.dx(), t.dy(), width, height)

    @classmethod
    def around(cls, cx: float, cy: float, scale: float, width: int, height: int) -> Frame:
        """Centred on Mercator (cx, cy)."""
        return cls(scale, width / 2 - scale * cx, height / 2 + scale * cy, width, height)

    @classmethod
    def fit(
        cls, bbox: tuple[float, float, float, float], width: int, height: int, margin: float = 0.0
    ) -> Frame:
        """The largest scale at which the (west, south, east, north) box fits the device."""
        west, south, east, north = bbox
        x0, y0 = geo.lonlat_to_mercator(west, south)
        x1, y1 = geo.lonlat_to_mercator(east, north)
        usable_w, usable_h = width * (1 - 2 * margin), height * (1 - 2 * margin)
        scale = min(usable_w / max(x1 - x0, 1e-9), usable_h / max(y1 - y0, 1e-9))
        return cls.around((x0 + x1) / 2, (y0 + y1) / 2, scale, width, height)

    @property
    def m_per_px(self) -> float:
        return 1.0 / self.scale

    @property
    def zoom(self) -> float:
        return zoom_for_scale(self.scale)

    def to_px(self, mx: float, my: float) -> tuple[float, float]:
        return self.ox + self.scale * mx, self.oy - self.scale * my

    def to_px_np(self, mx: np.ndarray, my: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return self.ox + self.scale * mx, self.oy - self.scale * my

    def lonlat_to_px(self, lon: float, lat: float) -> tuple[float, float]:
        return self.to_px(*geo.lonlat_to_mercator(lon, lat))

    def px_to_merc(self, px: float, py: float) -> tuple[float, float]:
        return (px - self.ox) / self.scale, (self.oy - py) / self.scale

    def px_to_lonlat(self, px: float, py: float) -> tuple[float, float]:
        return geo.mercator_to_lonlat(*self.px_to_merc(px, py))

    def merc_bounds(self, margin_px: float = 0.0) -> tuple[float, float, float, float]:
        """(min_x, min_y, max_x, max_y) Mercator metres visible, widened by ``margin_px``."""
        x0, y1 = self.px_to_merc(-margin_px, -margin_px)
        x1, y0 = self.px_to_merc(self.width + margin_px, self.height + margin_px)
        return x0, y0, x1, y1

    def lonlat_bounds(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.merc_bounds()
        west, south = geo.mercator_to_lonlat(x0, y0)
        east, north = geo.mercator_to_lonlat(x1, y1)
        return west, south, east, north

    def center_lonlat(self) -> tuple[float, float]:
        return self.px_to_lonlat(self.width / 2, self.height / 2)
