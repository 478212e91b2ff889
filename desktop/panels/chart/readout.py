"""The line under the chart: the values of the day under the cursor, each with its colour."""

from __future__ import annotations

import math
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QDate

from db.flows.chart_data import ChartData
from db.flows.figure_terms import figure_label
from desktop.formatting import fmt_int, locale_for
from desktop.theme import Theme

NB_HYPHEN = "\u2011"


def _text(text: str) -> str:
    """Escaped, with non-breaking hyphens: a line must not break inside "7-day"."""
    return escape(text).replace("-", NB_HYPHEN)


def _swatch(colour: str) -> str:
    return f'<span style="color:{colour}; font-size:large;">■</span>'


def _colour(key: str, theme: Theme) -> str:
    return theme.categories.get(key) or theme.directions.get(key) or theme.text


def readout_html(
    data: ChartData,
    day: date,
    keys: list[str],
    theme: Theme,
    lang: str,
    others: list[str] | None = None,
) -> str:
    """Rich text: the date, each crossing shown, the people who crossed, their 7-day mean, then
    apart (never added to the crossings) the ``others`` flows shown, and people stranded."""
    i = data.index_of(day)
    loc = locale_for(lang)
    when = loc.toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")
    if i is None:
        nothing = QCoreApplication.translate("ChartReadout", "no counts for this day")
        return f"<b>{_text(when)}</b> — {_text(nothing)}"
    parts = [f"<b>{_text(when)}</b>"]
    if not data.complete[i]:
        parts[0] += " " + _text(QCoreApplication.translate("ChartReadout", "(so far)"))
    others = list(data.other_keys) if others is None else others

    def value(key: str) -> str:
        label = figure_label(key, lang, short=True)
        count = fmt_int(int(data.flows[key][i]), lang)
        return f"{_swatch(_colour(key, theme))}&nbsp;{_text(label)} <b>{count}</b>"

    parts.extend(value(key) for key in keys)
    total = QCoreApplication.translate("ChartReadout", "Crossed")
    parts.append(f"{_text(total)} <b>{fmt_int(int(data.total(keys)[i]), lang)}</b>")
    mean = data.mean(keys)[i]
    mean_text = "—" if math.isnan(mean) else fmt_int(round(float(mean)), lang)
    mean_word = QCoreApplication.translate("ChartReadout", "7-day mean")
    parts.append(f"{_swatch(theme.text)}&nbsp;{_text(mean_word)} <b>{mean_text}</b>")
    if others:
        apart = QCoreApplication.translate("ChartReadout", "Not crossings:")
        parts.append(f"{_text(apart)} {value(others[0])}")
        parts.extend(value(key) for key in others[1:])
    stranded = data.stranded[i]
    stranded_text = "—" if math.isnan(stranded) else fmt_int(int(stranded), lang)
    parts.append(
        f"{_swatch(theme.categories['stranded'])}&nbsp;{_text(figure_label('stranded', lang))}"
        f" <b>{stranded_text}</b>"
    )
    # Each value stays on one line with its label; lines break only between values.
    return " · ".join(f"<nobr>{part}</nobr>" for part in parts)
