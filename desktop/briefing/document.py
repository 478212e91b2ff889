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
    QTextTable,
)

from db.briefing.content import Briefing
from desktop.briefing.html import CHART_IMAGE, MAP_IMAGE, HtmlBuilder, Units

MAX_KEEP_PASSES = 12
MAX_TABLE_PASSES = 24
KEEP_SECTION_FRACTION = 0.3  # sections shorter than this share of a page are not split
OBJECT_CHAR = "\ufffc"  # how an inline image appears in a block's text


def build_document(
    briefing: Briefing,
    device: QPagedPaintDevice,
    body: QSizeF,
    family: str,
    chart: QImage,
    map_image: QImage,
) -> QTextDocument:
    """Lay out ``briefing`` in pages of ``body`` (device pixels) for ``device``.

    Laid out again, with the table broken before it, while a table row is cut by a page end
    (rare: a day with many events); each pass settles one more page.
    """
    breaks: dict[str, set[int]] = {}
    for _ in range(MAX_TABLE_PASSES):
        doc, tables = _layout(briefing, device, body, family, chart, map_image, breaks)
        cut = _first_cut_row(doc, tables, body.height(), breaks)
        if cut is None:
            break
        breaks.setdefault(cut[0], set()).add(cut[1])
    return doc


def _layout(
    briefing: Briefing,
    device: QPagedPaintDevice,
    body: QSizeF,
    family: str,
    chart: QImage,
    map_image: QImage,
    breaks: dict[str, set[int]],
) -> tuple[QTextDocument, list[tuple[str | None, list[int | None]]]]:
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
    width = units.px(body.width() * 25.4 / device.logicalDpiX())
    builder = HtmlBuilder(briefing, units, family, width, breaks)
    html = builder.build(
        chart.width() / max(1, chart.height()), map_image.width() / max(1, map_image.height())
    )
    doc.setHtml(html)
    keep_with_next(doc, body.height())
    return doc, builder.tables


def _first_cut_row(
    doc: QTextDocument,
    tables: list[tuple[str | None, list[int | None]]],
    page_height: float,
    breaks: dict[str, set[int]],
) -> tuple[str, int] | None:
    """The first data row that a page end cuts in two, as (table key, data row index)."""
    layout = doc.documentLayout()
    frames = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for frame, (key, row_map) in zip(frames, tables, strict=False):
        if key is None or frame.rows() != len(row_map):
            continue
        for r in range(1, frame.rows()):
            data_row = row_map[r]
            if data_row is None or data_row in breaks.get(key, set()):
                continue  # already first on its page: a row taller than a page stays cut
            top = min(_cell_edges(layout, frame, r, c)[0] for c in range(frame.columns()))
            bottom = max(_cell_edges(layout, frame, r, c)[1] for c in range(frame.columns()))
            if int(top // page_height) != int(bottom // page_height):
                return key, data_row
    return None


def _cell_edges(layout, table: QTextTable, row: int, column: int) -> tuple[float, float]:
    cell = table.cellAt(row, column)
    first = layout.blockBoundingRect(cell.firstCursorPosition().block())
    last = layout.blockBoundingRect(cell.lastCursorPosition().block())
    return first.top(), last.bottom()


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
    # Qt relayouts an edited document lazily, and after a table that crosses a page it can stop
    # short: the blocks below keep no height until the event loop runs. Lay it all out now.
    doc = block.document()
    doc.markContentsDirty(0, doc.characterCount())


def _has_break(block: QTextBlock) -> bool:
    policy = block.blockFormat().pageBreakPolicy()
    return bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _section_bottom(doc: QTextDocument, heading: QTextBlock) -> float:
    """The bottom of the last block before the next heading (or the end of the document)."""
    layout = doc.documentLayout()
    last, block = heading, heading.next()
    while block.isValid() and block.blockFormat().headingLevel() == 0:
        last, block = block, block.next()
    return layout.blockBoundingRect(last).bottom()


def _needs_moving(doc: QTextDocument, block: QTextBlock, page_height: float) -> bool:
    layout = doc.documentLayout()
    top = layout.blockBoundingRect(block).top()
    page = int(top // page_height)
    following = block.next()
    if following.isValid() and page != int(_must_follow_bottom(doc, following) // page_height):
        return True  # the heading (or image) would end its page alone
    if block.blockFormat().headingLevel() > 0:
        # A short section is read as one piece: never leave a line or two of it over a page.
        bottom = _section_bottom(doc, block)
        short = bottom - top <= page_height * KEEP_SECTION_FRACTION
        return short and page != int(bottom // page_height)
    return False


def keep_with_next(doc: QTextDocument, page_height: float) -> None:
    """Move headings and images that a page would part from what follows to the next page,
    and short sections that a page break would split."""
    for _ in range(MAX_KEEP_PASSES):
        moved = False
        block = doc.begin()
        while block.isValid():
            following = block.next()
            if _keeps(block) and not _has_break(block) and _needs_moving(doc, block, page_height):
                _break_before(block, True)
                if following.isValid() and _has_break(following):
                    _break_before(following, False)  # it now follows us onto the new page
                moved = True
                break  # the layout below has changed: start again from the top
            block = following
        if not moved:
            return
