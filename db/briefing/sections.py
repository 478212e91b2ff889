"""One function per section of the daily briefing: numbers in, frozen rows with their text out.

``db.briefing.content.compose_briefing`` calls these in order; each reads only what its section needs,
as of the briefing's entry cutoff (``db.store.asof``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from db.briefing import text as bt
from db.briefing.rows import (
    BriefingChart,
    BriefingChartMarker,
    DecreeBlock,
    EventRow,
    FigureRow,
    MilestoneRow,
    SiteRow,
    SiteTable,
    SourceLine,
)
from db.clock import to_iso, zone
from db.decrees.countdown import (
    DEFAULT_THRESHOLDS,
    Thresholds,
    countdown,
    last_day,
    milestone_end,
    past_milestones,
    upcoming_milestones,
    whole_days_left,
)
from db.flows.briefing_chart import briefing_chart_counts
from db.flows.change import change_text
from db.flows.counted import KeyFigures
from db.flows.figure_terms import figure_label
from db.store.asof import current_source, records_as_of
from db.store.records import Decree, Event, Milestone, Site
from db.store.store import Store
from db.vocab import (
    CATEGORIES,
    CROSSING_CATEGORIES,
    EVENT_KINDS,
    FLOW_CATEGORIES,
    MILESTONE_KINDS,
    SEVERITIES,
    STOCK_CATEGORIES,
)

SHOWN_STATES = ("in_force", "warning", "critical", "upcoming")


def decree_blocks(
    decrees: list[Decree],
    at: datetime,
    lang: str,
    tz: str,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> tuple[DecreeBlock, ...]:
    """Chains in force or upcoming at ``at``; if none, the one that lapsed last."""

    t = bt.text(lang)
    statuses = countdown(decrees, at, thresholds)
    shown = [s for s in statuses if s.state in SHOWN_STATES] or statuses[:1]
    blocks = []
    local = zone(tz)
    for s in shown:
        end_day = bt.short_date(s.ends_on, lang)
        if s.state == "upcoming":
            day_text = t["decree_upcoming"].format(
                start=bt.short_date(s.starts_at.astimezone(local).date(), lang)
            )
        elif s.state == "expired":
            day_text = t["decree_expired"].format(end=end_day)
        else:
            day_text = t["decree_day"].format(day=s.day, days=s.days)
        # The emergency's own running day beside the link's, once an extension continues it.
        chain_day_text = (
            t["decree_chain_day"].format(day=s.chain_day) if s.in_force and len(s.chain) > 1 else ""
        )
        days, rest = whole_days_left(s.remaining_seconds), s.remaining_seconds % 86400
        chain_end = s.chain_ends_at.astimezone(local).date() - timedelta(days=1)
        blocks.append(
            DecreeBlock(
                number=s.number,
                title=s.decree.title,
                state=s.state,
                state_label=t[f"state_{s.state}"],
                day=s.day,
                days=s.days,
                day_text=day_text,
                chain_day_text=chain_day_text,
                remaining_seconds=s.remaining_seconds,
                remaining_text=t["decree_left"].format(days=days, hours=rest // 3600)
                if s.state != "expired"
                else "",
                ends_at=s.ends_at,
                end_text=t["decree_ends"].format(end=end_day),
                chain=tuple(d.number for d in s.chain),
                chain_text=t["decree_chain"].format(
                    chain=" → ".join(f"{d.number} ({_span(d, lang)})" for d in s.chain)
                ),
                chain_end_text=t["decree_chain_end"].format(end=bt.short_date(chain_end, lang)),
                gaps_text=tuple(
                    t["decree_gap"].format(before=g.after, after=g.before, days=g.days)
                    for g in s.gaps
                ),
                zone_text=t["decree_zone"].format(zone=s.decree.zone) if s.decree.zone else "",
            )
        )
    return tuple(blocks)


def _span(decree: Decree, lang: str) -> str:
    assert decree.starts_on is not None
    first = bt.short_date(decree.starts_on, lang)
    return f"{first} – {bt.short_date(last_day(decree), lang)}"


def milestone_rows(
    milestones: list[Milestone], at: datetime, lang: str, limit: int, since: datetime
) -> tuple[MilestoneRow, ...]:
    """The milestones held within the period (``since`` to ``at``), then the next ones; each
    with its outcome only if it was reported by ``at`` (``milestones`` are those known then,
    ``db.decrees.known``): a result is never read from a source's text."""
    t = bt.text(lang)
    held = [m for m in reversed(past_milestones(milestones, at)) if since < milestone_end(m) <= at]
    ahead = upcoming_milestones(milestones, at, limit)
    rows = []
    for m, countdown_text, days_left in [
        *((m, t["milestone_held"], 0) for m in held),
        *(
            (s.milestone, t["today"] if s.days_left <= 0 else f"D-{s.days_left}", s.days_left)
            for s in ahead
        ),
    ]:
        assert m.at is not None
        local = m.at.astimezone(zone(m.tz))
        when = bt.short_date(local.date(), lang) if m.all_day else bt.short_datetime(local, lang)
        rows.append(
            MilestoneRow(
                title=m.title,
                kind_label=MILESTONE_KINDS[m.milestone_kind].label(lang)
                if m.milestone_kind in MILESTONE_KINDS
                else m.milestone_kind,
                date_text=when,
                days_left=days_left,
                countdown_text=countdown_text,
                outcome_text=t["milestone_outcome"].format(outcome=m.outcome) if m.outcome else "",
            )
        )
    return tuple(rows)


