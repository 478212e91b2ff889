"""The map as an image, offscreen, for the daily briefing (and any export).

Light print style, the border zone by default, the day's events and the sites with their
figures, scale bar, north arrow and attribution. It paints the same layers as the panel, straight
onto a QImage, so it needs a QGuiApplication but no window or widget.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter

from db.clock import zone
from db.geo import projection as geo
from db.geo.layers import event_points, site_markers
from db.store.store import Store
from desktop.panels.map.basemap_item import BasemapPainter
from desktop.panels.map.frame import HOME_BBOX, Frame
from desktop.panels.map.furniture import paint_furniture
from desktop.panels.map.markers import EventMarkers
from desktop.panels.map.places_item import PlaceLabeller
from desktop.panels.map.site_layer import SiteMarkersPainter
from desktop.panels.map.style import PRINT

DEFAULT_PERIOD = timedelta(hours=24)
_app: QGuiApplication | None = None


def _ensure_gui() -> None:
    global _app
    if QCoreApplication.instance() is None:  # e.g. the CLI's `brief` without a window
        _app = QGuiApplication(["situation-room"])


def render_map_image(
    store: Store,
    at: datetime,
    width_px: int,
    height_px: int,
    tz: str,
    bbox: tuple[float, float, float, float] | None = None,
    since: datetime | None = None,
    *,
    text_scale: float | None = None,
) -> QImage:
    """A ``width_px``×``height_px`` image of ``bbox`` (default: the border zone) showing the
    events that occurred in ``[since, at]`` (default: the 24 hours before ``at``) and the sites
    with their figures as of ``at``. ``tz`` names the zone the period caption is written in.

    Symbols and text are sized for ``text_scale`` (default: width / 1000, at least 1), so an
    image for print at 300 dpi carries the same map as the screen, sharper.
    """
    _ensure_gui()
    scale = text_scale or max(1.0, width_px / 1000.0)
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(0xFFFFFFFF)
    w, h = width_px / scale, height_px / scale
    frame = Frame.fit(bbox or HOME_BBOX, round(w), round(h))
    since = since or at - DEFAULT_PERIOD

    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(QRectF(0, 0, w, h))
    BasemapPainter().paint(painter, frame, PRINT)

    sites = SiteMarkersPainter()
    sites.set_sites(site_markers(store, at, as_of=at))  # docs/architecture.md §4
    obstacles, skip = sites.obstacles(frame.scale)
    PlaceLabeller().paint(painter, frame, PRINT, obstacles, skip)

    events = EventMarkers(dpr=scale)
    events.fade = False  # paper shows the day's events, all equally
    events.set_points(event_points(store, at, include_closed=True, since=since, as_of=at))
    events.paint(painter, frame)
    sites.paint(painter, frame, PRINT)

    local = zone(tz)
    period = QCoreApplication.translate("MapRender", "Events {start} – {end} ({tz})").format(
        start=since.astimezone(local).strftime("%d/%m %H:%M"),
        end=at.astimezone(local).strftime("%d/%m/%Y %H:%M"),
        tz=tz,
    )
    paint_furniture(painter, frame, [period, geo.ATTRIBUTION], PRINT)
    painter.end()
    return image
