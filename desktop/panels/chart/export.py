"""The chart as a PNG for print: what the panel shows, drawn at 300 dpi.

The plot is laid out at a fixed page-like size (so a narrow dock does not make a tall, cramped
print) and painted at a device pixel ratio that gives the width asked for: text, lines and bars
are drawn sharp at that resolution, as on a high-density screen, not scaled up from pixels.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from db.safety.output import check_output_path
from desktop.png_file import write_png

PRINT_WIDTH_PX = 2400  # 8 inches at 300 dpi: the text width of an A4 page
PRINT_DPI = 300
PRINT_LAYOUT = QSize(1200, 640)  # the logical size the chart is laid out at for print
INCH_M = 0.0254


def print_ratio(width: int = PRINT_WIDTH_PX) -> float:
    """Device pixels per layout pixel in a print ``width`` pixels wide."""
    return width / PRINT_LAYOUT.width()


def render_png(
    widget,
    path: Path,
    width: int = PRINT_WIDTH_PX,
    background: str = "#ffffff",
    *,
    database: Path | None = None,
) -> Path:
    """Paint ``widget`` (the plot) laid out at ``PRINT_LAYOUT`` into ``path``, ``width`` px wide.

    Whole or not at all, and never over ``database`` (``desktop.png_file.write_png``)."""
    check_output_path(path, database=database)  # before the plot is laid out for print
    ratio = print_ratio(width)
    image = QImage(
        width, round(PRINT_LAYOUT.height() * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(background))
    on_screen = widget.size()
    limits = widget.minimumSize(), widget.maximumSize()
    try:
        # Laid out at the print size and painted before the event loop runs again: the
        # operator's screen never shows the other size.
        widget.setFixedSize(PRINT_LAYOUT)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            view = widget.viewport().rect()
            widget.render(painter, QRectF(view), view)
        finally:
            painter.end()
    finally:
        widget.setMinimumSize(limits[0])
        widget.setMaximumSize(limits[1])
        widget.resize(on_screen)
    dots = round(PRINT_DPI / INCH_M)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    return write_png(image, path, database=database)
