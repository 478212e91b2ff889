"""How a figure's change is told: no percentage on a small base (db/flows/change.py)."""

from __future__ import annotations

from db.flows.change import MIN_PERCENT_BASE, change, change_text


def test_a_small_base_shows_the_absolute_change_only():
    assert change_text(4, 1) == "+3"
    assert change(4, 1).percent is None
    assert change_text(0, 19) == "−19"
    assert change_text(5, 0) == "+5"


def test_a_base_of_twenty_or_more_shows_the_percentage_too():
    assert change_text(130, 100) == "+30 (+30 %)"
    assert change_text(90, 120) == "−30 (−25 %)"
    assert change_text(25, MIN_PERCENT_BASE) == "+5 (+25 %)"
    assert change_text(5_782, 5_294) == "+488 (+9.2 %)"


def test_no_earlier_figure_and_no_change():
    assert change_text(7, None) == "—" and change(7, None) is None
    assert change_text(50, 50) == "0 (0 %)"
    assert change(50, 50).direction == 0 and change(4, 1).direction == 1
