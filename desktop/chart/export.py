"""The chart as a PNG for print: the whole plot scene (title, flag, legend) at 300 dpi."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter

PRINT_WIDTH_PX = 2400  # 8 inches at 300 dpi: a full A4 text width
PRINT_DPI = 300
INCH_M = 0.0254


def export_png(widget: pg.GraphicsLayoutWidget, path: Path, width: int = PRINT_WIDTH_PX) -> Path:
    """Render ``widget``'s layout at ``width`` pixels (height in proportion) into ``path``."""
    exporter = ImageExporter(widget.ci)
    exporter.parameters()["width"] = width
    image = exporter.export(toBytes=True)
    dots = round(PRINT_DPI / INCH_M)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: cannot be written")
    return path
