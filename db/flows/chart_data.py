"""What the flow chart shows: daily flows, the stranded line, the 7-day mean, as of the clock.

The chart's x axis is **post wall-clock seconds**: the local time in the post's zone read as if
it were UTC (``wall_seconds``). A day then starts at a multiple of 86,400 whatever the zone or
its daylight-saving rules, and a date axis told "UTC" labels every tick in post time on any
machine. Values are float64 (float32 would lose two minutes at 1.7e9).

Only what is known at ``now`` is in the data (an exercise does not know its future): records
entered by then, a flow once its period has ended, a stock reading once it was taken. Flows are
summed per local day of their period's end (docs/architecture.md §4: a day's bar is what
``db.flows.counted`` counts for that day); the stranded line is, for each day with a reading, the sum over sites of
each site's latest reading by the end of that day (stocks are never summed over time).

What stacks (docs/architecture.md §4): only people who crossed. The bars are the crossings,
by category (regular, irregular) or by direction (regular + irregular into Peru, into Chile);
turned back, detained and assisted overlap the crossings and each other, so they are series of
their own (``OTHER_KEYS``), never added to a stacked total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from db.clock import local_date, local_midnight, to_iso, zone
from db.store.site_lineage import site_versions
from db.store.store import Store
from db.vocab import CROSSING_CATEGORIES, DIRECTIONS, FLOW_CATEGORIES, STOCK_CATEGORIES

SECONDS_PER_DAY = 86_400
EPOCH_DAY = date(1970, 1, 1)
MEAN_WINDOW_DAYS = 7
GROUPINGS = ("category", "direction")
# The flows that are not crossings: each its own series, whatever the grouping.
OTHER_KEYS = tuple(c for c in FLOW_CATEGORIES if c not in CROSSING_CATEGORIES)


def day_seconds(day: date) -> float:
    """Wall-clock seconds at which ``day`` begins (post time read as UTC)."""
    return float((day - EPOCH_DAY).days * SECONDS_PER_DAY)


def day_at(x: float) -> date:
    """The post-local day that wall-clock second ``x`` falls in."""
    return EPOCH_DAY + timedelta(days=int(np.floor(x / SECONDS_PER_DAY)))


def wall_seconds(instant: datetime, tz: str) -> float:
    """``instant`` as post wall-clock seconds (its local time in ``tz``, read as UTC)."""
    local = instant.astimezone(zone(tz))
    naive = local.replace(tzinfo=UTC)
    return (naive - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()


def series_keys(by: str) -> tuple[str, ...]:
    """The stacked keys (crossings only) of a grouping, in the order the chart stacks them."""
    if by == "category":
        return CROSSING_CATEGORIES
    if by == "direction":
        return tuple(DIRECTIONS)
    raise ValueError(f"by must be one of {GROUPINGS}")


def key_sql(by: str) -> str:
    """The SQL expression that names a flow's series: its category, or, grouped by direction,
    the direction of a crossing and the category of anything else (a person turned back
    "into Peru" did not enter Peru). A constant of this module, never outside text."""
    series_keys(by)
    if by == "category":
        return "category"
    crossing = ",".join(f"'{c}'" for c in CROSSING_CATEGORIES)
    return f"(CASE WHEN category IN ({crossing}) THEN direction ELSE category END)"


@dataclass(frozen=True)
class ChartData:
    """One value per post-local day from ``days[0]`` to the day of ``now``.

    ``flows[key][i]`` is the flow of day ``days[i]``, for the stacked keys (``keys``) and
    for ``OTHER_KEYS``; ``stranded[i]`` is NaN on days without a reading. ``complete[i]`` is
    False for the day still running at ``now``.
    """

    days: list[date]
    x: np.ndarray  # float64 wall-clock seconds at each day's start
    by: str
    flows: dict[str, np.ndarray]  # int64 per key, every stacked and other key present
    stranded: np.ndarray  # float64, NaN where the day had no reading
    complete: np.ndarray  # bool
    illustrative: bool
    now: datetime
    tz: str
    site_id: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return series_keys(self.by)

    @property
    def other_keys(self) -> tuple[str, ...]:
        """The flows drawn apart from the stacked crossings."""
        return OTHER_KEYS

    @property
    def now_x(self) -> float:
        return wall_seconds(self.now, self.tz)

    def total(self, keys: tuple[str, ...] | list[str] | None = None) -> np.ndarray:
        """Daily sum of the flows of ``keys`` (the stacked crossings by default)."""
        keys = self.keys if keys is None else keys
        out = np.zeros(len(self.days), dtype=np.int64)
        for key in keys:
            out += self.flows[key]
        return out

    def stacked(
        self, keys: tuple[str, ...] | list[str]
    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """For stacked bars: each key's (bottom, height) per day, in the order of ``keys``."""
        bottom = np.zeros(len(self.days), dtype=np.float64)
        out = {}
        for key in keys:
            height = self.flows[key].astype(np.float64)
            out[key] = (bottom.copy(), height)
            bottom += height
        return out

    def mean(self, keys: tuple[str, ...] | list[str] | None = None) -> np.ndarray:
        """Trailing 7-day mean of ``total(keys)``, NaN until a window of complete days exists.

        The day still running is left out (NaN): half a day would drag the mean down.
        """
        totals = self.total(keys).astype(np.float64)
        out = np.full(len(totals), np.nan)
        if len(totals) >= MEAN_WINDOW_DAYS:
            sums = np.convolve(totals, np.ones(MEAN_WINDOW_DAYS), mode="valid")
            out[MEAN_WINDOW_DAYS - 1 :] = sums / MEAN_WINDOW_DAYS
        out[~self.complete] = np.nan
        return out

    def index_of(self, day: date) -> int | None:
        i = (day - self.days[0]).days
        return i if 0 <= i < len(self.days) else None

    def extent(self) -> tuple[date, date]:
        return self.days[0], self.days[-1]


