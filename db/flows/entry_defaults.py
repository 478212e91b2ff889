"""What the observation form starts from: the defaults that make the next entry a few keys.

An operator types counts one after another from the same crossing and the same source, for
the same kind of period; the form therefore starts from their last entry (site, source,
category, direction, period length) and from post time now, rounded down to the hour (a count
is reported for a period that has ended).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from db.clock import parse_instant, zone
from db.store import real_times
from db.store.store import Store
from db.vocab import CATEGORIES

DEFAULT_PERIOD = timedelta(hours=1)
DEFAULT_CATEGORY = "crossed_regular"
DEFAULT_DIRECTION = "into_peru"
# Integrated control: a crossing is processed at the complex of the country entered
# (docs/architecture.md §4), so a first count into Peru starts at the Peruvian complex.
ENTERED_COUNTRY = {"into_peru": "PE", "into_chile": "CL"}


def post_hour(now: datetime, tz: str) -> datetime:
    """``now`` rounded down to the whole hour of post time (aware, in the post's zone)."""
    local = now.astimezone(zone(tz))
    return local.replace(minute=0, second=0, microsecond=0)


def is_stock(category: str) -> bool:
    """True for categories counted at an instant (people present), not over a period."""
    term = CATEGORIES.get(category)
    return bool(term and term.stock)


@dataclass(frozen=True)
class ObservationDefaults:
    site_id: str | None
    category: str
    direction: str
    source: str
    period_start: datetime  # for flows; aware, post zone
    period_end: datetime  # for flows; also the instant of a stock reading

    @property
    def at(self) -> datetime:
        return self.period_end


def observation_defaults(store: Store, operator: str, now: datetime) -> ObservationDefaults:
    """Start from ``operator``'s last observation (any station, corrected or not) and ``now``."""
    # The entry typed last, not the one of the latest report time (an exercise clock stepped
    # back gives a later entry an earlier time).
    join, typed = real_times.typed_order(store.conn, "o")
    row = store.conn.execute(
        f"""SELECT site_id, category, direction, source, period_start, period_end
            FROM observations o {join} WHERE o.entered_by = ?
            ORDER BY {typed} DESC, o.rowid DESC LIMIT 1""",
        (operator,),
    ).fetchone()
    end = post_hour(now, store.timezone)
    if row is None:
        sites = store.sites()
        crossings = [s for s in sites if s.site_kind == "crossing"] or sites
        entered = ENTERED_COUNTRY.get(DEFAULT_DIRECTION)
        site = next(
            (s for s in crossings if s.country == entered), crossings[0] if crossings else None
        )
        return ObservationDefaults(
            site.id if site else None,
            DEFAULT_CATEGORY,
            DEFAULT_DIRECTION,
            "",
            end - DEFAULT_PERIOD,
            end,
        )
    length = parse_instant(row["period_end"]) - parse_instant(row["period_start"])
    if length <= timedelta(0):
        length = DEFAULT_PERIOD
    retired = (
        store.conn.execute("SELECT 1 FROM current_sites WHERE id = ?", (row["site_id"],)).fetchone()
        is None
    )
    site_id = None if retired else row["site_id"]
    return ObservationDefaults(
        site_id, row["category"], row["direction"], row["source"], end - length, end
    )
