"""What a refused value means, in the operator's language.

``db/`` refuses a value with a ``Problem``: a stable ``code`` and the values its text names
(db/problems.py holds the English the command line and logs print). Here each code has its text
as Qt translates it, filled in with those values, numbers written the way the language writes
them. A code this table does not know yet shows db's English, so nothing is ever lost.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from db.errors import InvalidRecord, Problem
from db.problems import Param
from desktop import i18n
from desktop.formatting import fmt_int, locale_for
from desktop.i18n import translate

# Their numbers are bounds written as typed (a year, degrees of latitude), never grouped.
_AS_TYPED = frozenset({"out_of_range"})
_SHORTEST = QLocale.FloatingPointPrecisionOption.FloatingPointShortest.value


def _templates() -> dict[str, str]:
    """code → its text in the interface's language, ``{name}`` for each of its values.
    Looked up on each call: the language can change while the program runs."""
    return {
        "required": translate("Problems", "is required"),
        "bad_text": translate("Problems", "contains characters that are not valid text"),
        "control_characters": translate("Problems", "contains control characters"),
        "too_long": translate("Problems", "is longer than {limit} characters"),
        "unknown_code": translate("Problems", "{value} is not one of: {allowed}"),
        "unknown_field": translate("Problems", "is not a field of this record"),
        "not_integer": translate("Problems", "{value} is not a whole number"),
        "not_number": translate("Problems", "{value} is not a number"),
        "negative": translate("Problems", "must be at least {low} (got {value})"),
        "too_small": translate("Problems", "must be at least {low} (got {value})"),
        "too_large": translate("Problems", "must be at most {high} (got {value})"),
        "out_of_range": translate("Problems", "must be between {low} and {high}"),
        "not_flag": translate("Problems", "{value} is not yes/no (1/0, sí/no)"),
        "bad_time": translate("Problems", "{value} is not an ISO-8601 time"),
        "naive_time": translate("Problems", "{value} has no time zone (add Z or ±HH:MM)"),
        "not_date": translate("Problems", "{value} is not a date (YYYY-MM-DD)"),
        "date_not_time": translate("Problems", "must be a date, not a time"),
        "unknown_zone": translate("Problems", "{value} is not a known time zone"),
        "unusable_zone_setting": translate(
            "Problems",
            "the post's time zone in this database ({value}) is not a time zone: using {default}",
        ),
        "unusable_clock_setting": translate(
            "Problems",
            "the exercise clock in this database ({value}) is not a usable time: running on "
            "live time",
        ),
        "nonexistent_time": translate(
            "Problems", "{value} does not exist in {zone}: the clocks skip that hour"
        ),
        "ambiguous_time": translate(
            "Problems",
            "{value} happens twice in {zone} (the clocks go back): say which, {first} or {second}",
        ),
        "end_before_start": translate("Problems", "ends before it starts"),
        "empty_period": translate("Problems", "a flow needs a period (end after start)"),
        "stock_period": translate("Problems", "a count of people present is taken at one instant"),
        "breakdown_exceeds": translate(
            "Problems", "adults + children ({parts}) exceed the count ({total})"
        ),
        "unaccompanied_exceeds": translate(
            "Problems", "unaccompanied children exceed the children"
        ),
        "unknown_site": translate("Problems", "no current site {value}"),
        "half_position": translate("Problems", "give both latitude and longitude, or neither"),
        "before_publication": translate("Problems", "starts before it was published"),
        "self_extension": translate("Problems", "a decree cannot extend itself"),
        "extends_own_extension": translate(
            "Problems", "{number} already extends this decree: a chain cannot loop"
        ),
        "duplicate_number": translate("Problems", "{number} is already in this chain"),
        "extension_before_original": translate(
            "Problems", "an extension starts after the decree it extends ({number} starts {day})"
        ),
        "after_extension": translate(
            "Problems", "{number} extends this decree and starts {day}: start before it"
        ),
        "unknown_decree": translate("Problems", "extends a decree that does not exist"),
        "extends_voided": translate("Problems", "extends a decree that was voided"),
        "has_extension": translate("Problems", "{number} extends this decree: void that first"),
        "void_reason_required": translate("Problems", "a reason is required to void a record"),
        "removal_reason_required": translate(
            "Problems", "a reason is required to remove an overlay"
        ),
        "no_version_chosen": translate("Problems", "choose the version to keep or give new values"),
        "not_a_version": translate("Problems", "{version} is not a version in this conflict"),
        "station_name_required": translate("Problems", "a station name is required"),
        "days_out_of_range": translate(
            "Problems", "must be between {low} and {high} days (got {value})"
        ),
        "critical_after_warning": translate(
            "Problems",
            "the red threshold ({critical} days) must not exceed the amber one ({warn} days)",
        ),
    }


def known_codes() -> set[str]:
    """The problem codes this module words (a test checks db/ uses no other)."""
    return set(_templates())


def _written(value: Param, lang: str, *, as_typed: bool) -> str:
    """A value as the text shows it: numbers in the language's digits and grouping."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if as_typed:
        return format(value, "g")
    if isinstance(value, int) or value.is_integer():
        return fmt_int(int(value), lang)
    return locale_for(lang).toString(value, "f", _SHORTEST)


def problem_text(problem: Problem) -> str:
    """One problem in the interface's language (db's English for a code not known here)."""
    template = _templates().get(problem.code)
    if template is None:
        return problem.message
    lang = i18n.language()
    as_typed = problem.code in _AS_TYPED
    values = {name: _written(v, lang, as_typed=as_typed) for name, v in problem.params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        # A translation naming a value the problem lacks: the English is better than nothing.
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
    if isinstance(exc, InvalidRecord) and i18n.language() != i18n.SOURCE_LANGUAGE:
        head = f"{exc.where}: " if exc.where else ""
        return head + "; ".join(f"{field_label(p.field)}: {problem_text(p)}" for p in exc.problems)
    # In English, db's own text: field names as stored, what scripts and logs already match.
    return str(exc)
