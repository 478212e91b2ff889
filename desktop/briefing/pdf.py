"""The briefing written to a PDF file: whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage, QPdfWriter

from db.briefing.content import Briefing
from db.errors import SituationRoomError
from desktop.briefing.pages import page_layout, paint_briefing


class BriefingNotWritten(SituationRoomError):
    """The PDF could not be written where asked; nothing was left behind."""


PDF_DPI = 1200  # what QPrinter's HighResolution gives a PDF: preview and file lay out alike


def pdf_writer(path: str, paper: str, title: str) -> QPdfWriter:
    """A PDF device; QPdfWriter, not QPrinter, so no print system (CUPS) is ever queried."""
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setCreator("Situation Room")
    writer.setTitle(title)
    return writer


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def render_briefing_pdf(
    briefing: Briefing, path: str | Path, paper: str = "a4", *, chart: QImage, map_image: QImage
) -> int:
    """Write ``briefing`` to ``path`` as a PDF on ``paper`` ("a4" or "letter"); returns pages.

    Written to a temporary file in the same folder, then renamed over ``path``: a reader never
    sees half a file, and a failure leaves no file at all.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".briefing-", suffix=".pdf.part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise BriefingNotWritten(f"{target}: cannot write here ({exc.strerror or exc})") from None
    try:
        writer = pdf_writer(tmp, paper, f"{briefing.header.title} — {briefing.header.date_text}")
        pages = paint_briefing(writer, briefing, chart, map_image)
        del writer  # closes the file before it is renamed
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 would hide it from colleagues
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise BriefingNotWritten(
            f"{target}: cannot write the PDF ({exc.strerror or exc})"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return pages
