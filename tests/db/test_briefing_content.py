"""The briefing's content, composed in db/ with no Qt: what the commander reads, and reprints."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from db.briefing.content import compose_briefing, default_day, period_for
from db.clock import to_iso_precise
from db.geo.projection import ATTRIBUTION
from db.store.store import Store
from tests.conftest import lima

DAY = date(2025, 12, 1)


def _sum(store: Store, category: str, start: datetime, end: datetime, known: datetime) -> int:
    """The people of ``category`` whose periods ended in the window, as reported by ``known``
    (docs/architecture.md §4)."""
    return sum(
        o.count
        for o in store.observations(category=category)
        if o.period_end is not None and start < o.period_end <= end and o.entered_at <= known
    )


def test_period_is_the_24_hours_ending_at_the_cutoff():
    start, end = period_for(DAY, 7, "America/Lima")
    assert (start, end) == (lima(2025, 11, 30, 7), lima(2025, 12, 1, 7))
    start, end = period_for(DAY, 0, "America/Lima")
    assert end == lima(2025, 12, 1, 0) and end - start == timedelta(hours=24)
    with pytest.raises(ValueError):
        period_for(DAY, 24, "America/Lima")


def test_default_day_is_the_latest_period_that_has_ended():
    assert default_day(lima(2025, 12, 1, 8), "America/Lima") == DAY
    assert default_day(lima(2025, 12, 1, 6, 59), "America/Lima") == date(2025, 11, 30)


def test_demo_briefing_figures_match_the_store(demo):
    b = compose_briefing(demo, DAY, operator="Ana")
    start, end = lima(2025, 11, 30, 7), lima(2025, 12, 1, 7)
    assert (b.period_start, b.period_end) == (start, end)
    for code in ("crossed_regular", "turned_back", "assisted", "detained"):
        row = b.figure(code)
        assert row.value == _sum(demo, code, start, end, end)
        # The day before as it was known a day earlier: the same reporting lag on both sides.
        assert row.previous == _sum(demo, code, start - timedelta(days=1), start, start)
    irregular = b.figure("crossed_irregular")
    assert irregular.change == irregular.value - irregular.previous
    into_peru = sum(  # people who crossed: turned back and detained people did not
        o.count
        for o in demo.observations()
        if o.direction == "into_peru"
        and o.category in ("crossed_regular", "crossed_irregular")
        and o.period_end is not None
        and start < o.period_end <= end
        and o.entered_at <= end
    )
    assert b.figure("into_peru").value == into_peru
    # The table by site adds up to the same figures.
    col = b.sites.columns.index("turned_back")
    assert b.sites.totals[col] == b.figure("turned_back").value
    assert {r.name for r in b.sites.rows} >= {"Complejo Chacalluta", "Complejo Santa Rosa"}


def test_change_text_reads_as_the_difference_and_percent(demo):
    row = compose_briefing(demo, DAY, operator="Ana").figure("crossed_regular")
    diff = row.value - row.previous
    assert row.change_text.startswith(("+" if diff > 0 else "−") + f"{abs(diff):,}")
    assert row.change_text.endswith("%)")


def test_decree_block_in_both_languages(demo):
    es = compose_briefing(demo, DAY, operator="Ana", lang="es")
    en = compose_briefing(demo, DAY, operator="Ana", lang="en")
    (block,) = es.decrees
    assert block.number == "DS N° 135-2025-PCM"
    assert block.day_text == "Día 3 de 60" and en.decrees[0].day_text == "Day 3 of 60"
    assert block.state == "in_force" and block.state_label == "Vigente"
    assert block.remaining_text == "Quedan 57 d 17 h"
    assert block.end_text == "Vigente hasta el 27/01/2026 (inclusive)"
    # The extension was published in January 2026: unknown to a December briefing.
    assert block.chain == ("DS N° 135-2025-PCM",)
    later = compose_briefing(demo, date(2026, 2, 1), operator="Ana")
    assert later.decrees[0].chain == ("DS N° 135-2025-PCM", "DS N° 013-2026-PCM")
    assert later.decrees[0].day_text == "Día 5 de 60"
    assert later.decrees[0].chain_day_text == "Día 65 del estado de emergencia"
    assert block.chain_day_text == ""  # one decree: its day is the emergency's


def test_header_milestones_chart_and_sources(demo):
    b = compose_briefing(demo, DAY, operator="Ana", classification="RESERVADO", notes="  Ok. ")
    assert b.header.classification == "RESERVADO" and b.header.operator == "Ana"
    assert b.header.date_text == "Lunes, 1 de diciembre de 2025"
    assert b.header.subtitle.startswith("EJERCICIO")
    assert b.notes == "Ok."
    # The technical group of 9 Dec is agreed at the committee later that day: not yet known.
    assert [(m.title, m.countdown_text) for m in b.milestones[:2]] == [
        ("Comité Binacional de Cooperación Migratoria (virtual)", "Hoy"),
        ("Segunda vuelta en Chile", "D-13"),
    ]
    assert len(b.chart.days) == 14 and b.chart.days[-1] == date(2025, 11, 30)
    regular = dict((c, v) for c, _label, v in b.chart.series)["crossed_regular"]
    cutoff = lima(2025, 12, 1, 7)  # the chart is read as the post knew it at the cutoff
    assert regular[-1] == _sum(
        demo, "crossed_regular", lima(2025, 11, 30), lima(2025, 12, 1), cutoff
    )
    assert any(m.kind == "decree" and m.day == date(2025, 11, 29) for m in b.chart.markers)
    subjects = [s.subject for s in b.sources]
    assert "Decreto DS N° 135-2025-PCM" in subjects
    assert any(s.startswith("Hito: Segunda vuelta") for s in subjects)
    assert b.illustrative is True
    assert ATTRIBUTION in b.attribution
    english = compose_briefing(demo, DAY, operator="Ana", lang="en")
    assert english.figure("stranded").label == "Stranded"
    assert english.header.date_text == "Monday, 1 December 2025"


def test_events_of_the_period(demo):
    b = compose_briefing(demo, date(2025, 12, 2), operator="Ana")
    incident = [e for e in b.events if e.title.startswith("Ingreso no autorizado")]
    assert len(incident) == 1 and incident[0].people == 47
    assert incident[0].time_text == "01/12 14:55" and incident[0].severity_label == "Alta"
    assert all(b.period_start <= e.occurred_at < b.period_end for e in b.events)


# -- reprints: the figures as the store held them ------------------------------------------
def _entered(store: Store, table: str, at: datetime, supersedes: str | None = None, **values):
    row = store.prepare(table, values, supersedes=supersedes)
    row["entered_at"] = to_iso_precise(at)
    store.insert_rows(table, [row])
    return row["id"]


def _count(store: Store, site: str, category: str, count: int, at: datetime, **over) -> str:
    values = dict(
        site_id=site,
        period_start=lima(2025, 11, 30, 9),
        period_end=lima(2025, 11, 30, 10),
        direction="into_peru",
        category=category,
        count=count,
    )
    values.update(over)
    return _entered(store, "observations", at, **values)


def test_reprint_shows_the_figures_as_held_at_the_cutoff(store):
    early, before_cutoff = lima(2025, 11, 1), lima(2025, 12, 1, 6, 30)
    site = _entered(
        store,
        "sites",
        early,
        name="Santa Rosa",
        kind="crossing",
        country="PE",
        lat=-18.3,
        lon=-70.3,
    )
    kept = _count(store, site, "crossed_regular", 100, before_cutoff)
    voided_late = _count(store, site, "turned_back", 20, before_cutoff)
    fixed = _count(store, site, "detained", 3, before_cutoff)
    _count(store, site, "detained", 5, before_cutoff, supersedes=fixed)  # corrected in time
    stock = dict(direction="none", period_start=lima(2025, 12, 1, 6), period_end=None)
    _count(store, site, "stranded", 12, before_cutoff, **stock)
    _entered(
        store, "decrees", early, number="DS N° 1-2025", starts_on="2025-11-29", days=60,
        published_on="2025-11-28",
    )  # fmt: skip
    # After the cutoff (these are entered now, in real time): a late count, a correction, a
    # void, an event and a decree. None of them may change the reprint.
    store.add_observation(
        site_id=site,
        period_start=lima(2025, 11, 30, 20),
        period_end=lima(2025, 11, 30, 21),
        direction="into_peru",
        category="crossed_regular",
        count=50,
    )
    store.correct(kept, count=300)
    _count(
        store,
        site,
        "stranded",
        40,
        lima(2025, 12, 1, 9),
        **{**stock, "period_start": lima(2025, 12, 1, 6, 45)},
    )
    store.void(voided_late, reason="duplicado")
    store.add_event(kind="incident", title="Tarde", occurred_at=lima(2025, 11, 30, 22))
    store.add_decree(
        number="DS N° 2-2025", starts_on="2025-12-20", days=30, published_on="2025-11-30"
    )

    reprint = compose_briefing(store, DAY, operator="Ana")
    assert reprint.as_of_entry == lima(2025, 12, 1, 7)
    assert reprint.figure("crossed_regular").value == 100
    assert reprint.figure("turned_back").value == 20
    assert reprint.figure("detained").value == 5
    assert reprint.figure("stranded").value == 12
    assert reprint.events == ()
    assert [d.number for d in reprint.decrees] == ["DS N° 1-2025"]
    assert dict((c, v) for c, _l, v in reprint.chart.series)["crossed_regular"][-1] == 100
    assert reprint.illustrative is False
    assert "hasta el 01/12/2025 07:00" in reprint.as_of_text

    current = compose_briefing(store, DAY, operator="Ana", as_of_entry=None)
    assert current.figure("crossed_regular").value == 350
    assert current.figure("turned_back").value == 0
    assert current.figure("stranded").value == 40
    assert [e.title for e in current.events] == ["Tarde"]


def test_exercise_database_is_read_as_it_stands(demo):
    b = compose_briefing(demo, DAY, operator="Ana")
    assert b.as_of_entry is None  # the demo's rows carry the wall-clock time they were loaded
    assert b.figure("crossed_regular").value > 0


def test_empty_store_composes_a_briefing_that_says_so(store):
    b = compose_briefing(store, DAY, operator="Ana", lang="en")
    assert b.decrees == () and b.milestones == () and b.events == ()
    assert b.figure("crossed_regular").value == 0 and b.figure("stranded").previous is None
    assert b.figure("stranded").change_text == "—"
    assert b.sites.rows == () and b.illustrative is False
    assert b.header.generated_at.tzinfo is not None
    assert b.period_end.tzinfo == UTC


def test_reprint_follows_a_decree_chain_through_a_correction(store):
    early, before_cutoff = lima(2025, 11, 1), lima(2025, 11, 30, 12)
    first = _entered(
        store, "decrees", early, number="DS N° 1-2025", starts_on="2025-11-29", days=60,
        published_on="2025-11-28",
    )  # fmt: skip
    _entered(
        store, "decrees", early, number="DS N° 2-2025", starts_on="2026-01-28", days=30,
        published_on="2025-11-28", extends=first,
    )  # fmt: skip
    # The first decree's title was corrected before the cutoff: a new id, same chain.
    _entered(
        store, "decrees", before_cutoff, supersedes=first, number="DS N° 1-2025",
        title="Corregido", starts_on="2025-11-29", days=60, published_on="2025-11-28",
    )  # fmt: skip
    (block,) = compose_briefing(store, DAY, operator="Ana").decrees
    assert block.chain == ("DS N° 1-2025", "DS N° 2-2025")
    assert block.title == "Corregido" and block.day_text == "Día 3 de 60"


def test_the_figures_table_says_what_each_figure_counts(demo):
    es = compose_briefing(demo, DAY, operator="Ana", lang="es")
    en = compose_briefing(demo, DAY, operator="Ana", lang="en")
    assert es.figure("into_peru").label == "Personas que ingresaron al Perú"
    assert en.figure("into_peru").label == "People who entered Peru"
    assert es.figure("into_chile").label == "Personas que ingresaron a Chile"
    assert es.figure("turned_back").label == "Rechazados (no ingresaron)"
    assert en.figure("turned_back").label == "Turned back (did not enter)"
    groups = {f.code: f.group for f in es.figures}
    assert groups["crossed_regular"] == groups["crossed_irregular"] == "category"
    assert groups["turned_back"] == groups["detained"] == groups["assisted"] == "other"
    for row in es.figures:  # a base below 20 gets no percentage
        if row.previous is not None and row.previous < 20:
            assert "%" not in row.change_text


def test_the_printed_chart_stacks_crossings_only(demo):
    chart = compose_briefing(demo, DAY, operator="Ana", lang="es").chart
    assert [code for code, _label, _v in chart.series] == ["crossed_regular", "crossed_irregular"]
    others = {code: values for code, _label, values in chart.others}
    assert set(others) == {"turned_back", "detained", "assisted"}
    cutoff = lima(2025, 12, 1, 7)  # the chart is read as the post knew it at the cutoff
    assert others["turned_back"][-1] == _sum(
        demo, "turned_back", lima(2025, 11, 30), lima(2025, 12, 1), cutoff
    )
    assert chart.others_label == "No son cruces (se superponen):"


def _all_text(b) -> str:
    return repr(b)


def test_the_run_off_result_is_printed_only_once_reported(demo):
    # 1 Dec and the morning of the vote: the result is nowhere on the briefing.
    for day in (DAY, date(2025, 12, 14)):
        b = compose_briefing(demo, day, operator="Ana")
        assert "58.17" not in _all_text(b)
        runoff = next(m for m in b.milestones if m.title == "Segunda vuelta en Chile")
        assert runoff.outcome_text == ""
    # Reported on the evening of 14 Dec (Chile): the briefing of 15 Dec has it, with its source.
    b = compose_briefing(demo, date(2025, 12, 15), operator="Ana")
    runoff = next(m for m in b.milestones if m.title == "Segunda vuelta en Chile")
    assert runoff.countdown_text == "Concluido"
    assert runoff.outcome_text == "Resultado: Kast 58.17 %, Jara 41.83 % (Servel, preliminar)"
    assert any(
        s.subject == "Resultado: Segunda vuelta en Chile" and "Servel" in s.source
        for s in b.sources
    )
    english = compose_briefing(demo, date(2025, 12, 15), operator="Ana", lang="en")
    assert any(m.outcome_text.startswith("Outcome: Kast 58.17 %") for m in english.milestones)
