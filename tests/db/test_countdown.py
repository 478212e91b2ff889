"""Decree days and states on the demo exercise (docs/architecture.md §4), without Qt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db.clock import wall_time
from db.decrees.countdown import (
    DEFAULT_THRESHOLDS,
    Duration,
    Thresholds,
    countdown,
    load_thresholds,
    past_milestones,
    threshold_settings,
    upcoming_milestones,
    whole_days_left,
)
from db.decrees.known import known_at
from tests.conftest import lima


def _chain(demo, at, thresholds=DEFAULT_THRESHOLDS):
    """The chain as the post knew it at ``at`` (the extension only once published)."""
    (status,) = countdown(known_at(demo, at).decrees, at, thresholds)
    return status


def reported_at(monkeypatch, instant):
    """What is entered from now on is reported at ``instant`` (as on the exercise's timeline)."""
    monkeypatch.setattr("db.store.store.utc_now", lambda: instant)


def _all_known(decrees, at):
    (status,) = countdown(decrees, at)
    return status


def _extension(demo):
    return next(d for d in demo.decrees() if d.extends)


def test_day_five_of_sixty(demo):
    s = _chain(demo, lima(2025, 12, 3, 12))
    assert (s.number, s.day, s.days, s.state) == ("DS N° 135-2025-PCM", 5, 60, "in_force")
    assert s.to_json()["ends_on"] == "2026-01-27"
    assert s.to_json()["ends_at"] == "2026-01-28T05:00:00Z"
    assert s.remaining_seconds == 4_795_200
    assert s.left == Duration(55, 12, 0, 0)
    # The extension is published on 24 Jan: on 3 Dec the chain ends with the first decree.
    assert s.to_json()["chain_ends_at"] == "2026-01-28T05:00:00Z"
    assert [d.number for d in s.chain] == ["DS N° 135-2025-PCM"]
    assert (s.chain_day, s.chain_days) == (5, 60)


def test_end_shown_in_lima_and_chile_time(demo):
    s = _chain(demo, lima(2025, 12, 3, 12))
    lima_end, chile_end = s.ends_local()
    assert (lima_end.tz, lima_end.text) == ("America/Lima", "2026-01-28 00:00 (UTC−5)")
    assert (chile_end.tz, chile_end.text) == ("America/Santiago", "2026-01-28 02:00 (UTC−3)")
    assert s.to_json()["ends_local"] == {
        "America/Lima": "2026-01-28T00:00:00-05:00",
        "America/Santiago": "2026-01-28T02:00:00-03:00",
    }


def test_last_second_and_handover_to_extension(demo):
    last = lima(2026, 1, 27, 23, 59, 59)
    s = _chain(demo, last)
    # The extension was published on 24 Jan: the emergency goes on, so the last day of the
    # first link is not critical.
    assert (s.number, s.day, s.state, s.remaining_seconds) == (
        "DS N° 135-2025-PCM",
        60,
        "in_force",
        1,
    )
    assert [d.number for d in s.chain] == ["DS N° 135-2025-PCM", "DS N° 013-2026-PCM"]
    assert (s.chain_day, s.chain_days) == (60, 120)
    assert s.chain_remaining_seconds == 60 * 86_400 + 1
    s = _chain(demo, last + timedelta(seconds=1))
    assert (s.number, s.day, s.days, s.state) == ("DS N° 013-2026-PCM", 1, 60, "in_force")
    assert s.chain_day == 61
    assert s.remaining_seconds == 60 * 86_400
    assert not s.gaps and not s.lapsed


def test_warning_at_seven_days_and_critical_at_two_before_the_extension(demo):
    end = lima(2026, 1, 28)
    assert _chain(demo, end - timedelta(days=7, seconds=1)).state == "in_force"
    assert _chain(demo, end - timedelta(days=7)).state == "warning"
    assert _chain(demo, lima(2026, 1, 23, 23, 59, 59)).state == "warning"
    # Published on 24 Jan: from then the chain ends on 29 Mar and the alarm is off.
    assert _chain(demo, lima(2026, 1, 24)).state == "in_force"
    assert _chain(demo, end - timedelta(days=2)).state == "in_force"


def test_the_last_days_are_critical_while_no_extension_is_published(demo, monkeypatch):
    extension = _extension(demo)
    reported_at(monkeypatch, lima(2026, 1, 20))
    demo.correct(extension.id, published_on="2026-01-28")  # published on its first day
    end = lima(2026, 1, 28)
    assert _chain(demo, end - timedelta(days=2, seconds=1)).state == "warning"
    last = _chain(demo, end - timedelta(days=2))
    assert (last.state, last.chain_days_left, last.days_left) == ("critical", 2, 2)
    assert _chain(demo, lima(2026, 1, 27, 20)).state == "critical"
    assert _chain(demo, end).state == "in_force"


def test_chain_day_runs_across_the_links(demo):
    assert _chain(demo, lima(2026, 2, 1, 12)).to_json()["chain_day"] == 65
    s = _chain(demo, lima(2026, 4, 1))
    assert (s.state, s.chain_day, s.chain_days, s.chain_remaining_seconds) == (
        "expired",
        120,
        120,
        0,
    )
    before = _chain(demo, lima(2025, 11, 28, 18))
    assert (before.state, before.chain_day) == ("upcoming", 0)


def test_expired_after_the_chain_ends(demo):
    s = _chain(demo, lima(2026, 4, 1))
    assert (s.number, s.state, s.remaining_seconds) == ("DS N° 013-2026-PCM", "expired", 0)
    assert s.to_json()["ends_at"] == "2026-03-29T05:00:00Z"


def test_upcoming_before_the_first_day(demo):
    s = _chain(demo, lima(2025, 11, 28, 18))
    assert (s.number, s.state, s.day, s.lapsed) == ("DS N° 135-2025-PCM", "upcoming", 0, False)
    assert s.remaining_seconds == 6 * 3600  # until 29 Nov 00:00 Lima


def test_late_extension_leaves_a_two_day_gap(demo):
    demo.correct(_extension(demo).id, starts_on="2026-01-30")
    decrees = demo.decrees()  # every decree, whenever published: the gap is the point here
    in_gap = _all_known(decrees, lima(2026, 1, 29, 12))
    assert [g.days for g in in_gap.gaps] == [2]
    assert in_gap.lapsed and in_gap.state == "upcoming"
    assert in_gap.to_json()["lapsed_days"] == 2
    assert in_gap.to_json()["gaps"] == [
        {
            "after": "DS N° 135-2025-PCM",
            "before": "DS N° 013-2026-PCM",
            "starts_at": "2026-01-28T05:00:00Z",
            "ends_at": "2026-01-30T05:00:00Z",
            "days": 2,
        }
    ]
    assert in_gap.remaining_seconds == 12 * 3600  # until the extension comes into force
    # The gap is reported before and after it too, never silently joined.
    assert [g.days for g in _all_known(decrees, lima(2025, 12, 3, 12)).gaps] == [2]
    # The alarm is on the end of the links that run on: the gap stops the emergency.
    assert _all_known(decrees, lima(2026, 1, 27, 12)).state == "critical"
    later = _all_known(decrees, lima(2026, 2, 1))
    assert (later.number, later.day, later.lapsed) == ("DS N° 013-2026-PCM", 3, False)
    assert later.to_json()["chain_ends_at"] == "2026-03-31T05:00:00Z"
    assert later.chain_day == 63  # the two lapsed days are not days of the emergency


def test_chain_gains_a_link_after_it_was_shown(store):
    ds = store.add_decree(
        number="DS N° 135-2025-PCM", published_on="2025-11-28", starts_on="2025-11-29", days=60
    )
    at = lima(2026, 1, 22)
    assert countdown(store.decrees(), at)[0].to_json()["chain_ends_at"] == "2026-01-28T05:00:00Z"
    store.add_decree(number="DS N° 013-2026-PCM", starts_on="2026-01-28", days=60, extends=ds.id)
    (s,) = countdown(store.decrees(), at)
    assert s.to_json()["chain_ends_at"] == "2026-03-29T05:00:00Z"
    # The emergency now runs to 29 Mar: the alarm follows it, not the first decree's end.
    assert s.number == "DS N° 135-2025-PCM" and s.state == "in_force"


def test_correcting_the_original_keeps_its_extension_in_the_chain(demo):
    original = next(d for d in demo.decrees() if not d.extends)
    demo.correct(original.id, title="Declaran el Estado de Emergencia (texto corregido)")
    (s,) = countdown(demo.decrees(), lima(2026, 2, 1))
    assert [d.number for d in s.chain] == ["DS N° 135-2025-PCM", "DS N° 013-2026-PCM"]
    assert s.chain[0].title.endswith("(texto corregido)")


def test_several_chains_each_have_a_row(demo, monkeypatch):
    reported_at(monkeypatch, lima(2025, 12, 5, 9))
    demo.add_decree(
        number="DS N° 140-2025-PCM",
        title="Estado de emergencia en Puno",
        zone="Desaguadero (Puno)",
        published_on="2025-12-05",
        starts_on="2025-12-06",
        days=30,
    )
    rows = countdown(known_at(demo, lima(2025, 12, 10, 12)).decrees, lima(2025, 12, 10, 12))
    assert [(r.number, r.day, r.days, r.state) for r in rows] == [
        ("DS N° 140-2025-PCM", 5, 30, "in_force"),  # lapses first, so it comes first
        ("DS N° 135-2025-PCM", 12, 60, "in_force"),
    ]
    later = countdown(known_at(demo, lima(2026, 1, 22)).decrees, lima(2026, 1, 22))
    assert [(r.number, r.state) for r in later] == [
        ("DS N° 135-2025-PCM", "warning"),
        ("DS N° 140-2025-PCM", "expired"),
    ]


def test_thresholds_are_settings(demo):
    at = lima(2026, 1, 17, 12)  # 10.5 days left
    assert _chain(demo, at, load_thresholds(demo.meta)).state == "in_force"
    demo.set_meta(**threshold_settings(Thresholds(warn_days=14, critical_days=3)))
    thresholds = load_thresholds(demo.meta)
    assert thresholds == Thresholds(14, 3)
    assert _chain(demo, at, thresholds).state == "warning"
    assert _chain(demo, lima(2026, 1, 23, 12), thresholds).state == "warning"
    demo.set_meta(**threshold_settings(Thresholds(warn_days=14, critical_days=5)))
    assert _chain(demo, lima(2026, 1, 23, 12), load_thresholds(demo.meta)).state == "critical"


def test_bad_thresholds_are_refused_or_ignored(demo):
    with pytest.raises(ValueError):
        Thresholds(warn_days=2, critical_days=7)
    demo.set_meta(countdown_warn_days="siete")
    assert load_thresholds(demo.meta) == DEFAULT_THRESHOLDS


def test_duration_split():
    assert Duration.of(4_795_200) == Duration(55, 12, 0, 0)
    assert Duration.of(52 * 86_400 + 7 * 3600 + 12 * 60 + 9) == Duration(52, 7, 12, 9)
    assert Duration.of(-5) == Duration(0, 0, 0, 0)


def test_chile_clock_change_moves_chile_time_not_lima():
    change = datetime(2026, 4, 5, 3, tzinfo=UTC)  # Chile: 4 Apr 24:00 -03 → 23:00 -04
    before, after = change - timedelta(seconds=1), change
    assert wall_time(before, "America/Santiago").text == "2026-04-04 23:59 (UTC−3)"
    assert wall_time(after, "America/Santiago").text == "2026-04-04 23:00 (UTC−4)"
    assert wall_time(before, "America/Lima").text == "2026-04-04 21:59 (UTC−5)"
    assert wall_time(after, "America/Lima").text == "2026-04-04 22:00 (UTC−5)"


def test_decree_ending_after_chiles_clock_change(store):
    # Both lapse at 00:00 Lima; in Chile one lapses at 02:00 (summer), the other at 01:00.
    for number, start in (("DS A", "2026-03-05"), ("DS B", "2026-03-07")):
        store.add_decree(number=number, published_on="2026-03-01", starts_on=start, days=30)
    rows = {r.number: r for r in countdown(store.decrees(), lima(2026, 3, 20))}
    a_lima, a_chile = rows["DS A"].ends_local()
    b_lima, b_chile = rows["DS B"].ends_local()
    assert (a_lima.time_text, b_lima.time_text) == ("00:00", "00:00")
    assert (a_lima.offset, b_lima.offset) == ("UTC−5", "UTC−5")
    assert (a_chile.text, b_chile.text) == ("2026-04-04 02:00 (UTC−3)", "2026-04-06 01:00 (UTC−4)")


def test_milestones_soonest_first_with_d_minus(demo):
    ms = upcoming_milestones(demo.milestones(), lima(2025, 12, 3, 12), limit=3)
    assert [m.milestone.title for m in ms] == [
        "Grupo técnico consular y migratorio en Tacna",
        "Segunda vuelta en Chile",
        "Reunión Kast–Jerí en Lima",
    ]
    assert ms[1].days_left == 11 and ms[1].milestone.tz == "America/Santiago"
    assert ms[1].to_json()["at"] == "2025-12-14T03:00:00Z"  # 00:00 in Chile (UTC−3)
    assert ms[1].date.isoformat() == "2025-12-14"
    assert ms[0].remaining_seconds < ms[1].remaining_seconds


def test_all_day_milestone_stays_for_its_day_then_moves_to_the_past(demo):
    during = lima(2025, 12, 14, 12)
    runoff = next(
        m
        for m in upcoming_milestones(demo.milestones(), during)
        if m.milestone.title.startswith("Segunda")
    )
    assert runoff.today and runoff.days_left == 0 and runoff.remaining_seconds == 0
    after = datetime(2025, 12, 15, 3, tzinfo=UTC)  # midnight in Santiago
    titles = [m.milestone.title for m in upcoming_milestones(demo.milestones(), after)]
    assert "Segunda vuelta en Chile" not in titles
    assert past_milestones(demo.milestones(), after)[0].title == "Segunda vuelta en Chile"


def test_timed_milestone_in_chile_time(store):
    m = store.add_milestone(
        title="Cierre de mesas",
        kind="deadline",
        at=datetime(2025, 12, 14, 18, tzinfo=UTC),
        tz="America/Santiago",
    )
    (s,) = upcoming_milestones(store.milestones(), lima(2025, 12, 14, 12))
    assert s.milestone.id == m.id and not s.today
    assert s.remaining_seconds == 3600  # 13:00 Lima = 18:00 UTC
    assert wall_time(m.at, m.tz).text == "2025-12-14 15:00 (UTC−3)"


def test_days_left_are_the_whole_days_of_the_duration(demo):
    # One rounding rule: "55 days left" beside "55 d 12 h", 0 (the last day) on the last day.
    s = _chain(demo, lima(2025, 12, 3, 12))
    assert (s.days_left, s.left.days) == (55, 55)
    assert _chain(demo, lima(2026, 1, 22)).days_left == 6
    assert _chain(demo, lima(2026, 1, 22, 12)).days_left == 5
    assert _chain(demo, lima(2026, 1, 27, 23, 59, 59)).days_left == 0
    assert _chain(demo, lima(2026, 4, 1)).days_left == 0
    assert whole_days_left(3 * 86_400 + 14 * 3600) == 3


def test_extension_start_is_the_day_after_the_last_day(demo):
    from db.decrees.countdown import extension_start

    original = next(d for d in demo.decrees() if not d.extends)
    assert extension_start(original).isoformat() == "2026-01-28"
