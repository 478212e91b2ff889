"""The exercise's sourced context figures (what an operator reads beside the counts).

The scenario stores them in the database (``meta.scenario_context``) so a copy of the exercise
carries them. Each is shown only from the day it was public (``known_from``, the post's calendar
day): the as-of rule (docs/architecture.md §4) holds for context as for records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from db.clock import local_date
from db.store.store import Store


@dataclass(frozen=True)
class ContextFigure:
    text: str  # in the language asked for
    source: str
    known_from: date


def context_figures(store: Store, at: datetime | None, lang: str) -> list[ContextFigure]:
    """The context figures public by ``at`` (None: all of them), in ``lang`` (es or en)."""
    try:
        items = json.loads(store.meta("scenario_context") or "[]")
    except ValueError:  # a damaged setting hides the context, it does not stop the post
        return []
    day = local_date(at, store.timezone) if at is not None else None
    out = []
    for item in items if isinstance(items, list) else []:
        try:
            known = date.fromisoformat(str(item.get("known_from") or "1900-01-01"))
            text = (item.get("text_es") if lang == "es" else None) or item["text"]
            figure = ContextFigure(str(text), str(item["source"]), known)
        except (AttributeError, KeyError, ValueError):
            continue
        if day is None or figure.known_from <= day:
            out.append(figure)
    return out
