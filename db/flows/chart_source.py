"""The chart's data kept up to date by reading only what changed.

Records are never rewritten: a change to the counts is always a *new row* (a count, a
correction) in ``observations`` or a new row in ``voids``, and rows are only appended, so their
``rowid`` grows. ``ChartSource`` remembers the per-day totals and the highest rowids it has
seen; on the next read it finds the days the new rows touch (their own day, and the day of the
version they correct or void) and re-reads only those. A store change that is not about counts
(an event on the map, a decree) costs two index look-ups.

The clock matters too (a flow counts once its period has ended): when it moves, the days whose
counts could have changed status are re-read, going back by the longest period on record.

At start-up the chart may read only its recent days (``recent_days``): the stranded line
carries each site's earlier reading in from the daily totals (``stock_before``), so what is on
screen is whole; the earlier days follow with ``load_history`` once the window is up
(docs/architecture.md §12: years of days are most of the chart's start on a big database).

``db.flows.chart_data.chart_data`` computes the same from scratch; tests hold the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db.clock import local_date, parse_instant
from db.flows.chart_data import (
    ChartData,
    DayTotals,
    assemble,
    data_extent,
    read_days,
    series_keys,
    site_clause,
    stock_before,
)
from db.store.asof import reading_as_of
from db.store.store import Store


@dataclass(frozen=True)
class _Stamp:
    observations: int
    voids: int
    sites: int
    tz: str


class ChartSource:
    """The chart data of one crossing (or all) and one grouping, read incrementally."""

    def __init__(self, store: Store, *, site_id: str | None = None, by: str = "category") -> None:
        series_keys(by)
        self.store = store
        self.site_id = site_id
        self.by = by
        self._totals: dict[date, DayTotals] | None = None
        self._stamp: _Stamp | None = None
        self._now: datetime | None = None
        self._site: tuple[str, list[str]] = ("", [])
        self._longest = timedelta(0)  # the longest period of any count: how far back to look
        self._read_from: date | None = None  # the earliest day read, while earlier ones wait
        self.days_read = 0  # how many days the last update re-read (for tests and benchmarks)

    @property
    def history_pending(self) -> bool:
        """Only the recent days are read so far (``data(recent_days=...)``)."""
        return self._read_from is not None

    def data(self, now: datetime, *, recent_days: int | None = None) -> ChartData:
        """What the chart shows at ``now``, re-reading only the days that may have changed;
        with ``recent_days``, a first read covers only that many days back from ``now``."""
        stamp = self._read_stamp()
        tz = stamp.tz
        first, last = data_extent(self.store, now, tz)
        before = None
        if self._read_from is not None and self._now is not None and now < self._now:
            self._totals = None  # the clock went back, towards the days not read yet: all of them
        if (
            self._now is not None
            and now != self._now
            and reading_as_of(self.store.conn, "observations", min(now, self._now))
        ):
            # Counts entered between the two clocks can be of any day: read every day again
            # (an exercise replaying its own entries; live use never comes here).
            self._totals = None
        if reading_as_of(self.store.conn, "observations", now) is not None:
            recent_days = None  # the daily totals hand on the current picture, not this one
        if self._totals is None or self._stamp is None or self._must_reload(stamp):
            self._site = site_clause(self.store, self.site_id)
            self._longest = self._longest_period()
            self._read_from, read_first = None, first
            if recent_days is not None and (last - first).days >= recent_days:
                read_from = last - timedelta(days=recent_days - 1)
                before = stock_before(self.store, read_from, tz, self._site)
                if before is not None:
                    self._read_from = read_first = read_from
            self._totals = read_days(self.store, read_first, last, now, tz, self.by, self._site)
            self.days_read = (last - read_first).days + 1
        else:
            days = self._changed_days(stamp, now, tz)
            if self._read_from is not None:  # earlier days are all read by load_history
                days = {d for d in days if d >= self._read_from}
            self.days_read = 0
            for run_first, run_last in _runs(days):
                for day in range(run_first.toordinal(), run_last.toordinal() + 1):
                    self._totals.pop(date.fromordinal(day), None)
                self._totals.update(
                    read_days(self.store, run_first, run_last, now, tz, self.by, self._site)
                )
                self.days_read += (run_last - run_first).days + 1
            if self._read_from is not None:  # read again: a change may have reached them
                before = stock_before(self.store, self._read_from, tz, self._site)
        self._stamp, self._now = stamp, now
        return assemble(self._totals, first, last, now, tz, self.by, self.site_id, before)

    def load_history(self, now: datetime) -> ChartData:
        """Read the days before the recent ones (after ``data(recent_days=...)``)."""
        if self._read_from is not None and self._totals is not None and self._stamp is not None:
            first, _last = data_extent(self.store, now, self._stamp.tz)
            until = self._read_from - timedelta(days=1)
            if first <= until:
                older = read_days(
                    self.store, first, until, now, self._stamp.tz, self.by, self._site
                )
                for day in [d for d in self._totals if d <= until]:
                    del self._totals[day]  # read again just now, with the rest
                self._totals.update(older)
            self._read_from = None
        return self.data(now)

    def _read_stamp(self) -> _Stamp:
        conn = self.store.conn
        return _Stamp(
            conn.execute("SELECT coalesce(max(rowid), 0) FROM observations").fetchone()[0],
            conn.execute("SELECT coalesce(max(rowid), 0) FROM voids").fetchone()[0],
            conn.execute("SELECT coalesce(max(rowid), 0) FROM sites").fetchone()[0],
            self.store.timezone,
        )

    def _must_reload(self, stamp: _Stamp) -> bool:
        old = self._stamp
        assert old is not None
        # A new site version changes which ids a crossing's filter names; a new zone moves
        # every day boundary; a shrinking table means another file: read everything again.
        return (
            stamp.tz != old.tz
            or (self.site_id is not None and stamp.sites != old.sites)
            or stamp.observations < old.observations
            or stamp.voids < old.voids
        )

    def _longest_period(self) -> timedelta:
        from db.flows.days import longest_period  # kept by the store: no scan

        return longest_period(self.store.conn)

    def _changed_days(self, stamp: _Stamp, now: datetime, tz: str) -> set[date]:
        old = self._stamp
        assert old is not None and self._now is not None
        conn = self.store.conn
        instants: list[str] = []
        # Each count's day is the day it is counted on (docs/architecture.md §4): a flow's
        # period end less a second, a stock reading's time (its end is its start).
        day_of = "max(period_start, strftime('%Y-%m-%dT%H:%M:%SZ', period_end, '-1 second'))"
        new_rows = conn.execute(
            f"SELECT period_start, period_end, supersedes, {day_of} FROM observations "
            "WHERE rowid > ?",
            (old.observations,),
        ).fetchall()
        corrected = []
        for start, end, supersedes, counted_at in new_rows:
            instants.append(counted_at)
            span = parse_instant(end) - parse_instant(start)
            self._longest = max(self._longest, span)
            if supersedes:
                corrected.append(supersedes)
        for i in range(0, len(corrected), 500):
            chunk = corrected[i : i + 500]
            marks = ",".join("?" * len(chunk))
            instants += [
                r[0]
                for r in conn.execute(
                    f"SELECT {day_of} FROM observations WHERE id IN ({marks})", chunk
                )
            ]
        instants += [
            r[0]
            for r in conn.execute(
                # From the new voids to their rows: an index look-up each, never a scan.
                f"SELECT {day_of} FROM observations "
                "WHERE id IN (SELECT record_id FROM voids WHERE rowid > ?)",
                (old.voids,),
            )
        ]
        days = {local_date(parse_instant(i), tz) for i in instants}
        if now != self._now:
            # Counts whose period ended (or reading was taken) between the two clocks changed
            # status: they started at most the longest period before the earlier clock.
            lo, hi = sorted((self._now, now))
            first = local_date(lo - self._longest, tz) - timedelta(days=1)
            last = local_date(hi, tz)
            days.update(first + timedelta(days=k) for k in range((last - first).days + 1))
        return days


def _runs(days: set[date]) -> list[tuple[date, date]]:
    """Consecutive days grouped into (first, last) runs, so each run is one query."""
    out: list[tuple[date, date]] = []
    for day in sorted(days):
        if out and (day - out[-1][1]).days == 1:
            out[-1] = (out[-1][0], day)
        else:
            out.append((day, day))
    return out
