"""Wall times Chile's clocks skip or show twice (daylight saving): refused, or asked for.

In 2026 America/Santiago goes from 23:59:59 on 5 September to 01:00 on the 6th (00:00–00:59
never happens) and back from 23:59:59 on 4 April to 23:00 (23:00–23:59 happens at −3, then −4).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db.clock import InstantError, local_instant, parse_local
from db.errors import ImportRefused
from db.flows.csv_import import import_observations
from tests.csv_helpers import add_sites, stored, write

SANTIAGO = "America/Santiago"
HEADER = "site,start,end,direction,category,count,source,note"


def test_a_skipped_time_is_refused_naming_the_field():
    with pytest.raises(InstantError) as caught:
        local_instant(datetime(2026, 9, 6, 0, 30), SANTIAGO, "occurred_at")
    assert str(caught.value) == (
        "occurred_at: '2026-09-06 00:30' does not exist in America/Santiago: "
        "the clocks skip that hour"
    )


def test_a_repeated_time_needs_its_offset():
    wall = datetime(2026, 4, 4, 23, 30)
    with pytest.raises(InstantError) as caught:
        local_instant(wall, SANTIAGO, "at")
    assert str(caught.value) == (
        "at: '2026-04-04 23:30' happens twice in America/Santiago (the clocks go back): "
        "say which, UTC\u22123 or UTC\u22124"
    )
    first = local_instant(wall, SANTIAGO, "at", offset=timedelta(hours=-3))
    second = local_instant(wall, SANTIAGO, "at", offset=timedelta(hours=-4))
    assert (first, second) == (
        datetime(2026, 4, 5, 2, 30, tzinfo=UTC),
        datetime(2026, 4, 5, 3, 30, tzinfo=UTC),
    )


def test_ordinary_times_and_zones_without_daylight_saving_are_read_as_typed():
    assert local_instant(datetime(2026, 4, 4, 22, 30), SANTIAGO) == datetime(
        2026, 4, 5, 1, 30, tzinfo=UTC
    )
    assert local_instant(datetime(2026, 9, 6, 1, 0), SANTIAGO) == datetime(
        2026, 9, 6, 4, tzinfo=UTC
    )
    assert local_instant(datetime(2026, 4, 4, 23, 30), "America/Lima") == datetime(
        2026, 4, 5, 4, 30, tzinfo=UTC
    )
    # With its offset written a time is never ambiguous.
    assert parse_local("2026-04-04T23:30-04:00", SANTIAGO) == datetime(
        2026, 4, 5, 3, 30, tzinfo=UTC
    )
    with pytest.raises(InstantError):
        parse_local("2026-04-04T23:30", SANTIAGO)


@pytest.fixture
def chile_post(store):
    add_sites(store)
    store.set_meta(timezone=SANTIAGO)
    return store


def _refused(store, path) -> list[str]:
    before = stored(store)
    with pytest.raises(ImportRefused) as caught:
        import_observations(store, path)
    assert stored(store) == before
    return caught.value.problems


@pytest.mark.parametrize(
    "cell", ["06/09/2026 00:30", "2026-09-06T00:30", "2026-09-06 00:30:15", "06-09-2026 00:00"]
)
def test_a_csv_time_that_does_not_exist_is_refused_at_its_line(chile_post, tmp_path, cell):
    path = write(
        tmp_path, f"{HEADER}\nTacna,05/09/2026,,,assisted,1,,\nTacna,{cell},,,stranded,4,,\n"
    )
    assert _refused(chile_post, path) == [
        f"{path}:3: start: {cell!r} does not exist in America/Santiago: the clocks skip that hour"
    ]


def test_a_csv_time_that_happens_twice_needs_an_offset(chile_post, tmp_path):
    path = write(tmp_path, f"{HEADER}\nTacna,04/04/2026 23:30,,,stranded,4,,\n")
    assert _refused(chile_post, path) == [
        f"{path}:2: start: '04/04/2026 23:30' happens twice in America/Santiago (the clocks go "
        "back): write it with its offset, 2026-04-04T23:30-03:00 or 2026-04-04T23:30-04:00"
    ]
    path = write(
        tmp_path,
        f"{HEADER}\nTacna,2026-04-04T23:30-04:00,,,stranded,4,,\n"
        "Tacna,2026-04-04T23:30-03:00,,,stranded,5,,\n"
        "Tacna,06/09/2026,,,assisted,7,,\n",  # a whole day whose midnight is skipped: fine
    )
    result = import_observations(chile_post, path)
    assert result.added == 3
    starts = sorted((o.count, o.period_start, o.period_end) for o in chile_post.observations())
    assert starts == [
        (4, datetime(2026, 4, 5, 3, 30, tzinfo=UTC), datetime(2026, 4, 5, 3, 30, tzinfo=UTC)),
        (5, datetime(2026, 4, 5, 2, 30, tzinfo=UTC), datetime(2026, 4, 5, 2, 30, tzinfo=UTC)),
        (7, datetime(2026, 9, 6, 4, tzinfo=UTC), datetime(2026, 9, 7, 3, tzinfo=UTC)),
    ]
