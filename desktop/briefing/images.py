"""The briefing's pictures at print resolution: the 14-day chart and the border-zone map."""

from __future__ import annotations

from PySide6.QtGui import QImage

from db.briefing.content import Briefing
from db.store.store import Store
from desktop.briefing.chart_image import render_chart_image
from desktop.briefing.fonts import briefing_family
from desktop.panels.map.render import render_map_image

PRINT_DPI = 300
IMAGE_WIDTH_MM = 180.0  # A4 less 2 × 15 mm; Letter's body is wider and scales it up slightly
CHART_HEIGHT_MM = 78.0
MAP_HEIGHT_MM = 112.0


def mm_to_px(mm: float, dpi: int = PRINT_DPI) -> int:
    return round(mm * dpi / 25.4)


def chart_image(briefing: Briefing) -> QImage:
    return render_chart_image(
        briefing.chart,
        mm_to_px(IMAGE_WIDTH_MM),
        mm_to_px(CHART_HEIGHT_MM),
        PRINT_DPI,
        briefing_family(),
    )


def map_image(store: Store, briefing: Briefing) -> QImage:
    """The border zone with the period's events (the map panel's own offscreen renderer)."""
    return render_map_image(
        store,
        briefing.period_end,
        mm_to_px(IMAGE_WIDTH_MM),
        mm_to_px(MAP_HEIGHT_MM),
        briefing.tz,
        since=briefing.period_start,
    )
