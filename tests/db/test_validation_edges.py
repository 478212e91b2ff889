"""The odd values the fuzzers found, kept as plain examples: each is refused with a reason."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from db.errors import InvalidRecord
from db.store.validation import CLEANERS

SITE = {"name": "Complejo Santa Rosa", "kind": "crossing", "lat": -18.3, "lon": -70.3}
COUNT = {
    "site_id": "s1",
    "category": "crossed_regular",
    "count": 120,
    "period_start": "2025-12-01T12:00:00Z",
    "period_end": "2025-12-01T13:00:00Z",
}
EVENT = {"kind": "incident", "title": "Corte de ruta", "occurred_at": "2025-12-01T13:00Z"}
DECREE = {"number": "DS 135-2025-PCM", "starts_on": "2025-11-29", "days": 60}
MILESTONE = {"title": "Segunda vuelta", "kind": "election", "at": "2026-06-07T13:00:00Z"}

REFUSED = [
    ("sites", {"kind": ["crossing"]}, "kind", "unknown_code"),
    ("observations", {"category": {"a": 1}}, "category", "unknown_code"),
    ("observations", {"count": Fraction(1, 3)}, "count", "not_integer"),
    ("observations", {"count": Decimal("7.9")}, "count", "not_integer"),
    ("observations", {"count": Decimal("Infinity")}, "count", "not_integer"),
    ("observations", {"count": float("nan")}, "count", "not_integer"),
    ("observations", {"count": b"12"}, "count", "not_integer"),
    ("sites", {"lat": 10**400}, "lat", "not_number"),
    ("sites", {"lat": "1e400"}, "lat", "out_of_range"),
    ("sites", {"name": "Santa Rosa \udcc3"}, "name", "bad_text"),
    ("decrees", {"extends": "\ud800"}, "extends", "bad_text"),
    ("sites", {"approximate": "maybe"}, "approximate", "not_flag"),
    ("events", {"illustrative": [1]}, "illustrative", "not_flag"),
    ("decrees", {"tz": "America"}, "tz", "unknown_zone"),
    ("decrees", {"tz": "a" * 300}, "tz", "unknown_zone"),
    ("decrees", {"tz": 5}, "tz", "unknown_zone"),
    ("events", {"occurred_at": "0001-01-01T00:00:00+05:00"}, "occurred_at", "out_of_range"),
    ("events", {"occurred_at": "0999-01-01T00:00:00Z"}, "occurred_at", "out_of_range"),
    ("milestones", {"at": "9999-12-31T23:00:00-05:00"}, "at", "out_of_range"),
    ("decrees", {"starts_on": "0001-01-01"}, "starts_on", "out_of_range"),
]
BASE = {"sites": SITE, "observations": COUNT, "events": EVENT, "decrees": DECREE}
BASE["milestones"] = MILESTONE


@pytest.mark.parametrize(("table", "change", "field", "code"), REFUSED)
def test_odd_value_is_refused_with_its_field(table, change, field, code):
    with pytest.raises(InvalidRecord) as refused:
        CLEANERS[table]({**BASE[table], **change})
    assert (field, code) in {(p.field, p.code) for p in refused.value.problems}
    assert len(str(refused.value)) < 400  # a huge value is quoted short, not in full


@pytest.mark.parametrize(
    ("given", "stored"),
    [("sí", 1), ("Si", 1), ("x", 1), ("TRUE", 1), (True, 1), (1, 1),
     ("no", 0), ("false", 0), ("0", 0), ("", 0), (None, 0), (False, 0)],
)  # fmt: skip
def test_yes_and_no_in_words_are_read_as_meant(given, stored):
    # bool("no") is True: a file that says "no" must not mark a site approximate.
    assert CLEANERS["sites"]({**SITE, "approximate": given})["approximate"] == stored


def test_whole_numbers_in_other_types_are_kept():
    row = CLEANERS["observations"]({**COUNT, "count": Decimal("120"), "adults": 100.0})
    assert row["count"] == 120 and row["adults"] == 100
