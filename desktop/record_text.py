"""One line that says what a record is, for confirmations ("Void this?") and the history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.store.records import Decree, Event, Milestone, Observation, Record, Site
from db.vocab import CATEGORIES, DIRECTIONS
from desktop.formatting import fmt_datetime, fmt_int


def describe_observation(o: Observation, site_name: str, tz: str, lang: str) -> str:
    term = CATEGORIES.get(o.category)
    category = term.label(lang) if term else o.category
    when = fmt_datetime(o.period_start, tz, lang) if o.period_start else ""
    if o.period_end and o.period_end != o.period_start:
        when = QCoreApplication.translate("RecordDescription", "{start} to {end}").format(
            start=when, end=fmt_datetime(o.period_end, tz, lang)
        )
    direction = DIRECTIONS.get(o.direction)
    towards = "" if o.direction == "none" or direction is None else f", {direction.label(lang)}"
    return QCoreApplication.translate(
        "RecordDescription", "{count} {category}{direction} at {site}, {when}"
    ).format(
        count=fmt_int(o.count, lang),
        category=category,
        direction=towards,
        site=site_name,
        when=when,
    )


def describe_record(record: Record, site_names: dict[str, str], tz: str, lang: str) -> str:
    """A count, event, site, decree or milestone in a few words."""
    if isinstance(record, Observation):
        text = describe_observation(record, site_names.get(record.site_id, "?"), tz, lang)
        return QCoreApplication.translate("RecordDescription", "Count: {what}").format(what=text)
    if isinstance(record, Event):
        return QCoreApplication.translate("RecordDescription", "Event: {title}").format(
            title=record.title
        )
    if isinstance(record, Site):
        return QCoreApplication.translate("RecordDescription", "Site: {name}").format(
            name=record.name
        )
    if isinstance(record, Decree):
        return QCoreApplication.translate("RecordDescription", "Decree: {number}").format(
            number=record.number
        )
    if isinstance(record, Milestone):
        return QCoreApplication.translate("RecordDescription", "Milestone: {title}").format(
            title=record.title
        )
    return record.id
