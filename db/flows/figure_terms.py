"""What each figure counts, in words that say exactly that (docs/architecture.md §4).

The vocabulary's labels (``db.vocab``) name codes as operators type them in a spreadsheet
("Hacia Perú"); a figure on screen or on paper needs more: people turned back did not enter
Peru, so "into Peru" names only people who crossed. Every figure, legend and table heading
takes its words from here, so the strip, the wall, the chart and the briefing say one thing.
"""

from __future__ import annotations

from db.vocab import Term

# Crossings by direction: regular + irregular (db.vocab.CROSSING_CATEGORIES) only.
FIGURE_TERMS: dict[str, Term] = {
    t.code: t
    for t in (
        Term("into_peru", "Personas que ingresaron al Perú", "People who entered Peru"),
        Term("into_chile", "Personas que ingresaron a Chile", "People who entered Chile"),
        Term("none", "Cruzaron sin dirección registrada", "Crossed, direction not recorded"),
        Term("crossed_regular", "Cruzaron regularmente", "Crossed regularly"),
        Term("crossed_irregular", "Cruzaron irregularmente", "Crossed irregularly"),
        Term("turned_back", "Rechazados (no ingresaron)", "Turned back (did not enter)"),
        Term("detained", "Detenidos", "Detained"),
        Term("assisted", "Asistidos", "Assisted"),
        Term("stranded", "Varados ahora", "Stranded now", stock=True),
    )
}

# Short forms where space is tight (chart legends, the cursor read-out).
SHORT_TERMS: dict[str, Term] = {
    t.code: t
    for t in (
        Term("into_peru", "Ingresaron al Perú", "Entered Peru"),
        Term("into_chile", "Ingresaron a Chile", "Entered Chile"),
        Term("none", "Cruzaron, sin dirección", "Crossed, no direction"),
        Term("crossed_regular", "Cruce regular", "Crossed regularly"),
        Term("crossed_irregular", "Cruce irregular", "Crossed irregularly"),
        Term("turned_back", "Rechazados (no ingresaron)", "Turned back (did not enter)"),
        Term("detained", "Detenidos", "Detained"),
        Term("assisted", "Asistidos", "Assisted"),
        Term("stranded", "Varados", "Stranded", stock=True),
    )
}


def figure_label(code: str, lang: str = "es", *, short: bool = False) -> str:
    """The words for figure ``code`` (a direction or a category); the code itself if unknown."""
    term = (SHORT_TERMS if short else FIGURE_TERMS).get(code)
    return term.label(lang) if term else code
