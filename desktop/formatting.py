"""Numbers, dates and times as the operator's language writes them (QLocale + zoneinfo)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from db.clock import zone

LOCALES = {"es": "es_PE", "en": "en_US"}


def locale_for(lang: str) -> QLocale:
    return QLocale(LOCALES.get(lang, "es_PE"))


def fmt_int(value: int, lang: str) -> str:
    return locale_for(lang).toString(int(value))


def fmt_number(value: float, lang: str, decimals: int = 1) -> str:
    """``1,234.5``: the language's decimal and thousands marks."""
    return locale_for(lang).toString(float(value), "f", decimals)


def fmt_date_long(day: date, lang: str) -> str:
    """``lunes, 1 de diciembre de 2025`` / ``Monday, December 1, 2025``."""
    return locale_for(lang).toString(
        QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
    )


def fmt_signed(value: int, lang: str) -> str:
    text = fmt_int(abs(value), lang)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else "0"


def local_time(instant: datetime, tz: str) -> datetime:
    return instant.astimezone(zone(tz))


def fmt_datetime(instant: datetime, tz: str, lang: str) -> str:
    """``01/12/2025 08:00`` style, in zone ``tz``, with the zone's abbreviation."""
    local = local_time(instant, tz)
    pattern = "%d/%m/%Y %H:%M" if lang == "es" else "%Y-%m-%d %H:%M"
    return f"{local.strftime(pattern)} {_zone_label(local)}"


def _zone_label(local: datetime) -> str:
    offset = local.utcoffset()
    assert offset is not None
    hours = int(offset.total_seconds() // 3600)
    return f"UTC{hours:+d}"
