"""What the post knew at an instant: decrees by publication day and report time, milestones by
announcement, an outcome only once reported (docs/architecture.md §4)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.briefing.content import compose_briefing
from db.clock import local_date
from db.decrees.countdown import DEFAULT_THRESHOLDS, countdown
from db.decrees.known import known_at
from db.decrees.marks import dated_marks
from db.status import status
from db.store.search import search
from tests.conftest import lima

RUN_OFF = "Segunda vuelta en Chile"


def reported_at(monkeypatch, instant):
    """What is entered from now on is reported at ``instant`` (on the exercise's timeline)."""
    monkeypatch.setattr("db.store.store.utc_now", lambda: instant)


def _numbers(known):
    return [d.number for d in known.decrees]


def test_a_decree_is_known_from_the_post_day_it_is_published(demo):
    assert _numbers(known_at(demo, lima(2026, 1, 23, 23, 59, 59))) == ["DS N° 135-2025-PCM"]
    assert _numbers(known_at(demo, lima(2026, 1, 24))) == [
        "DS N° 135-2025-PCM",
        "DS N° 013-2026-PCM",
    ]
    assert _numbers(known_at(demo, lima(2025, 11, 27, 12))) == []


def test_a_decree_entered_later_is_not_known_before_its_entry(demo, monkeypatch):
    reported_at(monkeypatch, lima(2025, 12, 10, 9))
    demo.add_decree(
        number="DS N° 140-2025-PCM", published_on="2025-12-05", starts_on="2025-12-06", days=30
    )
    assert "DS N° 140-2025-PCM" not in _numbers(known_at(demo, lima(2025, 12, 10, 8, 59)))
    assert "DS N° 140-2025-PCM" in _numbers(known_at(demo, lima(2025, 12, 10, 9)))


def test_the_run_off_result_is_known_from_the_evening_it_was_reported(demo):
    def runoff(at):
        return next(m for m in known_at(demo, at).milestones if m.title == RUN_OFF)

    before = runoff(lima(2025, 12, 14, 19, 29))  # 21:29 in Chile
    assert (before.outcome, before.outcome_source) == ("", "")
    assert "58.17" not in before.source
    after = runoff(lima(2025, 12, 14, 19, 30))  # 21:30 in Chile: reported
    assert after.outcome == "Kast 58.17 %, Jara 41.83 % (Servel, preliminar)"
    assert "Servel" in after.outcome_source
    assert "58.17" not in after.source


def test_milestones_are_known_once_announced(demo):
    titles = [m.title for m in known_at(demo, lima(2025, 12, 3, 12)).milestones]
    assert RUN_OFF in titles and "Reunión Kast–Jerí en Lima" not in titles
    titles = [m.title for m in known_at(demo, lima(2026, 1, 3, 12)).milestones]
    assert "Reunión Kast–Jerí en Lima" in titles


def test_an_outcome_entered_as_a_correction_reads_as_of_its_report(store, monkeypatch):
    reported_at(monkeypatch, lima(2025, 12, 1))
    m = store.add_milestone(
        title="Cierre de mesas", kind="deadline", at=lima(2025, 12, 14, 16), tz="America/Santiago"
    )
    reported_at(monkeypatch, lima(2025, 12, 14, 20))
    store.correct(m.id, outcome="Participación 85 %", outcome_source="Servel")
    (early,) = known_at(store, lima(2025, 12, 14, 19)).milestones
    (late,) = known_at(store, lima(2025, 12, 14, 20)).milestones
    assert (early.outcome, late.outcome, late.outcome_source) == (
        "",
        "Participación 85 %",
        "Servel",
    )
    # The outcome's words are searchable, as the milestone's own are.
    hits = search(store, "participación", kinds=["milestone"])
    assert [h.id for h in hits] == [late.id]


def test_the_picture_holds_until_the_next_thing_becomes_known(demo):
    known = known_at(demo, lima(2026, 1, 20))
    assert known.holds_at(lima(2026, 1, 23, 23, 59, 59))
    assert not known.holds_at(lima(2026, 1, 24))  # the extension's publication day
    assert not known.holds_at(lima(2026, 1, 20) - timedelta(seconds=1))  # the clock went back


def test_an_extension_that_follows_on_is_one_mark_not_two(demo):
    known = known_at(demo, lima(2026, 2, 10))
    decree_marks = [
        (m.day.isoformat(), m.kind, m.title) for m in dated_marks(known.decrees, [], "America/Lima")
    ]
    assert decree_marks == [
        ("2025-11-29", "decree_start", "DS N° 135-2025-PCM"),
        ("2026-01-28", "decree_start", "DS N° 013-2026-PCM"),
        ("2026-03-29", "decree_end", "DS N° 013-2026-PCM"),
    ]
    early = known_at(demo, lima(2025, 12, 3))
    assert [
        (m.day.isoformat(), m.kind) for m in dated_marks(early.decrees, [], "America/Lima")
    ] == [
        ("2025-11-29", "decree_start"),
        ("2026-01-28", "decree_end"),  # the extension is not published yet
    ]


# -- replay: every reader tells the same decree story at any instant ------------------------
EXERCISE_START = lima(2025, 11, 15)
EXERCISE_END = lima(2026, 4, 5)


@settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seconds=st.integers(0, int((EXERCISE_END - EXERCISE_START).total_seconds())),
)
def test_status_and_briefing_agree_on_the_chain_at_any_instant(demo, seconds):
    at = EXERCISE_START + timedelta(seconds=seconds)
    known = known_at(demo, at)
    data = status(demo, at, exercise=True)
    expected = [s.to_json() for s in countdown(known.decrees, at)]
    assert data["decrees"] == expected
    for chain in data["decrees"]:
        # The extension is in the chain only once published (24 Jan, post time).
        published = at >= lima(2026, 1, 24)
        assert ("DS N° 013-2026-PCM" in chain["chain"]) == published
        assert chain["days_left"] == chain["remaining_seconds"] // 86_400
        if chain["state"] in ("in_force", "warning", "critical"):
            assert chain["state"] == DEFAULT_THRESHOLDS.state(chain["chain_remaining_seconds"])
    # No result before it was reported, on screen's data or on paper.
    reported = at >= lima(2025, 12, 14, 19, 30)
    shown = data["milestones"] + data["past_milestones"]
    assert any("58.17" in m["outcome"] for m in shown) == reported
    assert not any("58.17" in m["source"] for m in data["milestones"])
    # The briefing of the post day of ``at``, read at its period end, says the same chain.
    b = compose_briefing(demo, local_date(at, "America/Lima"), operator="Ana")
    then = status(demo, b.period_end, exercise=True)["decrees"]
    assert [(d.chain, d.state, d.day, d.remaining_seconds) for d in b.decrees] == [
        (tuple(c["chain"]), c["state"], c["day"], c["remaining_seconds"]) for c in then
    ]
    if b.period_end < lima(2025, 12, 14, 19, 30):
        assert "58.17" not in repr(b)
