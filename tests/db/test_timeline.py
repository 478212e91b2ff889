"""What the countdown's timeline strip is given to draw (db/decrees/timeline.py), without Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime

from db.decrees.timeline import timeline
from tests.conftest import lima


def test_demo_timeline_spans_decrees_and_milestones(demo):
    now = lima(2025, 12, 3, 12)
    t = timeline(demo.decrees(), demo.milestones(), now, "America/Lima")
    # First milestone 16 Nov 00:00 Chile (03:00 UTC), chain end 29 Mar 00:00 Lima; four days
    # either side.
    assert t.starts_at == datetime(2025, 11, 12, 3, tzinfo=UTC)
    assert t.ends_at == lima(2026, 4, 2)
    assert t.rows == 1
    assert [(p.number, p.phase, p.state) for p in t.periods] == [
        ("DS N° 135-2025-PCM", "current", "in_force"),
        ("DS N° 013-2026-PCM", "future", "future"),
    ]
    assert t.lapses == []
    past = [m.title for m in t.marks if m.past]
    assert past == [
        "Primera vuelta en Chile",
        'Video de Kast: "103 días" a migrantes indocumentados',
        "Comité Binacional de Cooperación Migratoria (virtual)",
    ]
    assert len(t.marks) == 7
    assert [tick.day for tick in t.ticks] == [
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 4, 1),
    ]
    assert 0 < t.fraction(now) < t.fraction(t.periods[1].starts_at) < 1
    assert t.fraction(t.starts_at) == 0 and t.fraction(t.ends_at) == 1


def test_gap_and_second_chain_on_the_timeline(demo):
    ext = next(d for d in demo.decrees() if d.extends)
    demo.correct(ext.id, starts_on="2026-01-30")
    demo.add_decree(
        number="DS N° 140-2025-PCM", published_on="2025-12-05", starts_on="2025-12-06", days=30
    )
    t = timeline(demo.decrees(), demo.milestones(), lima(2026, 1, 29), "America/Lima")
    assert t.rows == 2
    assert [(lapse.row, lapse.days) for lapse in t.lapses] == [(0, 2)]
    assert {(p.row, p.number, p.phase) for p in t.periods} == {
        (0, "DS N° 135-2025-PCM", "past"),
        (0, "DS N° 013-2026-PCM", "future"),
        (1, "DS N° 140-2025-PCM", "past"),
    }


def test_now_is_always_on_the_strip(store):
    far = lima(2027, 6, 1)
    store.add_decree(number="DS 1", published_on="2025-11-28", starts_on="2025-11-29", days=60)
    t = timeline(store.decrees(), [], far, "America/Lima")
    assert 0 < t.fraction(far) < 1
    empty = timeline([], [], far, "America/Lima")
    assert empty.rows == 0 and 0 < empty.fraction(far) < 1
