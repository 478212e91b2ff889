"""The headline figures of the strip above the panels: last 24 hours against the 24 before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from db.flows.counted import KeyFigures, counted, counted_before
from db.store.store import Store

WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Headline:
    """One figure: ``code`` names what it counts (a category, a direction, ``stranded``)."""

    code: str
    value: int
    previous: int | None
    stock: bool = False

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.value - self.previous


@dataclass(frozen=True)
class HeadlineFigures:
    at: datetime
    figures: list[Headline]
    illustrative: bool
    stranded_at: datetime | None


def headline_figures(store: Store, at: datetime) -> HeadlineFigures:
    """Flows counted in the 24 h before ``at`` and people stranded now, as the post knew them
    at ``at``, each against the 24 h before as known 24 h earlier (docs/architecture.md §4)."""
    now = counted(store, at - WINDOW, at, known_at=at)
    before = counted_before(store, at - WINDOW, at, known_at=at)
    figures = [
        _flow("into_peru", now.by_direction, before.by_direction),
        _flow("into_chile", now.by_direction, before.by_direction),
        _flow("crossed_irregular", now.by_category, before.by_category),
        _flow("turned_back", now.by_category, before.by_category),
        _flow("detained", now.by_category, before.by_category),
        Headline("stranded", now.stranded_latest, _stranded_before(before), stock=True),
    ]
    return HeadlineFigures(at, figures, now.illustrative or before.illustrative, now.stranded_at)


def _flow(code: str, now: dict[str, int], before: dict[str, int]) -> Headline:
    return Headline(code, now.get(code, 0), before.get(code, 0))


def _stranded_before(before: KeyFigures) -> int | None:
    return before.stranded_latest if before.stranded_at is not None else None
