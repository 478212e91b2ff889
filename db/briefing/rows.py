"""The rows of the daily briefing: frozen data with the text the commander reads.

``db.briefing.sections`` makes them, ``db.briefing.content.Briefing`` holds them, and
``desktop/briefing`` lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Header:
    title: str
    subtitle: str  # the exercise line, or ""
    date_text: str
    period_text: str
    classification: str
    station: str
    operator: str
    generated_at: datetime
    generated_text: str


@dataclass(frozen=True)
class DecreeBlock:
    number: str
    title: str
    state: str
    state_label: str
    day: int
    days: int
    day_text: str  # "Día 3 de 60"
    chain_day_text: str  # "Día 63 del estado de emergencia" (an extension), else ""
    remaining_seconds: int
    remaining_text: str  # "Quedan 57 d 17 h"
    ends_at: datetime
    end_text: str
    chain: tuple[str, ...]
    chain_text: str
    chain_end_text: str
    gaps_text: tuple[str, ...]
    zone_text: str


@dataclass(frozen=True)
class MilestoneRow:
    title: str
    kind_label: str
    date_text: str
    days_left: int
    countdown_text: str  # "Hoy", "D-8", "Concluido"
    outcome_text: str = ""  # "Resultado: …", once reported by the briefing's time


@dataclass(frozen=True)
class FigureRow:
    code: str
    group: str  # "direction", "category" (crossings), "other" (not crossings) or "stock"
    label: str
    value: int
    previous: int | None
    change_text: str

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.value - self.previous


@dataclass(frozen=True)
class SiteRow:
    site_id: str
    name: str
    values: tuple[int, ...]  # in the order of SiteTable.columns


@dataclass(frozen=True)
class SiteTable:
    columns: tuple[str, ...]  # category codes
    labels: tuple[str, ...]
    rows: tuple[SiteRow, ...]
    totals: tuple[int, ...]


@dataclass(frozen=True)
class BriefingChartMarker:
    day: date
    label: str
    kind: str  # "milestone" or "decree"
    mark: str = ""  # the rule's kind (db.decrees.marks): decree_start, decree_end, milestone
    name: str = ""  # the decree's number or the milestone's title


@dataclass(frozen=True)
class BriefingChart:
    """The briefing's 14-day chart as printed: ``db.flows.briefing_chart`` counts, worded here.

    Not the window's flow chart, whose model is ``db.flows.chart_data.ChartData``.
    """

    days: tuple[date, ...]
    day_labels: tuple[str, ...]
    series: tuple[tuple[str, str, tuple[int, ...]], ...]  # crossings: (code, label, values)
    stranded: tuple[int | None, ...]
    stranded_label: str
    markers: tuple[BriefingChartMarker, ...]
    axis_label: str
    stock_axis_label: str
    caption: str
    illustrative: bool
    # The flows that are not crossings, drawn apart (code, label, one value a day).
    others: tuple[tuple[str, str, tuple[int, ...]], ...] = ()
    others_label: str = ""


@dataclass(frozen=True)
class EventRow:
    occurred_at: datetime
    time_text: str
    kind_label: str
    title: str
    people: int | None
    severity: str
    severity_label: str
    illustrative: bool


@dataclass(frozen=True)
class SourceLine:
    subject: str
    source: str


@dataclass(frozen=True)
class ContextLine:
    """A sourced public figure that frames the day's counts (the context box)."""

    text: str
    source: str
