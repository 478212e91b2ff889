"""A refused value says why with its own values, and its English comes from one table."""

from __future__ import annotations

from datetime import date

import pytest

from db import problems
from db.errors import InvalidRecord, Problem
from db.store.validation import clean_observation

COUNT = {
    "site_id": "s1",
    "category": "crossed_regular",
    "count": 120,
    "period_start": "2025-12-01T12:00:00Z",
    "period_end": "2025-12-01T13:00:00Z",
}
DS135 = dict(
    number="DS N° 135-2025-PCM", published_on="2025-11-28", starts_on="2025-11-29", days=60
)


def _refused(call, *args, **values) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as err:
        call(*args, **values)
    return err.value


def test_a_refused_count_carries_what_was_typed():
    err = _refused(clean_observation, {**COUNT, "count": "12x"})
    (problem,) = err.problems
    assert (problem.field, problem.code) == ("count", "not_integer")
    assert dict(problem.params) == {"value": "'12x'"}
    assert problem.message == "'12x' is not a whole number"
    assert str(err) == "count: '12x' is not a whole number"


def test_limits_travel_as_numbers_and_the_english_groups_them():
    (problem,) = _refused(clean_observation, {**COUNT, "count": 20_000_000}).problems
    assert dict(problem.params) == {"high": 10_000_000, "value": 20_000_000}
    assert problem.message == "must be at most 10,000,000 (got 20,000,000)"


def test_a_decree_chain_problem_names_the_other_decree_and_its_day(store):
    first = store.add_decree(**DS135)
    err = _refused(
        store.add_decree, number="DS N° 1", starts_on="2025-11-20", days=60, extends=first.id
    )
    (problem,) = err.problems
    assert problem.code == "extension_before_original"
    assert dict(problem.params) == {"number": "DS N° 135-2025-PCM", "day": date(2025, 11, 29)}
    assert err.by_field() == {
        "starts_on": "an extension starts after the decree it extends "
        "(DS N° 135-2025-PCM starts 2025-11-29)"
    }


def test_the_post_settings_problems_carry_their_bounds(store):
    from db.store.post_settings import set_post_settings

    (problem,) = _refused(set_post_settings, store, warn_days=400).problems
    assert (problem.code, dict(problem.params)) == (
        "days_out_of_range",
        {"low": 0, "high": 365, "value": 400},
    )
    assert problem.message == "must be between 0 and 365 days (got 400)"


def test_the_english_text_is_the_template_of_the_code(monkeypatch):
    monkeypatch.setitem(problems.TEMPLATES, "not_integer", "{value}: whole people only")
    err = _refused(clean_observation, {**COUNT, "count": "12x", "adults": "x"})
    assert str(err) == "count: '12x': whole people only; adults: 'x': whole people only"


def test_a_problem_is_a_value():
    one = Problem("count", "too_large", {"high": 10, "value": 12})
    same = Problem("count", "too_large", {"value": 12, "high": 10})
    assert one == same and hash(one) == hash(same) and len({one, same}) == 1
    with pytest.raises(TypeError):
        one.params["value"] = 13  # type: ignore[index]


def test_a_problem_without_the_values_its_text_names_is_refused_where_it_is_raised():
    with pytest.raises(TypeError, match="value"):
        Problem("count", "too_large", {"high": 10})


def test_every_template_is_filled_by_its_own_parameters():
    for code in problems.TEMPLATES:
        text = Problem("f", code, dict.fromkeys(problems.param_names(code), 7)).message
        assert "{" not in text and "}" not in text, code