def figure_rows(
    now: KeyFigures, before: KeyFigures, lang: str, tz: str
) -> tuple[tuple[FigureRow, ...], str]:
    """People who crossed by direction and by category, the flows that are not crossings, then
    people stranded, each against the day before (docs/architecture.md §4)."""

    t = bt.text(lang)
    rows = []
    for code in ("into_peru", "into_chile"):
        value, prev = now.by_direction.get(code, 0), before.by_direction.get(code, 0)
        rows.append(
            FigureRow(
                code, "direction", figure_label(code, lang), value, prev, _change(value, prev)
            )
        )
    for code in FLOW_CATEGORIES:
        # Turned back, detained and assisted are not crossings: a group of their own.
        group = "category" if code in CROSSING_CATEGORIES else "other"
        value, prev = now.by_category.get(code, 0), before.by_category.get(code, 0)
        rows.append(
            FigureRow(code, group, figure_label(code, lang), value, prev, _change(value, prev))
        )
    prev_stock = before.stranded_latest if before.stranded_at is not None else None
    rows.append(
        FigureRow(
            "stranded",
            "stock",
            CATEGORIES["stranded"].label(lang),
            now.stranded_latest,
            prev_stock,
            _change(now.stranded_latest, prev_stock),
        )
    )
    if now.stranded_at is None:
        note = t["stranded_none"]
    else:
        note = t["stranded_at"].format(
            time=bt.short_datetime(now.stranded_at.astimezone(zone(tz)), lang)
        )
    return tuple(rows), note


def _change(value: int, previous: int | None) -> str:
    return change_text(value, previous)


def site_table(store: Store, figures: KeyFigures, as_of: datetime | None, lang: str) -> SiteTable:
    """Rows: each site with counts in the period; columns: every category (flows, then stock)."""

    columns = (*FLOW_CATEGORIES, *STOCK_CATEGORIES)
    names = {s.id: s.name for s in records_as_of(store, "sites", as_of) if isinstance(s, Site)}
    rows = [
        SiteRow(site_id, names.get(site_id, site_id), tuple(by.get(c, 0) for c in columns))
        for site_id, by in figures.by_site.items()
        if any(by.values())
    ]
    rows.sort(key=lambda r: r.name)
    totals = tuple(sum(r.values[i] for r in rows) for i in range(len(columns)))
    labels = tuple(CATEGORIES[c].label(lang) for c in columns)
    return SiteTable(columns, labels, tuple(rows), totals)


