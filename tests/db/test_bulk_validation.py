"""The fast observation check accepts exactly what ``clean_observation`` accepts, with the same row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.errors import InvalidRecord
from db.store.bulk_validation import clean_observation_fast
from db.store.validation import clean_observation

ZONES = [UTC, ZoneInfo("America/Lima"), ZoneInfo("America/Santiago"), timezone(timedelta(hours=-3))]
BASE = datetime(2025, 11, 20, 8)

instants = st.builds(
    lambda minutes, tz: (BASE + timedelta(minutes=minutes)).replace(tzinfo=tz),
    st.integers(-600, 600),
    st.sampled_from(ZONES),
)
times = st.one_of(
    instants,
    instants,
    st.just(BASE),  # naive
    st.sampled_from(["", None, "2025-11-20T13:00:00Z", "mañana", 5]),
)
counts = st.one_of(
    st.integers(-3, 60),
    st.sampled_from([None, "", 10_000_000, 10_000_001, True, 2.0, 2.5, "12", "x"]),
)
texts = st.one_of(st.text(max_size=5), st.sampled_from([None, " a ", 7, "x" * 2001]))
values = st.fixed_dictionaries(
    {},
    optional={
        "site_id": st.sampled_from(["s1", "", " s1 ", None, 3]),
        "category": st.sampled_from(["crossed_regular", "stranded", "assisted", "", "x", None]),
        "direction": st.sampled_from(["into_peru", "none", "", "north", None]),
        "period_start": times,
        "period_end": times,
        "count": counts,
        "adults": counts,
        "children": counts,
        "unaccompanied": counts,
        "nationality": texts,
        "source": texts,
        "note": texts,
        "illustrative": st.sampled_from([True, False, 0, 1, None, "sí"]),
        "colour": st.just("red"),
    },
)


def outcome(clean, vals):
    try:
        return clean(dict(vals))
    except InvalidRecord as exc:
        return exc.problems


@pytest.mark.slow
@settings(max_examples=800, deadline=None)
@given(values)
def test_fast_and_general_checks_agree(vals):
    assert outcome(clean_observation_fast, vals) == outcome(clean_observation, vals)


@pytest.mark.parametrize(
    "vals",
    [
        {  # a typical valid flow: the fast path's own result
            "site_id": "s1",
            "category": "crossed_regular",
            "direction": "into_peru",
            "period_start": datetime(2025, 11, 20, 8, tzinfo=ZoneInfo("America/Lima")),
            "period_end": datetime(2025, 11, 20, 20, 0, 30, 999, tzinfo=ZoneInfo("America/Lima")),
            "count": 40,
            "adults": 30,
            "children": 10,
            "unaccompanied": 2,
            "source": " OIM ",
        },
        {  # a DST fold: the same wall time twice, an hour apart (Santiago, April 2026)
            "site_id": "s1",
            "category": "assisted",
            "period_start": datetime(2026, 4, 4, 23, 30, tzinfo=ZoneInfo("America/Santiago")),
            "period_end": datetime(2026, 4, 4, 23, 30, fold=1, tzinfo=ZoneInfo("America/Santiago")),
            "count": 3,
        },
    ],
)
def test_known_cases_agree(vals):
    assert clean_observation_fast(dict(vals)) == clean_observation(dict(vals))
