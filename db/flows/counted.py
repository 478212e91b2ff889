"""What was counted in a window [A, B), as the post knew it at an instant: the one answer the
tiles, the map's labels, ``status``, the briefing and (day by day) the chart all give.

The rule (docs/architecture.md §4): a flow counts once its period has ended, in the window by
its end (A < period_end ≤ B; a period ending exactly at midnight belongs to the day it closes);
a stock is each site's latest reading at or before B. What the post knew at ``known_at`` is the
records entered by then, with the corrections and voids entered by then (``db.store.asof``);
when nothing was entered after it (live use) that is the current picture, read as fast as ever.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from db.clock import to_iso
from db.flows.days import longest_period
from db.store.asof import current_condition, current_source, reading_as_of
from db.store.store import Store
from db.vocab import CROSSING_CATEGORIES, FLOW_CATEGORIES, STOCK_CATEGORIES


@dataclass(frozen=True)
class KeyFigures:
    """The figures of one window, as the strip, the map, ``status`` and the briefing show them.

    ``by_direction`` counts people who crossed (regular and irregular) only: turned back,
    detained and assisted people did not cross (docs/architecture.md §4); every category stays
    in ``by_category``. ``by_site`` holds each site's categories and its ``stranded``.
    """

    period_start: datetime
    period_end: datetime
    by_category: dict[str, int]
    by_direction: dict[str, int]
    stranded_latest: int
    stranded_at: datetime | None
    illustrative: bool
    by_site: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "period_start": to_iso(self.period_start),
            "period_end": to_iso(self.period_end),
            "by_category": dict(self.by_category),
            "by_direction": dict(self.by_direction),
            "stranded_latest": self.stranded_latest,
            "stranded_at": to_iso(self.stranded_at) if self.stranded_at else None,
            "illustrative": self.illustrative,
        }


def counted(
    store: Store, start: datetime, end: datetime, *, known_at: datetime | None
) -> KeyFigures:
    """The flows counted in ``[start, end)`` and the people stranded as last counted by ``end``,
    as the post knew them at ``known_at`` (None: as the store stands now).

    Nothing not yet ended, taken or entered by ``known_at`` is counted (an exercise does not
    know its future).
    """
    until = end if known_at is None else min(end, known_at)
    as_of = reading_as_of(store.conn, "observations", known_at)
    flow_marks = ",".join("?" * len(FLOW_CATEGORIES))
    source, source_params = current_source("observations", as_of)
    # A flow ending in the window started at most the longest period before it: that bound
    # keeps the read on the period_start index.
    rows = store.conn.execute(
        f"""SELECT site_id, category, direction, sum(count), max(illustrative)
            FROM {source} AS o
            WHERE period_start >= ? AND period_start < ? AND period_end > ? AND period_end <= ?
              AND category IN ({flow_marks})
            GROUP BY site_id, category, direction""",
        [
            *source_params,
            to_iso(start - longest_period(store.conn)),
            to_iso(until),
            to_iso(start),
            to_iso(until),
            *FLOW_CATEGORIES,
        ],
    ).fetchall()
    by_category: dict[str, int] = {c: 0 for c in FLOW_CATEGORIES}
    by_direction: dict[str, int] = defaultdict(int)
    by_site: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    illustrative = False
    for site, category, direction, total, illus in rows:
        by_category[category] += total
        if category in CROSSING_CATEGORIES:
            by_direction[direction] += total
        by_site[site][category] += total
        illustrative = illustrative or bool(illus)
    latest = latest_stock(store, until, as_of_entry=as_of)
    stranded = sum(r[1] for r in latest)
    stranded_at = max(
        (datetime.fromisoformat(r[2].replace("Z", "+00:00")) for r in latest), default=None
    )
    for site, count, _at, illus in latest:
        by_site[site]["stranded"] = by_site[site].get("stranded", 0) + count
        illustrative = illustrative or bool(illus)
    return KeyFigures(
        start.astimezone(UTC),
        end.astimezone(UTC),
        by_category,
        dict(by_direction),
        stranded,
        stranded_at,
        illustrative,
        {k: dict(v) for k, v in by_site.items()},
    )


def counted_before(
    store: Store, start: datetime, end: datetime, *, known_at: datetime | None
) -> KeyFigures:
    """The window just before ``[start, end)``, as the post knew it at the same point of its
    own reporting: ``known_at`` moved back by the window's length (docs/architecture.md §4).

    Counts arrive after their period ends, so the latest window always lacks the shifts not yet
    reported; against the earlier window as known now, that lag would read as a drop (a night
    shift reported at 08:30 made "into Peru" fall 37 % at 08:00 in the exercise). Compared at
    the same lag, the change is the change in flows; it is what this figure read a window ago.
    """
    length = end - start
    return counted(
        store, start - length, start, known_at=None if known_at is None else known_at - length
    )


def latest_stock(
    store: Store, at: datetime, *, as_of_entry: datetime | None = None
) -> list[tuple[str, int, str, int]]:
    """Each site's latest current stock reading at or before ``at``: (site, count, time, illus).

    One indexed look-up per site and category (walking back from ``at`` past superseded or
    voided rows) instead of a scan: stays instant with years of counts.
    """
    # The as-of condition on the table itself (not a subquery source), so the walk back runs
    # down the (site, category, period_start) index whatever instant the post knew.
    condition, condition_params = current_condition("observations", "o", as_of_entry)
    out = []
    sites = [r[0] for r in store.conn.execute("SELECT DISTINCT site_id FROM observations")]
    for site in sites:
        for category in STOCK_CATEGORIES:
            row = store.conn.execute(
                f"""SELECT site_id, count, period_start, illustrative FROM observations AS o
                   WHERE site_id = ? AND category = ? AND period_start <= ? AND {condition}
                   ORDER BY period_start DESC LIMIT 1""",
                (site, category, to_iso(at), *condition_params),
            ).fetchone()
            if row is not None:
                out.append(tuple(row))
    return out
