"""Controlled vocabularies: the codes stored in the database and their printed labels.

Codes never change (they are in every bundle and CSV); labels are what operators see and may
type in a spreadsheet. Categories follow IOM DTM flow monitoring. ``stock`` categories count
people present at an instant (take the latest value); the others count people per period
(sum them).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from db.names import normalise_name


class Term(NamedTuple):
    """One code of a vocabulary with its Spanish and English labels."""

    code: str
    es: str
    en: str
    stock: bool = False

    def label(self, lang: str = "es") -> str:
        return self.es if lang == "es" else self.en


def _terms(*terms: Term) -> dict[str, Term]:
    return {t.code: t for t in terms}


CATEGORIES = _terms(
    Term("crossed_regular", "Cruce regular", "Crossed regularly"),
    Term("crossed_irregular", "Cruce irregular", "Crossed irregularly"),
    Term("turned_back", "Rechazados", "Turned back"),
    Term("detained", "Detenidos", "Detained"),
    Term("assisted", "Asistidos", "Assisted"),
    Term("stranded", "Varados", "Stranded", stock=True),
)
FLOW_CATEGORIES = tuple(c for c, t in CATEGORIES.items() if not t.stock)
STOCK_CATEGORIES = tuple(c for c, t in CATEGORIES.items() if t.stock)
# People who crossed (docs/architecture.md §4): the only categories a crossing total adds up.
# Turned back, detained and assisted overlap them and each other, so they stay their own figures.
CROSSING_CATEGORIES = ("crossed_regular", "crossed_irregular")

DIRECTIONS = _terms(
    Term("into_peru", "Hacia Perú", "Into Peru"),
    Term("into_chile", "Hacia Chile", "Into Chile"),
    Term("none", "Sin dirección", "No direction"),
)

SITE_KINDS = _terms(
    Term("crossing", "Complejo fronterizo", "Border crossing"),
    Term("checkpoint", "Puesto de control", "Checkpoint"),
    Term("shelter", "Albergue", "Shelter"),
    Term("gathering", "Punto de concentración", "Gathering point"),
    Term("town", "Ciudad", "Town"),
    Term("other", "Otro", "Other"),
)

EVENT_KINDS = _terms(
    Term("stranded_group", "Grupo varado", "Stranded group"),
    Term("checkpoint", "Control", "Checkpoint"),
    Term("patrol", "Patrulla", "Patrol"),
    Term("incident", "Incidente", "Incident"),
    Term("shelter", "Albergue", "Shelter"),
    Term("log", "Bitácora", "Log entry"),
    Term("other", "Otro", "Other"),
)

SEVERITIES = _terms(
    Term("info", "Informativo", "Information"),
    Term("low", "Baja", "Low"),
    Term("medium", "Media", "Medium"),
    Term("high", "Alta", "High"),
)

MILESTONE_KINDS = _terms(
    Term("election", "Elección", "Election"),
    Term("inauguration", "Asunción de mando", "Inauguration"),
    Term("meeting", "Reunión", "Meeting"),
    Term("deadline", "Plazo", "Deadline"),
    Term("announcement", "Anuncio", "Announcement"),
    Term("other", "Otro", "Other"),
)

COUNTRIES = {"PE": "Perú", "CL": "Chile", "BO": "Bolivia"}


def fold(text: str) -> str:
    """Lower case without accents, invisible characters or extra spaces: how names typed by
    hand are compared (``normalise_name`` first, so "Tacna" and "Tacna" + U+200B are one)."""
    plain = normalise_name(text)
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("_", " ").split())


def match_term(vocab: dict[str, Term], text: str) -> str | None:
    """The code whose code, Spanish or English label matches ``text`` (accents, case ignored)."""
    key = fold(text)
    for term in vocab.values():
        if key in (fold(term.code), fold(term.es), fold(term.en)):
            return term.code
    return None
