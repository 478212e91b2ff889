"""Sites on the map: crossings, checkpoints, shelters... with their latest figures as labels.

Sites are few, so each is drawn with full antialiasing and a label that is never dropped:
when the crossing complexes sit 500 m apart (Santa Rosa, the Concordia line, Chacalluta),
their labels stack outward with leader lines rather than hide each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from db.geo import projection as geo
from db.geo.layers import SiteMarker
from db.vocab import fold
from desktop.panels.map.frame import Frame
from desktop.panels.map.labels import LabelSprites, Occupancy
from desktop.panels.map.layer_item import MapLayerItem
from desktop.panels.map.style import SCREEN, MapStyle
from desktop.panels.map.symbols import paint_site_symbol

SITE_RADIUS_PX = 9.0


def kind_scale(kind: str) -> float:
    """Towns are context, not operations: a smaller symbol."""
    return 0.7 if kind == "town" else 1.0


def site_label_lines(site: SiteMarker) -> list[str]:
    """The site's name, then its figures (an asterisk marks illustrative numbers)."""
    mark = "*" if site.illustrative else ""
    lines = [site.name]
    if site.stranded is not None:
        lines.append(
            QCoreApplication.translate("MapSites", "{n} stranded now").format(
                n=f"{site.stranded:,}"
            )
            + mark
        )
    if site.crossed_24h is not None:
        lines.append(
            QCoreApplication.translate("MapSites", "{n} crossed in 24 h").format(
                n=f"{site.crossed_24h:,}"
            )
            + mark
        )
    return lines


@dataclass(frozen=True)
class SiteLabel:
    site: SiteMarker
    anchor: QPointF  # absolute px
    rect: QRectF  # absolute px
    lines: tuple[str, ...]
    displaced: bool


