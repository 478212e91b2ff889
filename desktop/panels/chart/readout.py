"""The line under the chart: the values of the day under the cursor, each with its colour."""

from __future__ import annotations

import math
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QDate

from db.flows.chart_data import ChartData
from db.vocab import CATEGORIES, DIRECTIONS
from desktop.formatting import fmt_int, locale_for
from desktop.theme import Theme

NB_HYPHEN = "\u2011"


def _text(text: str) -> str:
    """Escaped, with non-breaking hyphens: a line must not break inside "7-day"."""
    return escape(text).replace("-", NB_HYPHEN)


def _swatch(colour: str) -> str:
    return f'<span style="color:{colour}; font-size:large;">■</span>'


def readout_html(data: ChartData, day: date, keys: list[str], theme: Theme, lang: str) -> str:
    """Rich text: the date, each shown series, the total, the 7-day mean and people stranded."""
    i = data.index_of(day)
    loc = locale_for(lang)
    when = loc.toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")
    if i is None:
        nothing = QCoreApplication.translate("ChartReadout", "no counts for this day")
        return f"<b>{_text(when)}</b> — {_text(nothing)}"
    colours = theme.directions if data.by == "direction" else theme.categories
    parts = [f"<b>{_text(when)}</b>"]
    if not data.complete[i]:
        parts[0] += " " + _text(QCoreApplication.translate("ChartReadout", "(so far)"))
    for key in keys:
        term = CATEGORIES.get(key) or DIRECTIONS.get(key)
        label = term.label(lang) if term else key
        parts.append(
            f"{_swatch(colours.get(key, theme.text))}&nbsp;{_text(label)} "
            f"<b>{fmt_int(int(data.flows[key][i]), lang)}</b>"
        )
    total = QCoreApplication.translate("ChartReadout", "Total")
    parts.append(f"{_text(total)} <b>{fmt_int(int(data.total(keys)[i]), lang)}</b>")
    mean = data.mean(keys)[i]
    mean_text = "—" if math.isnan(mean) else fmt_int(round(float(mean)), lang)
    mean_word = QCoreApplication.translate("ChartReadout", "7-day mean")
    parts.append(f"{_swatch(theme.text)}&nbsp;{_text(mean_word)} <b>{mean_text}</b>")
    stranded = data.stranded[i]
    stranded_text = "—" if math.isnan(stranded) else fmt_int(int(stranded), lang)
    parts.append(
        f"{_swatch(theme.categories['stranded'])}&nbsp;{_text(CATEGORIES['stranded'].label(lang))}"
        f" <b>{stranded_text}</b>"
    )
    # Each value stays on one line with its label; lines break only between values.
    return " · ".join(f"<nobr>{part}</nobr>" for part in parts)
