"""An operator's raster basemap (MBTiles) under the vector layers.

Field teams carry better maps than ours as MBTiles files (QField, ATAK, MOBAC export them). The
layer draws the tiles of the zoom nearest the view's (over- or under-zooming beyond the file's
range), keeps decoded tiles in a small LRU cache and leaves missing tiles blank; the static
stack keeps the picture so a pan is a blit.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from db.geo import projection as geo
from desktop.panels.map.frame import Frame
from desktop.panels.map.layer_item import StaticLayerItem

TILE_CACHE_SIZE = 512
MAX_TILES_PER_RENDER = 600


class TileSource(Protocol):
    """What ``db.geo.mbtiles.MBTiles`` offers (XYZ addressing; the TMS flip is inside)."""

    minzoom: int
    maxzoom: int
    bounds: tuple[float, float, float, float] | None
    attribution: str

    def tile(self, z: int, x: int, y: int) -> bytes | None: ...


class TilePainter:
    def __init__(self, source: TileSource) -> None:
        self.source = source
        self._cache: OrderedDict[tuple[int, int, int], QImage | None] = OrderedDict()
        self.decoded = 0

    def zoom_for(self, frame: Frame) -> int:
        return int(min(self.source.maxzoom, max(self.source.minzoom, round(frame.zoom))))

    def _image(self, z: int, x: int, y: int) -> QImage | None:
        key = (z, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        data = self.source.tile(z, x, y)
        image = None
        if data:
            decoded = QImage.fromData(data)
            image = None if decoded.isNull() else decoded  # an undecodable tile stays blank
            self.decoded += 1
        self._cache[key] = image
        if len(self._cache) > TILE_CACHE_SIZE:
            self._cache.popitem(last=False)
        return image

    def visible_tiles(self, frame: Frame) -> list[tuple[int, int, int]]:
        z = self.zoom_for(frame)
        n = 2**z
        size = 2 * geo.ORIGIN_SHIFT_M / n
        x0, y0, x1, y1 = frame.merc_bounds()
        bounds = self.source.bounds
        if bounds:  # do not ask the file for tiles outside what it says it covers
            bx0, by0 = geo.lonlat_to_mercator(bounds[0], bounds[1])
            bx1, by1 = geo.lonlat_to_mercator(bounds[2], bounds[3])
            x0, y0, x1, y1 = max(x0, bx0), max(y0, by0), min(x1, bx1), min(y1, by1)
            if x0 >= x1 or y0 >= y1:
                return []
        tx0 = max(0, math.floor((x0 + geo.ORIGIN_SHIFT_M) / size))
        tx1 = min(n - 1, math.floor((x1 + geo.ORIGIN_SHIFT_M) / size))
        ty0 = max(0, math.floor((geo.ORIGIN_SHIFT_M - y1) / size))
        ty1 = min(n - 1, math.floor((geo.ORIGIN_SHIFT_M - y0) / size))
        tiles = [(z, x, y) for y in range(ty0, ty1 + 1) for x in range(tx0, tx1 + 1)]
        return tiles[:MAX_TILES_PER_RENDER]

    def paint(self, painter: QPainter, frame: Frame) -> None:
        tiles = self.visible_tiles(frame)
        if not tiles:
            return
        z = tiles[0][0]
        painter.save()
        scaled = abs(frame.zoom - z) > 1e-6
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scaled)
        for _, x, y in tiles:
            image = self._image(z, x, y)
            if image is None:
                continue
            min_x, min_y, max_x, max_y = geo.tile_bounds_mercator(z, x, y)
            left, top = frame.to_px(min_x, max_y)
            right, bottom = frame.to_px(max_x, min_y)
            # Snap edges to whole pixels so neighbouring tiles meet without hairline seams.
            target = QRectF(
                round(left), round(top), round(right) - round(left), round(bottom) - round(top)
            )
            painter.drawImage(target, image)
        painter.restore()


class TilesItem(StaticLayerItem):
    layer_id = "raster"

    def __init__(self) -> None:
        super().__init__()
        self.tile_painter: TilePainter | None = None
        self._generation = 0
        self.setZValue(1)

    def set_source(self, source: TileSource | None) -> None:
        self.tile_painter = TilePainter(source) if source is not None else None
        self._generation += 1
        self.update()

    @property
    def source(self) -> TileSource | None:
        return self.tile_painter.source if self.tile_painter else None

    def static_key(self, frame: Frame) -> object:
        return self._generation

    def render_static(self, painter: QPainter, frame: Frame) -> None:
        if self.tile_painter is not None:
            self.tile_painter.paint(painter, frame)
