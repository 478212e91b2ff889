"""The briefing written to a PDF file: whole or not at all (``db.safety.output``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPdfWriter

from db.briefing.content import Briefing
from db.safety.complete import pdf_problem
from db.safety.output import atomic_output
from desktop.briefing.pages import page_layout, paint_briefing

PDF_DPI = 1200  # what QPrinter's HighResolution gives a PDF: preview and file lay out alike


def pdf_writer(path: str, paper: str, title: str) -> QPdfWriter:
    """A PDF device; QPdfWriter, not QPrinter, so no print system (CUPS) is ever queried."""
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setCreator("Situation Room")
    writer.setTitle(title)
    return writer


def render_briefing_pdf(
    briefing: Briefing,
    path: str | Path,
    paper: str = "a4",
    *,
    chart: QImage,
    map_image: QImage,
    database: str | Path | None = None,
) -> int:
    """Write ``briefing`` to ``path`` as a PDF on ``paper`` ("a4" or "letter"); returns pages.

    Painted into a temporary file beside ``path``, checked to end as a PDF ends (Qt reports no
    full disk: it leaves a PDF cut short), then renamed over ``path``; a failure leaves no file
    and ``path`` as it was. ``path`` is never ``database`` nor anything ``check_output_path``
    refuses (``OutputRefused``); a failed write raises ``OutputNotWritten``.
    """
    title = f"{briefing.header.title} — {briefing.header.date_text}"
    with atomic_output(path, verify=pdf_problem, database=database) as tmp:
        writer = pdf_writer(str(tmp), paper, title)
        pages = paint_briefing(writer, briefing, chart, map_image)
        del writer  # closes the file before it is checked and renamed
    return pages
