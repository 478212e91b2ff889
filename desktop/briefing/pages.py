"""Painting the briefing page by page: header, body slice, footer, on any QPrinter.

The same function serves the print preview, the printer and the PDF, so they cannot differ.
Header (title, classification, date) and footer (station, "Página 1 de 3", time of generation)
are painted here on every page; the body is the document's slice for that page, clipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

from db.briefing.content import Briefing
from desktop.briefing.document import build_document
from desktop.briefing.fonts import briefing_family
from desktop.briefing.html import MUTED, NAVY, RULE

MARGIN_MM = 15.0
HEADER_MM = 10.0  # header text, rule and the gap below it
FOOTER_MM = 9.0
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def page_layout(paper: str) -> QPageLayout:
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    return QPageLayout(
        QPageSize(PAPERS[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


@dataclass(frozen=True)
class PageGeometry:
    """Rectangles in device pixels, relative to the printable area's top left."""

    dpi: float
    paint: QRectF
    header: QRectF
    body: QRectF
    footer: QRectF

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4


def geometry_for(printer: QPagedPaintDevice) -> PageGeometry:
    dpi = float(printer.logicalDpiY())
    paint = QRectF(printer.pageLayout().paintRectPixels(round(dpi)))
    paint.moveTo(0, 0)  # the painter's origin is already the printable area's corner
    px = dpi / 25.4
    header = QRectF(paint.left(), paint.top(), paint.width(), HEADER_MM * px)
    footer = QRectF(paint.left(), paint.bottom() - FOOTER_MM * px, paint.width(), FOOTER_MM * px)
    body = QRectF(paint.left(), header.bottom(), paint.width(), footer.top() - header.bottom())
    return PageGeometry(dpi, paint, header, body, footer)


def _font(family: str, pt: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(pt)
    font.setBold(bold)
    return font


def paint_briefing(
    printer: QPagedPaintDevice, briefing: Briefing, chart: QImage, map_image: QImage
) -> int:
    """Lay out and paint every page of ``briefing`` on ``printer`` (a QPrinter for preview and
    print, a QPdfWriter for files); returns the page count.

    Raises OSError if the printer cannot be started (e.g. an unwritable PDF path).
    """
    family = briefing_family()
    geo = geometry_for(printer)
    doc = build_document(
        briefing, printer, QSizeF(geo.body.width(), geo.body.height()), family, chart, map_image
    )
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer or file cannot be written")
    # Charts and maps are line art: deflate them (crisp, and smaller than JPEG here).
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            _paint_header(painter, geo, briefing, family)
            painter.save()
            painter.translate(geo.body.left(), geo.body.top() - page * geo.body.height())
            doc.drawContents(
                painter, QRectF(0, page * geo.body.height(), geo.body.width(), geo.body.height())
            )
            painter.restore()
            _paint_footer(painter, geo, briefing, family, page + 1, pages)
    finally:
        painter.end()
    return pages


def _paint_header(painter: QPainter, geo: PageGeometry, b: Briefing, family: str) -> None:
    h = geo.header
    text_box = QRectF(h.left(), h.top(), h.width(), geo.mm(5))
    align_v = Qt.AlignmentFlag.AlignVCenter
    painter.setPen(QColor(NAVY))
    painter.setFont(_font(family, 8, bold=True))
    painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | align_v, b.header.title)
    painter.setPen(QColor("#9b1c1c"))
    painter.setFont(_font(family, 8.5, bold=True))
    painter.drawText(text_box, Qt.AlignmentFlag.AlignHCenter | align_v, b.header.classification)
    painter.setPen(QColor(MUTED))
    painter.setFont(_font(family, 8))
    painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | align_v, b.header.date_text)
    y = text_box.bottom() + geo.mm(1.2)
    painter.setPen(QPen(QColor(NAVY), geo.mm(0.35)))
    painter.drawLine(QPointF(h.left(), y), QPointF(h.right(), y))


def _paint_footer(
    painter: QPainter, geo: PageGeometry, b: Briefing, family: str, page: int, pages: int
) -> None:
    f = geo.footer
    t = b.text
    painter.setPen(QPen(QColor(RULE), geo.mm(0.25)))
    rule_y = f.top() + geo.mm(3)
    painter.drawLine(QPointF(f.left(), rule_y), QPointF(f.right(), rule_y))
    box = QRectF(f.left(), rule_y + geo.mm(0.8), f.width(), f.bottom() - rule_y - geo.mm(0.8))
    align_v = Qt.AlignmentFlag.AlignVCenter
    painter.setFont(_font(family, 7.5))
    painter.setPen(QColor(MUTED))
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignLeft | align_v,
        t["footer_station"].format(station=b.header.station),
    )
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignRight | align_v,
        t["footer_generated"].format(time=b.header.generated_text),
    )
    painter.setPen(QColor("#1f2328"))
    painter.setFont(_font(family, 7.5, bold=True))
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignHCenter | align_v,
        t["footer_page"].format(page=page, pages=pages),
    )