def data_extent(store: Store, now: datetime, tz: str) -> tuple[date, date]:
    """First day with a count (up to ``now``) and the day of ``now``, in post-local days."""
    from db.store.asof import current_source, reading_as_of

    # As the post knew it at ``now`` (docs/architecture.md §4): a count entered later does not
    # move the first day.
    source, params = current_source("observations", reading_as_of(store.conn, "observations", now))
    row = store.conn.execute(
        f"SELECT min(period_start) FROM {source} AS o WHERE period_start <= ?",
        (*params, to_iso(now)),
    ).fetchone()
    today = local_date(now, tz)
    if not row or row[0] is None:
        return today, today
    first = local_date(datetime.fromisoformat(row[0].replace("Z", "+00:00")), tz)
    return min(first, today), today


@dataclass
class DayTotals:
    """What one post-local day holds as of the clock: flow sums per key and each site's last
    stock reading of the day (``(site_id, category) -> count``)."""

    flows: dict[str, int] = field(default_factory=dict)
    stocks: dict[tuple[str, str], int] = field(default_factory=dict)
    illustrative: bool = False


def chart_data(
    store: Store,
    now: datetime,
    *,
    site_id: str | None = None,
    by: str = "category",
    tz: str | None = None,
) -> ChartData:
    """Everything the chart draws, from the first count to the day of ``now``."""
    series_keys(by)
    tz = tz or store.timezone
    first, last = data_extent(store, now, tz)
    totals = read_days(store, first, last, now, tz, by, site_clause(store, site_id))
    return assemble(totals, first, last, now, tz, by, site_id)


def site_clause(store: Store, site_id: str | None) -> tuple[str, list[str]]:
    """SQL (and its values) keeping the counts of one site, whichever version they name."""
    if not site_id:
        return "", []
    versions = site_versions(store, site_id)  # counts entered before a site was corrected too
    return f"AND site_id IN ({','.join('?' * len(versions))})", versions


def read_days(
    store: Store,
    first: date,
    last: date,
    now: datetime,
    tz: str,
    by: str,
    site: tuple[str, list[str]],
) -> dict[date, DayTotals]:
    """The totals of the days ``first`` to ``last`` (inclusive) that hold any count, as the
    post knew them at ``now``: the one daily model (``db.flows.totals``), which reads the daily
    totals the store keeps where they serve (years of counts are a few thousand rows) and the
    records as of ``now`` where anything was entered after it."""
    from db.flows.totals import daily_flows, daily_stock  # not needed at start-up

    site_ids = site[1] if site[0] else None
    flows = daily_flows(
        store.conn,
        first,
        last,
        by=key_sql(by),
        tz=tz,
        site_ids=site_ids,
        ended_by=now,
        known_at=now,
    )
    stock = daily_stock(
        store.conn, first, last, tz=tz, site_ids=site_ids, taken_by=now, known_at=now
    )
    out: dict[date, DayTotals] = {}
    for key, by_day in flows.by_key.items():
        for day, total in by_day.items():
            out.setdefault(day, DayTotals()).flows[key] = total
    for day, readings in stock.readings.items():
        out.setdefault(day, DayTotals()).stocks.update(readings)
    for day in flows.illustrative_days | stock.illustrative_days:
        out[day].illustrative = True
    return out