class SiteMarkersPainter:
    def __init__(self, text_scale: float = 1.0) -> None:
        self.sites: list[SiteMarker] = []
        self.text_scale = text_scale
        self.name_font = QFont()
        self.name_font.setPixelSize(round(13 * text_scale))
        self.name_font.setWeight(QFont.Weight.Bold)
        self.figure_font = QFont()
        self.figure_font.setPixelSize(round(12 * text_scale))
        self.figure_font.setWeight(QFont.Weight.DemiBold)
        self._memo: tuple[object, list[SiteLabel]] | None = None
        self.drag: tuple[str, float, float] | None = None  # site id, new mercator x, y
        self.selected: str | None = None
        self.sprites = LabelSprites()

    def set_sites(self, sites: list[SiteMarker]) -> None:
        self.sites = list(sites)
        self._memo = None

    def _abs(self, site: SiteMarker, scale: float) -> QPointF:
        x, y = geo.lonlat_to_mercator(site.lon, site.lat)
        return QPointF(x * scale, -y * scale)

    def layout(self, scale: float) -> list[SiteLabel]:
        """Every site's label box in absolute pixels at ``scale`` (symbols first, then labels)."""
        key = (scale, tuple(self.sites))
        if self._memo and self._memo[0] == key:
            return self._memo[1]
        r = SITE_RADIUS_PX * self.text_scale
        occupied = Occupancy()
        anchors = [self._abs(s, scale) for s in self.sites]
        for a in anchors:
            occupied.take(QRectF(a.x() - r, a.y() - r, 2 * r, 2 * r))
        labels = []
        for site, a in zip(self.sites, anchors, strict=True):
            lines = site_label_lines(site)
            w = (
                max(
                    QFontMetricsF(self.name_font if i == 0 else self.figure_font).horizontalAdvance(
                        t
                    )
                    for i, t in enumerate(lines)
                )
                + 4
            )
            h = (
                QFontMetricsF(self.name_font).height()
                + (len(lines) - 1) * QFontMetricsF(self.figure_font).height()
            )
            rect, displaced = self._place(occupied, a, w, h, r)
            labels.append(SiteLabel(site, a, rect, tuple(lines), displaced))
        self._memo = (key, labels)
        return labels

    def _place(self, occupied: Occupancy, a: QPointF, w: float, h: float, r: float):
        gap = r + 4
        near = [
            QRectF(a.x() + gap, a.y() - h / 2, w, h),
            QRectF(a.x() - gap - w, a.y() - h / 2, w, h),
            QRectF(a.x() - w / 2, a.y() - gap - h, w, h),
            QRectF(a.x() - w / 2, a.y() + gap, w, h),
        ]
        rect = occupied.place(near)
        if rect is not None:
            return rect, False
        # Stack outward on alternating sides until a free slot; a leader line ties it back.
        for step in range(1, 40):
            for side in (1, -1):
                dx = gap * 2.5 if side > 0 else -gap * 2.5 - w
                for dy in (step * h * 0.55, -step * h * 0.55):
                    cand = QRectF(a.x() + dx, a.y() - h / 2 + dy, w, h)
                    if occupied.free(cand):
                        occupied.take(cand)
                        return cand, True
        rect = QRectF(a.x() + gap, a.y() - h / 2, w, h)
        return rect, False

    def obstacles(self, scale: float) -> tuple[list[QRectF], frozenset[str]]:
        """Boxes place names must avoid, and the names of sites (a town drawn as a site)."""
        r = SITE_RADIUS_PX * self.text_scale
        rects = []
        for label in self.layout(scale):
            a = label.anchor
            rects.append(QRectF(a.x() - r, a.y() - r, 2 * r, 2 * r))
            rects.append(label.rect)
        return rects, frozenset(fold(s.name) for s in self.sites)

    def paint(
        self, painter: QPainter, frame: Frame, style: MapStyle = SCREEN, live: bool = True
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = SITE_RADIUS_PX * self.text_scale
        offset = QPointF(frame.ox, frame.oy)
        labels = self.layout(frame.scale)
        halo = QColor(style.halo)
        for label in labels:  # leader lines under everything
            if label.displaced:
                a = label.anchor + offset
                rect = label.rect.translated(offset)
                end = QPointF(
                    rect.left() if rect.left() > a.x() else rect.right(), rect.center().y()
                )
                painter.setPen(QPen(halo, 3.5))
                painter.drawLine(a, end)
                painter.setPen(QPen(QColor("#333333"), 1.2))
                painter.drawLine(a, end)
        for label in labels:
            if self.drag and self.drag[0] == label.site.id:
                continue
            a = label.anchor + offset
            if label.site.id == self.selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(halo, 5))
                painter.drawEllipse(a, r + 5, r + 5)
                painter.setPen(QPen(QColor("#0a84ff"), 2.5))
                painter.drawEllipse(a, r + 5, r + 5)
            paint_site_symbol(
                painter, label.site.kind, a.x(), a.y(), r * kind_scale(label.site.kind)
            )
        for label in labels:
            lines = [(label.lines[0], self.name_font, QColor(style.site_text))]
            lines += [(t, self.figure_font, QColor(style.figure_text)) for t in label.lines[1:]]
            self.sprites.draw(
                painter, label.rect.translated(offset).adjusted(2, 0, 0, 0), lines, halo, 2.5
            )
        if self.drag and live:
            self._paint_drag(painter, frame)
        painter.restore()

    def _paint_drag(self, painter: QPainter, frame: Frame) -> None:
        site_id, mx, my = self.drag
        site = next((s for s in self.sites if s.id == site_id), None)
        if site is None:
            return
        old = QPointF(*frame.lonlat_to_px(site.lon, site.lat))
        new = QPointF(*frame.to_px(mx, my))
        painter.setPen(QPen(QColor("#0a84ff"), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(old, new)
        painter.setOpacity(0.85)
        paint_site_symbol(painter, site.kind, new.x(), new.y(), SITE_RADIUS_PX * self.text_scale)
        painter.setOpacity(1.0)

    def hit(self, frame: Frame, px: float, py: float) -> str | None:
        """Id of the site whose symbol is under (px, py) (the last drawn wins)."""
        r = SITE_RADIUS_PX * self.text_scale + 3
        found = None
        for site in self.sites:
            x, y = frame.lonlat_to_px(site.lon, site.lat)
            if (x - px) ** 2 + (y - py) ** 2 <= r * r:
                found = site.id
        return found

    def get(self, site_id: str) -> SiteMarker | None:
        return next((s for s in self.sites if s.id == site_id), None)


class SiteLayerItem(MapLayerItem):
    layer_id = "sites"

    def __init__(self, painter: SiteMarkersPainter | None = None, style: MapStyle = SCREEN):
        super().__init__()
        self.sites_painter = painter or SiteMarkersPainter()
        self.style = style
        self.setZValue(30)

    def set_sites(self, sites: list[SiteMarker]) -> None:
        if sites != self.sites_painter.sites:
            self.sites_painter.set_sites(sites)
        self.update()

    def paint_frame(self, painter: QPainter, frame: Frame, dpr: float = 1.0) -> None:
        # A handful of symbols and pre-rendered labels: drawn directly, cheaper than a cache.
        self.sites_painter.paint(painter, frame, self.style)
