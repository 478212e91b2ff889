from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.flows.headline import headline_figures
from tests.conftest import lima


@pytest.fixture(autouse=True)
def _known_early(reported_at):
    """The counts these tests build were all reported before the instants they read."""
    reported_at(lima(2025, 1, 1))


def test_headline_on_the_demo_morning(demo):
    h = headline_figures(demo, lima(2025, 12, 1, 8))
    values = {f.code: f for f in h.figures}
    assert h.illustrative
    # The day shift of 30 Nov is in; the night shift that ended at 07:00 only once reported.
    assert values["into_peru"].value > 3000
    at = lima(2025, 12, 1, 8)
    readings = [
        o
        for o in demo.observations(category="stranded")
        if o.period_start <= at and o.entered_at <= at
    ]
    assert values["stranded"].stock
    assert values["stranded"].value == readings[-1].count  # one site: its latest reading


def test_stranded_is_the_latest_reading_not_a_sum(store):
    site = store.add_site(name="Línea", kind="gathering", lat=-18.32, lon=-70.31)
    for hour, count in ((7, 40), (13, 25), (19, 10)):
        store.add_observation(
            site_id=site.id, period_start=lima(2025, 12, 1, hour), category="stranded", count=count
        )
    h = headline_figures(store, lima(2025, 12, 1, 20))
    stranded = next(f for f in h.figures if f.code == "stranded")
    assert stranded.value == 10
    assert stranded.previous is None


def test_change_against_the_day_before(store):
    site = store.add_site(name="Santa Rosa", kind="crossing", lat=-18.32, lon=-70.31)
    store.add_observation(
        site_id=site.id,
        period_start=lima(2025, 11, 30, 7),
        period_end=lima(2025, 11, 30, 19),
        direction="into_peru",
        category="crossed_regular",
        count=100,
    )
    store.add_observation(
        site_id=site.id,
        period_start=lima(2025, 12, 1, 7),
        period_end=lima(2025, 12, 1, 19),
        direction="into_peru",
        category="crossed_regular",
        count=130,
    )
    h = headline_figures(store, lima(2025, 12, 2, 6))
    into_peru = next(f for f in h.figures if f.code == "into_peru")
    assert (into_peru.value, into_peru.previous, into_peru.change) == (130, 100, 30)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(hours=st.integers(min_value=0, max_value=24 * 40))
def test_the_change_is_against_what_the_figure_read_a_day_earlier(demo, hours):
    """Reporting lag never reads as a drop: the 24 h before are compared as known then."""
    at = lima(2025, 11, 16) + timedelta(hours=hours)
    now = {f.code: f for f in headline_figures(demo, at).figures}
    day_before = {f.code: f for f in headline_figures(demo, at - timedelta(days=1)).figures}
    for code, figure in now.items():
        if figure.stock and figure.previous is None:  # no reading yet a day earlier
            continue
        assert figure.previous == day_before[code].value, code


def test_the_demo_morning_shows_no_drop_from_a_shift_not_yet_reported(demo):
    # At 08:00 the night shift ending at 07:00 is not reported yet, here as a day ago.
    into_peru = {f.code: f for f in headline_figures(demo, lima(2025, 12, 1, 8)).figures}
    change = into_peru["into_peru"].change
    assert change is not None and abs(change) < 0.1 * into_peru["into_peru"].value
