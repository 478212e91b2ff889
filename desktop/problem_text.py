"""What a refused value means, in the operator's language.

``db/`` reports each problem with a stable ``code`` and an English ``message`` (the command
line and the logs show that). Forms show the translated text for the code instead, with the
values the English message names (a number, a limit, the text typed) carried over; a code this
module does not know yet falls back to the English message, so nothing is ever lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from db.errors import InvalidRecord, Problem
from desktop.i18n import translate

_VALUE = r"(?P<value>.+?)"


def _rules() -> dict[str, list[tuple[str | None, Callable[[], str]]]]:
    """code → [(pattern over the English message or None, translated template)], first match
    wins; templates name the pattern's groups. Built on each call: the language can change."""
    return {
        "required": [(None, lambda: translate("Problems", "is required"))],
        "too_long": [
            (
                r"longer than (?P<n>[\d,]+) characters",
                lambda: translate("Problems", "is longer than {n} characters"),
            ),
            (None, lambda: translate("Problems", "is too long")),
        ],
        "not_integer": [
            (
                _VALUE + r" is not a whole number$",
                lambda: translate("Problems", "{value} is not a whole number"),
            ),
            (None, lambda: translate("Problems", "is not a whole number")),
        ],
        "not_number": [
            (
                _VALUE + r" is not a number$",
                lambda: translate("Problems", "{value} is not a number"),
            ),
            (None, lambda: translate("Problems", "is not a number")),
        ],
        "negative": [
            (
                r"at least (?P<low>\S+) \(got (?P<value>[^)]+)\)",
                lambda: translate("Problems", "must be at least {low} (got {value})"),
            ),
            (None, lambda: translate("Problems", "cannot be negative")),
        ],
        "too_small": [
            (
                r"at least (?P<low>\S+) \(got (?P<value>[^)]+)\)",
                lambda: translate("Problems", "must be at least {low} (got {value})"),
            ),
            (None, lambda: translate("Problems", "is too small")),
        ],
        "too_large": [
            (
                r"at most (?P<high>\S+) \(got (?P<value>[^)]+)\)",
                lambda: translate("Problems", "must be at most {high} (got {value})"),
            ),
            (None, lambda: translate("Problems", "is too large")),
        ],
        "out_of_range": [
            (
                r"outside the calendar",
                lambda: translate("Problems", "is outside the calendar"),
            ),
            (
                r"between (?P<low>\S+) and (?P<high>\S+) days",
                lambda: translate("Problems", "must be between {low} and {high} days"),
            ),
            (
                r"between (?P<low>\S+) and (?P<high>[^\s(]+)",
                lambda: translate("Problems", "must be between {low} and {high}"),
            ),
            (None, lambda: translate("Problems", "is out of range")),
        ],
        "unknown_code": [
            (
                _VALUE + r" is not one of: (?P<allowed>.*)$",
                lambda: translate("Problems", "{value} is not one of: {allowed}"),
            ),
            (
                None,
                lambda: translate("Problems", "is not one of the allowed values"),
            ),
        ],
        "bad_time": [
            (
                _VALUE + r" is not an ISO-8601 time$",
                lambda: translate("Problems", "{value} is not a date and time"),
            ),
            (None, lambda: translate("Problems", "is not a date and time")),
        ],
        "naive_time": [
            (
                None,
                lambda: translate("Problems", "has no time zone (add Z or ±HH:MM)"),
            )
        ],
        "not_date": [
            (
                r"not a time$",
                lambda: translate("Problems", "must be a date, not a time"),
            ),
            (
                _VALUE + r" is not a date",
                lambda: translate("Problems", "{value} is not a date (YYYY-MM-DD)"),
            ),
            (None, lambda: translate("Problems", "is not a date")),
        ],
        "not_flag": [(None, lambda: translate("Problems", "is not yes/no (1/0, sí/no)"))],
        "bad_text": [
            (
                None,
                lambda: translate("Problems", "contains characters that are not valid text"),
            )
        ],
        "unknown_zone": [
            (
                _VALUE + r" is not a known time zone$",
                lambda: translate("Problems", "{value} is not a known time zone"),
            ),
            (None, lambda: translate("Problems", "is not a known time zone")),
        ],
        "unknown_field": [(None, lambda: translate("Problems", "is not a field of this record"))],
        "end_before_start": [(None, lambda: translate("Problems", "ends before it starts"))],
        "empty_period": [
            (
                None,
                lambda: translate("Problems", "a flow needs a period (end after start)"),
            )
        ],
        "stock_period": [
            (
                None,
                lambda: translate("Problems", "a count of people present is taken at one instant"),
            )
        ],
        "before_publication": [
            (None, lambda: translate("Problems", "starts before it was published"))
        ],
        "self_extension": [(None, lambda: translate("Problems", "a decree cannot extend itself"))],
        "duplicate_number": [
            (
                r"^(?P<number>.+) is already in this chain$",
                lambda: translate("Problems", "{number} is already in this chain"),
            ),
            (
                None,
                lambda: translate("Problems", "this number is already in the chain"),
            ),
        ],
        "unknown_site": [(None, lambda: translate("Problems", "is not a current site"))],
        "unknown_decree": [
            (
                None,
                lambda: translate("Problems", "extends a decree that does not exist"),
            )
        ],
        "extends_voided": [
            (
                None,
                lambda: translate("Problems", "extends a decree that was voided"),
            )
        ],
        "not_a_version": [
            (
                None,
                lambda: translate("Problems", "is not a version in this conflict"),
            )
        ],
        "half_position": [
            (None, lambda: translate("Problems", "give both latitude and longitude, or neither"))
        ],
        "breakdown_exceeds": [
            (
                r"\((?P<parts>\d+)\) exceed the count \((?P<total>\d+)\)",
                lambda: translate(
                    "Problems", "adults + children ({parts}) exceed the count ({total})"
                ),
            ),
            (
                r"^unaccompanied children exceed",
                lambda: translate("Problems", "unaccompanied children exceed the children"),
            ),
            (None, lambda: translate("Problems", "the parts exceed the whole")),
        ],
        "extends_own_extension": [
            (
                r"^(?P<number>.+) already extends this decree",
                lambda: translate(
                    "Problems", "{number} already extends this decree: a chain cannot loop"
                ),
            ),
            (None, lambda: translate("Problems", "a chain of decrees cannot loop")),
        ],
        "extension_before_original": [
            (
                r"\((?P<number>.+) starts (?P<day>[\d-]+)\)",
                lambda: translate(
                    "Problems",
                    "an extension starts after the decree it extends ({number} starts {day})",
                ),
            ),
            (
                None,
                lambda: translate("Problems", "an extension starts after the decree it extends"),
            ),
        ],
        "after_extension": [
            (
                r"^(?P<number>.+) extends this decree and starts (?P<day>[\d-]+)",
                lambda: translate(
                    "Problems", "{number} extends this decree and starts {day}: start before it"
                ),
            ),
            (None, lambda: translate("Problems", "an extension of this decree starts earlier")),
        ],
        "has_extension": [
            (
                r"^(?P<number>.+) extends this decree",
                lambda: translate("Problems", "{number} extends this decree: void that first"),
            ),
            (
                None,
                lambda: translate("Problems", "another decree extends this one: void that first"),
            ),
        ],
        "critical_after_warning": [
            (
                None,
                lambda: translate("Problems", "the red threshold must not exceed the amber one"),
            )
        ],
    }


