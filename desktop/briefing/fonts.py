"""The shipped typeface (DejaVu Sans), loaded once, so every machine prints the same pages."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from db.resources import resource

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans"

_family: str | None = None


def briefing_family() -> str:
    """The family name of the shipped font, registering it with Qt on first use.

    Loaded from bytes (not a path) so it also works when the package is zipped. Needs a
    QGuiApplication.
    """
    global _family
    if _family is None:
        families: list[str] = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFontFromData(resource("fonts", name).read_bytes())
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0] if families else FALLBACK_FAMILY
    return _family
