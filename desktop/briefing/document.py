"""The briefing as a paginated QTextDocument laid out for one printer's pages.

The document is laid out at the printer's own resolution (``setPaintDevice``), so the page
breaks the preview shows are the ones the PDF gets. Headings (and images) are kept with what
follows them: after layout, any that would end a page alone are moved to the next one.
"""

from __future__ import annotations

from PySide6.QtCore import QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from db.briefing import Briefing
from desktop.briefing.html import CHART_IMAGE, MAP_IMAGE, HtmlBuilder, Units

MAX_KEEP_PASSES = 12
OBJECT_CHAR = "\ufffc"  # how an inline image appears in a block's text


def build_document(
    briefing: Briefing,
    device: QPagedPaintDevice,
    body: QSizeF,
    family: str,
    chart: QImage,
    map_image: QImage,
) -> QTextDocument:
    """Lay out ``briefing`` in pages of ``body`` (device pixels) for ``device``."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    font = QFont(family)
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setPageSize(body)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_IMAGE), chart)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(MAP_IMAGE), map_image)
    # Qt's rich text reads CSS pixels (and <img> sizes) at the screen's logical resolution and
    # scales them to the device: write lengths at that resolution.
    units = Units(layout_dpi())
    builder = HtmlBuilder(
        briefing, units, family, units.px(body.width() * 25.4 / device.logicalDpiX())
    )
    html = builder.build(
        chart.width() / max(1, chart.height()), map_image.width() / max(1, map_image.height())
    )
    doc.setHtml(html)
    keep_with_next(doc, body.height())
    return doc


def layout_dpi() -> float:
    """The resolution Qt's text layout takes CSS pixels in (its ``qt_defaultDpi``)."""
    app = QGuiApplication.instance()
    if app is not None and app.testAttribute(Qt.ApplicationAttribute.AA_Use96Dpi):
        return 96.0
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 100.0


def _keeps(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0 or block.text() == OBJECT_CHAR


def _must_follow_bottom(doc: QTextDocument, block: QTextBlock) -> float:
    """Where what must stay with the block before ``block`` ends: its first line, or for a
    table its header row and first row."""
    layout = doc.documentLayout()
    table = QTextCursor(block).currentTable()
    if table is not None and table.rows() > 1:
        block = table.cellAt(min(2, table.rows() - 1), 0).firstCursorPosition().block()
    rect = layout.blockBoundingRect(block)
    text_layout = block.layout()
    if text_layout is not None and text_layout.lineCount() > 0:
        return rect.top() + text_layout.lineAt(0).rect().bottom()
    return rect.bottom()


def _break_before(block: QTextBlock, on: bool) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(
        QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        if on
        else QTextFormat.PageBreakFlag.PageBreak_Auto
    )
    QTextCursor(block).setBlockFormat(fmt)


def _has_break(block: QTextBlock) -> bool:
    policy = block.blockFormat().pageBreakPolicy()
    return bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def keep_with_next(doc: QTextDocument, page_height: float) -> None:
    """Move headings and images that a page would part from what follows to the next page."""
    layout = doc.documentLayout()
    for _ in range(MAX_KEEP_PASSES):
        moved = False
        block = doc.begin()
        while block.isValid():
            following = block.next()
            if _keeps(block) and following.isValid() and not _has_break(block):
                top = layout.blockBoundingRect(block).top()
                if int(top // page_height) != int(
                    _must_follow_bottom(doc, following) // page_height
                ):
                    _break_before(block, True)
                    if _has_break(following):
                        _break_before(following, False)  # it now follows us onto the new page
                    moved = True
                    break  # the layout below has changed: start again from the top
            block = following
        if not moved:
            return
