"""The English wording of every problem a record can be refused for: one template per code.

A ``Problem`` (db/errors.py) names its ``code`` and carries the values its text needs
(``params``: the value typed, a limit, a decree's number). The command line and the logs read
its English ``message``, made here and nowhere else; the desktop words the same code and
parameters in the operator's language (desktop/problem_text.py), so no text is ever parsed
back into its values. A parameter is a str, int, float or date; ``value`` is always the
refused value as quoted (``'12x'``).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

Param = str | int | float | date

# Grouped by what they guard; a code never changes once released (the desktop keys on it).
TEMPLATES: dict[str, str] = {
    # any typed value
    "required": "is required",
    "bad_text": "contains characters that are not valid text",
    "control_characters": "contains control characters",
    "too_long": "is longer than {limit} characters",
    "unknown_code": "{value} is not one of: {allowed}",
    "unknown_field": "is not a field of this record",
    "not_integer": "{value} is not a whole number",
    "not_number": "{value} is not a number",
    "negative": "must be at least {low} (got {value})",
    "too_small": "must be at least {low} (got {value})",
    "too_large": "must be at most {high:,} (got {value:,})",
    "out_of_range": "must be between {low:g} and {high:g}",
    "not_flag": "{value} is not yes/no (1/0, sí/no)",
    # times and dates
    "bad_time": "{value} is not an ISO-8601 time",
    "naive_time": "{value} has no time zone (add Z or ±HH:MM)",
    "not_date": "{value} is not a date (YYYY-MM-DD)",
    "date_not_time": "must be a date, not a time",
    "unknown_zone": "{value} is not a known time zone",
    "nonexistent_time": "{value} does not exist in {zone}: the clocks skip that hour",
    "ambiguous_time": (
        "{value} happens twice in {zone} (the clocks go back): say which, {first} or {second}"
    ),
    "end_before_start": "ends before it starts",
    # counts
    "empty_period": "a flow needs a period (end after start)",
    "stock_period": "a count of people present is taken at one instant",
    "breakdown_exceeds": "adults + children ({parts}) exceed the count ({total})",
    "unaccompanied_exceeds": "unaccompanied children exceed the children",
    "unknown_site": "no current site {value}",
    # events
    "half_position": "give both latitude and longitude, or neither",
    # decrees and their chains
    "before_publication": "starts before it was published",
    "self_extension": "a decree cannot extend itself",
    "extends_own_extension": "{number} already extends this decree: a chain cannot loop",
    "duplicate_number": "{number} is already in this chain",
    "extension_before_original": (
        "an extension starts after the decree it extends ({number} starts {day})"
    ),
    "after_extension": "{number} extends this decree and starts {day}: start before it",
    "unknown_decree": "extends a decree that does not exist",
    "extends_voided": "extends a decree that was voided",
    "has_extension": "{number} extends this decree: void that first",
    # voiding, overlays, conflicts, the station, the post's settings
    "void_reason_required": "a reason is required to void a record",
    "removal_reason_required": "a reason is required to remove an overlay",
    "no_version_chosen": "choose the version to keep or give new values",
    "not_a_version": "{version} is not a version in this conflict",
    "station_name_required": "a station name is required",
    "days_out_of_range": "must be between {low} and {high} days (got {value:g})",
    "unusable_zone_setting": (
        "the post's time zone in this database ({value}) is not a time zone: using {default}"
    ),
    "unusable_clock_setting": (
        "the exercise clock in this database ({value}) is not a usable time: running on live time"
    ),
    "critical_after_warning": (
        "the red threshold ({critical:g} days) must not exceed the amber one ({warn:g} days)"
    ),
}


class Params(Mapping[str, Param]):
    """A problem's values by name: read-only and hashable, so a ``Problem`` stays a value."""

    __slots__ = ("_items",)

    def __init__(self, values: Mapping[str, Param] | Iterable[tuple[str, Param]] = ()) -> None:
        self._items: dict[str, Param] = dict(values)

    def __getitem__(self, name: str) -> Param:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"Params({self._items!r})"


def param_names(code: str) -> frozenset[str]:
    """The parameters the template of ``code`` names (none for a code with no template)."""
    template = TEMPLATES.get(code, "")
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def english(code: str, params: Mapping[str, Param]) -> str:
    """The English text of a problem: its code's template with its parameters."""
    template = TEMPLATES.get(code)
    if template is None:  # not one of ours: still say what is known
        given = ", ".join(f"{name} {value}" for name, value in params.items())
        return code.replace("_", " ") + (f" ({given})" if given else "")
    return template.format_map(params)