def _translating() -> bool:
    # In English db's own message says more than the generic text for its code
    # ("a station name is required" against "is required"): keep it.
    return translate("Problems", "is required") != "is required"


def known_codes() -> set[str]:
    """The problem codes this module translates (a test checks db/ uses no other)."""
    return set(_rules())


def problem_text(problem: Problem) -> str:
    """The translated message for one problem (db's English one in English, or for a code
    this module does not know)."""
    if not _translating():
        return problem.message
    for pattern, template in _rules().get(problem.code, []):
        if pattern is None:
            return template()
        match = re.search(pattern, problem.message)
        if match:
            return template().format(**match.groupdict())
    return problem.message


def by_field(exc: InvalidRecord) -> dict[str, str]:
    """The first translated message for each field (``InvalidRecord.by_field``, translated)."""
    out: dict[str, str] = {}
    for p in exc.problems:
        out.setdefault(p.field, problem_text(p))
    return out


def problems_text(exc: InvalidRecord) -> str:
    """Every problem on one line (for a message that is not beside its field)."""
    return "; ".join(problem_text(p) for p in exc.problems)


def field_label(field: str) -> str:
    """A record field as the operator knows it (``site_id`` → "site"); unknown ones as named."""
    labels = {
        "name": translate("Fields", "name"),
        "kind": translate("Fields", "kind"),
        "title": translate("Fields", "title"),
        "note": translate("Fields", "note"),
        "source": translate("Fields", "source"),
        "reason": translate("Fields", "reason"),
        "site_id": translate("Fields", "site"),
        "category": translate("Fields", "category"),
        "direction": translate("Fields", "direction"),
        "count": translate("Fields", "count"),
        "period_start": translate("Fields", "start"),
        "period_end": translate("Fields", "end"),
        "at": translate("Fields", "time"),
        "occurred_at": translate("Fields", "time"),
        "lat": translate("Fields", "latitude"),
        "lon": translate("Fields", "longitude"),
        "people": translate("Fields", "people"),
        "severity": translate("Fields", "severity"),
        "country": translate("Fields", "country"),
        "number": translate("Fields", "number"),
        "authority": translate("Fields", "authority"),
        "zone": translate("Fields", "zone"),
        "published_on": translate("Fields", "published on"),
        "starts_on": translate("Fields", "starts on"),
        "days": translate("Fields", "days"),
        "extends": translate("Fields", "extends"),
        "tz": translate("Fields", "time zone"),
        "timezone": translate("Fields", "time zone"),
        "warn_days": translate("Fields", "amber warning"),
        "critical_days": translate("Fields", "red warning"),
    }
    return labels.get(field, field)


def error_text(exc: Exception) -> str:
    """An error for a message box or the command line: a refused record's problems
    translated, field by field; any other operator error as ``db/`` wrote it."""
    if isinstance(exc, InvalidRecord) and _translating():
        head = f"{exc.where}: " if exc.where else ""
        return head + "; ".join(f"{field_label(p.field)}: {problem_text(p)}" for p in exc.problems)
    return str(exc)
