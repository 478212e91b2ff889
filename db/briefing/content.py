"""The daily briefing's content, composed for one day with no Qt (docs/architecture.md §7).

``compose_briefing`` returns plain frozen data: every figure as a number and every line as the
text the commander reads, in the requested language. ``desktop/briefing`` only lays it out, so
the preview, the printed page and the CLI's PDF cannot disagree.

The period is the 24 hours ending at ``cutoff_hour`` post time on ``day``. The figures are read
as the post knew them at the end of the period (``db.flows.counted``, docs/architecture.md §4): a
reprint next month shows what the morning's briefing showed, and the screen at that instant the
same. The other records of an exercise database are read as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from db.briefing import text as bt
from db.briefing.rows import (
    BriefingChart,
    ContextLine,
    DecreeBlock,
    EventRow,
    FigureRow,
    Header,
    MilestoneRow,
    SiteTable,
    SourceLine,
)
from db.briefing.sections import (
    briefing_chart,
    decree_blocks,
    event_rows,
    figure_rows,
    milestone_rows,
    site_table,
    sources,
)
from db.clock import local_date, utc_now, zone
from db.decrees.countdown import load_thresholds
from db.decrees.known import known_at
from db.flows.counted import counted, counted_before
from db.geo.projection import ATTRIBUTION
from db.scenario_context import context_figures
from db.store.store import Store

PERIOD = timedelta(hours=24)
CHART_DAYS = 14
MILESTONES_SHOWN = 6
DEFAULT_CLASSIFICATION = "USO OFICIAL"
DEFAULT_CUTOFF_HOUR = 7


@dataclass(frozen=True)
class Briefing:
    lang: str
    day: date
    tz: str
    period_start: datetime
    period_end: datetime
    as_of_entry: datetime | None  # None: read as the store stands (exercise databases)
    header: Header
    decrees: tuple[DecreeBlock, ...]
    milestones: tuple[MilestoneRow, ...]
    figures: tuple[FigureRow, ...]
    figures_note: str  # when the stranded figure was counted
    sites: SiteTable
    chart: BriefingChart
    events: tuple[EventRow, ...]
    notes: str
    sources: tuple[SourceLine, ...]
    illustrative: bool
    as_of_text: str
    attribution: str
    map_caption: str
    text: dict[str, str] = field(default_factory=dict)  # section titles and table headings
    # The sourced public figures known by the period's end (the exercise's context box).
    context: tuple[ContextLine, ...] = ()

    def figure(self, code: str) -> FigureRow:
        return next(f for f in self.figures if f.code == code)


AUTO: Literal["auto"] = "auto"


def period_for(day: date, cutoff_hour: int, tz: str) -> tuple[datetime, datetime]:
    """The UTC start and end of the 24 hours ending at ``cutoff_hour`` post time on ``day``."""
    if not 0 <= cutoff_hour <= 23:
        raise ValueError("cutoff_hour must be 0–23")
    end = datetime(day.year, day.month, day.day, cutoff_hour, tzinfo=zone(tz))
    end = end.astimezone(UTC)
    return end - PERIOD, end


def compose_briefing(
    store: Store,
    day: date,
    *,
    lang: str = "es",
    cutoff_hour: int = DEFAULT_CUTOFF_HOUR,
    classification: str = DEFAULT_CLASSIFICATION,
    operator: str,
    notes: str = "",
    generated_at: datetime | None = None,
    as_of_entry: datetime | None | Literal["auto"] = AUTO,
) -> Briefing:
    """The briefing for ``day``; ``as_of_entry`` defaults to the period end (see module doc)."""
    t = bt.text(lang)
    tz = store.timezone
    start, end = period_for(day, cutoff_hour, tz)
    exercise = store.exercise_clock is not None
    # The figures are what the post knew at the period's end, on an exercise's timeline too
    # (docs/architecture.md §4): the screen's tiles and chart read the same at that instant.
    figures_known = end if as_of_entry == AUTO else as_of_entry
    if as_of_entry == AUTO:
        as_of_entry = None if exercise else end
    assert as_of_entry != AUTO
    generated_at = generated_at or utc_now()

    # What the post knew at the period's end (db.decrees.known): a decree published later
    # or a result reported later is not in this briefing, reprinted or not.
    known = known_at(store, end if as_of_entry is None else as_of_entry)
    decrees = [d for d in known.decrees if d.published_on is None or d.published_on <= day]
    milestones = known.milestones
    assert figures_known != AUTO
    now = counted(store, start, end, known_at=figures_known)
    before = counted_before(store, start, end, known_at=figures_known)
    chart_end = day - timedelta(days=1)  # the last complete calendar day before the cutoff
    chart = briefing_chart(
        store, chart_end - timedelta(days=CHART_DAYS - 1), chart_end, decrees, milestones,
        figures_known, lang, tz,
    )  # fmt: skip
    events = event_rows(store, start, end, as_of_entry, lang, tz)
    figures, figures_note = figure_rows(now, before, lang, tz)
    local = zone(tz)
    offset = _offset_text(end.astimezone(local))
    place = tz.split("/")[-1].replace("_", " ")
    header = Header(
        title=t["title"],
        subtitle=_exercise_line(store, t) if exercise else "",
        date_text=bt.long_date(day, lang),
        period_text=t["period"].format(
            start=bt.short_datetime(start.astimezone(local), lang),
            end=bt.short_datetime(end.astimezone(local), lang),
            zone=place,
            offset=offset,
        ),
        classification=classification.strip() or DEFAULT_CLASSIFICATION,
        station=store.station_name,
        operator=operator,
        generated_at=generated_at,
        generated_text=f"{bt.short_datetime(generated_at.astimezone(local), lang)} {offset}",
    )
    blocks = decree_blocks(decrees, end, lang, tz, load_thresholds(store.meta))
    shown_milestones = milestone_rows(milestones, end, lang, MILESTONES_SHOWN, start)
    illustrative = (now.illustrative or before.illustrative or chart.illustrative) or any(
        e.illustrative for e in events
    )
    as_of_text = (
        t["as_of_exercise"]
        if as_of_entry is None
        else t["as_of"].format(
            time=f"{bt.short_datetime(as_of_entry.astimezone(local), lang)} {offset}"
        )
    )
    return Briefing(
        lang=lang,
        day=day,
        tz=tz,
        period_start=start,
        period_end=end,
        as_of_entry=as_of_entry,
        header=header,
        decrees=blocks,
        milestones=shown_milestones,
        figures=figures,
        figures_note=figures_note,
        sites=site_table(store, now, as_of_entry, lang),
        chart=chart,
        events=events,
        notes=notes.strip(),
        sources=sources(store, start, end, as_of_entry, decrees, milestones, end, lang),
        illustrative=illustrative,
        as_of_text=as_of_text,
        attribution=t["attribution"].format(attribution=ATTRIBUTION),
        map_caption=t["map_caption"].format(
            start=bt.short_datetime(start.astimezone(local), lang),
            end=bt.short_datetime(end.astimezone(local), lang),
        ),
        text=dict(t),
        context=tuple(ContextLine(c.text, c.source) for c in context_figures(store, end, lang)),
    )


def _exercise_line(store: Store, t: dict[str, str]) -> str:
    scenario = store.meta("scenario")
    return t["exercise"].format(scenario=scenario) if scenario else t["exercise_plain"]


def _offset_text(local: datetime) -> str:
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def default_day(now: datetime, tz: str, cutoff_hour: int = DEFAULT_CUTOFF_HOUR) -> date:
    """The day of the latest briefing period that has ended by ``now`` (post time)."""
    local = now.astimezone(zone(tz))
    today = local_date(now, tz)
    return today if local.hour >= cutoff_hour else today - timedelta(days=1)
