"""A QImage saved as a PNG file through the one way the app writes files (db/safety/output.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage, QImageWriter

from db.safety.complete import png_problem
from db.safety.output import atomic_output


def write_png(image: QImage, path: str | Path, *, database: str | Path | None = None) -> Path:
    """Save ``image`` at ``path`` whole or not at all; never over ``database`` or anything
    ``check_output_path`` refuses (``OutputRefused``); a failed save raises ``OutputNotWritten``."""
    with atomic_output(path, verify=png_problem, database=database) as tmp:
        writer = QImageWriter(str(tmp), QByteArray(b"png"))
        written, why = writer.write(image), writer.errorString()
        del writer  # closes the file before it is synced, checked and renamed
        if not written:
            raise OSError(why)
    return Path(path)