def stock_before(
    store: Store, day: date, tz: str, site: tuple[str, list[str]]
) -> tuple[dict[tuple[str, str], int], bool] | None:
    """What the days before ``day`` hand on to a chart that reads only from ``day``: each
    site's latest stock reading (what the stranded line carries in), and whether any count
    before it is illustrative. From the daily totals, by index. None where the totals do not
    serve ``tz`` (read every day instead)."""
    from db.flows import days as observation_days

    conn = store.conn
    if not observation_days.serves(conn, tz):
        return None
    before = day.isoformat()
    if site[0]:
        ids = site[1]
        marks = ",".join("?" * len(ids))
        illustrative = conn.execute(
            f"SELECT max(illustrative) FROM observation_days WHERE site_id IN ({marks}) "
            "AND day < ?",
            [*ids, before],
        ).fetchone()[0]
    else:
        # Every site that has a count, the orphans a damaged file may hold included, one
        # index seek each (a skip-scan of observation_days_site).
        ids = [
            r[0]
            for r in conn.execute(
                """WITH RECURSIVE s(id) AS (
                       SELECT min(site_id) FROM observation_days
                       UNION ALL
                       SELECT (SELECT min(site_id) FROM observation_days WHERE site_id > s.id)
                       FROM s WHERE s.id IS NOT NULL)
                   SELECT id FROM s WHERE id IS NOT NULL"""
            )
        ]
        illustrative = conn.execute(
            "SELECT max(illustrative) FROM observation_days_all WHERE day < ?", (before,)
        ).fetchone()[0]
    carried: dict[tuple[str, str], int] = {}
    for site_id in ids:
        for category in STOCK_CATEGORIES:
            row = conn.execute(
                """SELECT latest_count FROM observation_days
                   WHERE site_id = ? AND category = ? AND day < ?
                   ORDER BY day DESC, latest_start DESC, latest_rowid DESC LIMIT 1""",
                (site_id, category, before),
            ).fetchone()
            if row is not None:
                carried[(site_id, category)] = row[0]
    return carried, bool(illustrative)


def assemble(
    totals: dict[date, DayTotals],
    first: date,
    last: date,
    now: datetime,
    tz: str,
    by: str,
    site_id: str | None,
    before: tuple[dict[tuple[str, str], int], bool] | None = None,
) -> ChartData:
    """The chart's arrays for days ``first`` to ``last`` from per-day totals; ``before``:
    what the days before the earliest in ``totals`` hand on when they are not read (see
    ``stock_before``)."""
    keys = (*series_keys(by), *OTHER_KEYS)
    n = (last - first).days + 1
    days = [first + timedelta(days=i) for i in range(n)]
    x = day_seconds(first) + SECONDS_PER_DAY * np.arange(n, dtype=np.float64)
    flows = {key: np.zeros(n, dtype=np.int64) for key in keys}
    stranded = np.full(n, np.nan)
    carried = dict(before[0]) if before else {}
    illustrative = bool(before and before[1])
    for day in sorted(totals):
        entry = totals[day]
        if entry.stocks:
            # A site that did not report that day still has its people: carry its last
            # reading, as the key figures do, so "all crossings" is never a sum of whoever
            # happened to call that day.
            carried.update(entry.stocks)
        i = (day - first).days
        if not 0 <= i < n:
            continue
        illustrative = illustrative or entry.illustrative
        for key, total in entry.flows.items():
            if key in flows:
                flows[key][i] = total
        if entry.stocks:
            stranded[i] = sum(carried.values())
    # A day is complete once its end (the next local midnight) has passed; only the last one
    # or two days can still be running, so only those need the zone's rules.
    complete = np.ones(n, dtype=bool)
    for i in range(max(0, n - 3), n):
        complete[i] = local_midnight(days[i] + timedelta(days=1), tz) <= now
    return ChartData(days, x, by, flows, stranded, complete, illustrative, now, tz, site_id)