def briefing_chart(
    store: Store,
    first: date,
    last: date,
    decrees: list[Decree],
    milestones: list[Milestone],
    as_of: datetime | None,
    lang: str,
    tz: str,
) -> BriefingChart:
    """The counts ``db.flows.briefing_chart`` reads for the chart, in the briefing's words."""
    t = bt.text(lang)
    counts = briefing_chart_counts(store, first, last, decrees, milestones, as_of, tz)
    marker_words = {"decree_start": t["chart_decree_start"], "decree_end": t["chart_decree_end"]}
    markers = tuple(
        BriefingChartMarker(mark.day, mark.name, "milestone", mark.kind, mark.name)
        if mark.kind == "milestone"
        else BriefingChartMarker(
            mark.day,
            marker_words[mark.kind].format(number=mark.name),
            "decree",
            mark.kind,
            mark.name,
        )
        for mark in counts.marks
    )
    place = tz.split("/")[-1].replace("_", " ")
    return BriefingChart(
        days=counts.days,
        day_labels=tuple(bt.day_month(d, lang) for d in counts.days),
        series=tuple(
            (code, figure_label(code, lang, short=True), values) for code, values in counts.flows
        ),
        others=tuple(
            (code, figure_label(code, lang, short=True), values) for code, values in counts.others
        ),
        others_label=t["chart_others"],
        stranded=counts.stranded,
        stranded_label=CATEGORIES["stranded"].label(lang),
        markers=markers,
        axis_label=t["chart_axis"],
        stock_axis_label=t["chart_axis_stock"],
        caption=t["chart_caption"].format(
            zone=place, first=bt.short_date(first, lang), last=bt.short_date(last, lang)
        ),
        illustrative=counts.illustrative,
    )


def event_rows(
    store: Store, start: datetime, end: datetime, as_of: datetime | None, lang: str, tz: str
) -> tuple[EventRow, ...]:

    local = zone(tz)
    events = records_as_of(
        store,
        "events",
        as_of,
        "occurred_at >= ? AND occurred_at < ?",
        [to_iso(start), to_iso(end)],
        "occurred_at, id",
    )
    rows = []
    for e in events:
        assert isinstance(e, Event) and e.occurred_at is not None
        when = e.occurred_at.astimezone(local)
        rows.append(
            EventRow(
                occurred_at=e.occurred_at,
                time_text=f"{bt.day_month(when.date(), lang)} {when:%H:%M}",
                kind_label=_label(EVENT_KINDS, e.event_kind, lang),
                title=e.title,
                people=e.people,
                severity=e.severity,
                severity_label=_label(SEVERITIES, e.severity, lang),
                illustrative=e.illustrative,
            )
        )
    return tuple(rows)


def _label(vocab: dict[str, Any], code: str, lang: str) -> str:
    return vocab[code].label(lang) if code in vocab else code


def sources(
    store: Store,
    start: datetime,
    end: datetime,
    as_of: datetime | None,
    decrees: list[Decree],
    milestones: list[Milestone],
    at: datetime,
    lang: str,
) -> tuple[SourceLine, ...]:
    """Who said so: the decrees and milestones shown, and who counted and reported the period."""

    t = bt.text(lang)
    lines = [
        SourceLine(t["source_decree"].format(number=d.number), d.source)
        for d in decrees
        if d.source
    ]
    lines += [
        SourceLine(t["source_milestone"].format(title=s.milestone.title), s.milestone.source)
        for s in upcoming_milestones(milestones, at)
        if s.milestone.source
    ]
    lines += [
        SourceLine(t["source_outcome"].format(title=m.title), m.outcome_source)
        for m in milestones
        if m.outcome and m.outcome_source and start < milestone_end(m)
    ]
    for table, column, key in (
        ("observations", "period_start", "source_counts"),
        ("events", "occurred_at", "source_events"),
    ):
        source, params = current_source(table, as_of)
        found = [
            r[0]
            for r in store.conn.execute(
                f"""SELECT DISTINCT source FROM {source} AS o
                    WHERE {column} >= ? AND {column} < ? AND source != '' ORDER BY source""",
                [*params, to_iso(start), to_iso(end)],
            )
        ]
        if found:
            lines.append(SourceLine(t[key], "; ".join(found)))
    return tuple(lines)
