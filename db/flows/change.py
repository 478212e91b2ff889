"""How a figure's change against the period before is told (docs/architecture.md §4).

A percentage on a small base is noise: 1 → 4 is "+300 %" and says nothing a commander can
use. Below a base of ``MIN_PERCENT_BASE`` people only the absolute change is given. The strip,
the wall display and the briefing all ask this one function which parts to show.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_PERCENT_BASE = 20


@dataclass(frozen=True)
class Change:
    """``diff``: value minus previous; ``percent``: its share of the previous value, or None
    where the base is too small (or there is none) for a percentage to mean anything."""

    diff: int
    percent: float | None

    @property
    def direction(self) -> int:
        """1 up, -1 down, 0 unchanged."""
        return (self.diff > 0) - (self.diff < 0)


def change(value: int, previous: int | None) -> Change | None:
    """The change from ``previous`` to ``value``; None when there is no earlier figure."""
    if previous is None:
        return None
    diff = value - previous
    percent = 100.0 * diff / previous if previous >= MIN_PERCENT_BASE else None
    return Change(diff, percent)


def signed(value: int) -> str:
    """``+312``, ``−45`` (a true minus sign), ``0``; thousands grouped with a comma."""
    if value > 0:
        return f"+{value:,}"
    if value < 0:
        return f"−{-value:,}"
    return "0"


def signed_percent(value: float) -> str:
    """``+30 %``, ``−12.5 %``: one decimal only where it is not zero."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    text = f"{abs(value):.1f}".removesuffix(".0")
    return f"{sign}{text} %"


def change_text(value: int, previous: int | None) -> str:
    """``+30 (+30 %)``; ``+3`` on a base below 20; ``—`` with no earlier figure."""
    found = change(value, previous)
    if found is None:
        return "—"
    if found.percent is None:
        return signed(found.diff)
    return f"{signed(found.diff)} ({signed_percent(found.percent)})"
