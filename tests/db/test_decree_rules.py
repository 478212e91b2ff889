"""What the store refuses when a decree or milestone is entered or corrected."""

from __future__ import annotations

import pytest

from db.errors import InvalidRecord

DS135 = dict(
    number="DS N° 135-2025-PCM", published_on="2025-11-28", starts_on="2025-11-29", days=60
)


def _problems(call, *args, **values) -> dict[str, str]:
    with pytest.raises(InvalidRecord) as err:
        call(*args, **values)
    return err.value.by_field()


def _nothing_written(store, before: int) -> bool:
    return store.conn.execute("SELECT count(*) FROM decrees").fetchone()[0] == before


@pytest.mark.parametrize(
    ("over", "field", "fragment"),
    [
        ({"days": 0}, "days", "at least 1"),
        ({"days": 366}, "days", "at most 365"),
        ({"days": "sesenta"}, "days", "whole number"),
        ({"starts_on": "2025-11-27"}, "starts_on", "before it was published"),
        ({"starts_on": "29/11/2025"}, "starts_on", "YYYY-MM-DD"),
        ({"number": "  "}, "number", "required"),
    ],
)
def test_bad_decree_fields(store, over, field, fragment):
    problems = _problems(store.add_decree, **{**DS135, **over})
    assert fragment in problems[field]
    assert _nothing_written(store, 0)


def test_start_on_publication_day_is_allowed(store):
    assert store.add_decree(**{**DS135, "starts_on": "2025-11-28"}).days == 60
    assert store.add_decree(**{**DS135, "days": 365, "number": "DS X"}).days == 365


def test_no_extension_of_a_voided_decree(store):
    ds = store.add_decree(**DS135)
    store.void(ds.id, reason="entered twice")
    problems = _problems(
        store.add_decree,
        number="DS N° 013-2026-PCM",
        starts_on="2026-01-28",
        days=60,
        extends=ds.id,
    )
    assert problems == {"extends": "extends a decree that was voided"}
    assert (
        "does not exist"
        in _problems(
            store.add_decree, number="DS N° 1", starts_on="2026-01-28", days=60, extends="nope"
        )["extends"]
    )


def test_number_unique_within_its_chain_only(store):
    ds = store.add_decree(**DS135)
    ext = store.add_decree(
        number="DS N° 013-2026-PCM", starts_on="2026-01-28", days=60, extends=ds.id
    )
    problems = _problems(
        store.add_decree,
        number="DS N° 135-2025-PCM",
        starts_on="2026-03-29",
        days=60,
        extends=ext.id,
    )
    assert "already in this chain" in problems["number"]
    # Correcting the original to the number of its own extension is caught too.
    assert "number" in _problems(store.correct, ds.id, number="DS N° 013-2026-PCM")
    # Another chain (another zone's emergency) may reuse nothing of this one's rules.
    other = store.add_decree(**{**DS135, "zone": "Puno"})
    assert other.number == ds.number


def test_extending_an_earlier_version_means_its_current_one(store):
    ds = store.add_decree(**DS135)
    fixed = store.correct(ds.id, title="texto corregido")
    ext = store.add_decree(
        number="DS N° 013-2026-PCM", starts_on="2026-01-28", days=60, extends=ds.id
    )
    assert ext.extends == ds.id  # stored as entered
    assert next(d for d in store.decrees() if d.id == ext.id).extends == fixed.id  # read as now
    # The extension still blocks voiding the decree it extends, whatever version it named.
    with pytest.raises(InvalidRecord, match="extends this decree"):
        store.void(fixed.id, reason="withdrawn")


def test_chain_cannot_loop_or_run_backwards(store):
    ds = store.add_decree(**DS135)
    ext = store.add_decree(
        number="DS N° 013-2026-PCM", starts_on="2026-01-28", days=60, extends=ds.id
    )
    assert "loop" in _problems(store.correct, ds.id, extends=ext.id)["extends"]
    assert "cannot extend itself" in _problems(store.correct, ds.id, extends=ds.id)["extends"]
    early = _problems(
        store.add_decree,
        number="DS N° 2",
        published_on="2025-11-01",
        starts_on="2025-11-20",
        days=10,
        extends=ds.id,
    )
    assert "starts after the decree it extends" in early["starts_on"]
    late = _problems(store.correct, ds.id, starts_on="2026-02-01")
    assert "DS N° 013-2026-PCM extends this decree" in late["starts_on"]
    assert [d.number for d in store.decrees()] == ["DS N° 135-2025-PCM", "DS N° 013-2026-PCM"]


def test_milestone_all_day_is_anchored_at_its_local_midnight(store):
    from datetime import UTC, datetime

    m = store.add_milestone(
        title="Segunda vuelta en Chile",
        kind="election",
        at=datetime(2025, 12, 14, 15, tzinfo=UTC),
        tz="America/Santiago",
        all_day=True,
    )
    assert m.at == datetime(2025, 12, 14, 3, tzinfo=UTC)
    problems = _problems(store.add_milestone, title="", kind="party", at="mañana", tz="Mars/Base")
    assert set(problems) == {"title", "kind", "at", "tz"}
