"""Full-text search of the records (db/store/search.py): what an operator types, what is found."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.clock import utc_now
from db.flows.query import ObservationFilter, count_observations, observation_page
from db.store.search import matching_ids, search
from db.store.store import Store
from tests.conftest import lima


def _event(store, title, **extra):
    values = {"kind": "incident", "title": title, "occurred_at": lima(2025, 12, 1, 9)}
    return store.add_event(**{**values, **extra})


def _site(store, name, **extra):
    return store.add_site(name=name, kind="crossing", lat=-18.31, lon=-70.31, **extra)


def _count(store, site, **extra):
    values = {"site_id": site.id, "period_start": lima(2025, 12, 1, 7), "category": "stranded"}
    return store.add_observation(**{**values, "count": 12, **extra})


def _ids(hits):
    return [h.id for h in hits]


# -- accents and case ----------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["tacna", "TACNA", "tácna", "TÁCNA", "Tacna"])
def test_accents_and_case_do_not_matter(store, typed):
    accented = _event(store, "Grupo varado en Tácna")
    plain = _event(store, "Control en TACNA centro")
    site = _site(store, "Tacna")
    assert set(_ids(search(store, typed))) == {accented.id, plain.id, site.id}


def test_notes_sources_and_names_are_searched(store):
    site = _site(store, "Complejo Santa Rosa", note="Control integrado", source="MTC")
    count = _count(store, site, note="Llegó un bus de Arequipa", source="Migraciones")
    event = _event(store, "Patrulla", note="Vista cerca del hito 1", source="PNP")
    assert _ids(search(store, "arequipa")) == [count.id]
    assert _ids(search(store, "migraciones")) == [count.id]
    assert _ids(search(store, "hito")) == [event.id]
    assert _ids(search(store, "integrado")) == [site.id]
    assert _ids(search(store, "santa rosa")) == [site.id]


def test_every_word_must_match_and_the_last_may_be_unfinished(store):
    patrol = _event(store, "Patrulla mixta en la frontera")
    other = _event(store, "Patrulla en Tacna")
    assert _ids(search(store, "patrulla front")) == [patrol.id]
    assert _ids(search(store, "frontera patrulla")) == [patrol.id]
    assert set(_ids(search(store, "patru"))) == {patrol.id, other.id}
    assert search(store, "patru front") == []  # only the last word may be unfinished
    assert search(store, "patru ") == []  # a space: the word is finished


def test_a_hit_says_what_it_is(store):
    event = _event(store, "Incendio en el albergue", note="Sin heridos en el albergue")
    (hit,) = search(store, "heridos")
    assert (hit.kind, hit.id, hit.title, hit.at) == (
        "event",
        event.id,
        "Incendio en el albergue",
        lima(2025, 12, 1, 9),
    )
    assert hit.snippet == "Sin [heridos] en el albergue"


def test_a_count_is_titled_by_its_site_and_category(store):
    site = _site(store, "Línea de la Concordia")
    _count(store, site, count=1234, note="grupo familiar")
    (hit,) = search(store, "familiar", lang="es")
    assert hit.kind == "observation" and hit.title == "Línea de la Concordia — Varados: 1,234"
    assert search(store, "familiar", lang="en")[0].title.endswith("Stranded: 1,234")


def test_words_in_the_title_rank_first(store):
    in_note = _event(store, "Control vehicular", note="Camino a Palca")
    in_title = _event(store, "Corte de ruta en Palca")
    named = _site(store, "Palca")
    assert _ids(search(store, "palca")) == [named.id, in_title.id, in_note.id]


def test_limit_and_kinds(store):
    for i in range(5):
        _event(store, f"Bitácora {i}")
    site = _site(store, "Bitácora")
    assert len(search(store, "bitacora", limit=3)) == 3
    assert _ids(search(store, "bitacora", kinds=["site"])) == [site.id]
    assert search(store, "bitacora", limit=0) == []


# -- only the current picture --------------------------------------------------------------
def test_a_voided_record_is_not_found(store):
    event = _event(store, "Aviso falso de bloqueo")
    store.void(event.id, reason="duplicado")
    assert search(store, "bloqueo") == []
    assert matching_ids(store, "events", "bloqueo") == set()


def test_a_correction_is_found_once_as_its_new_version(store):
    event = _event(store, "Grupo varado en Palca", note="unas 20 personas")
    new = store.correct(event.id, title="Grupo varado en Tarata")
    assert _ids(search(store, "varado")) == [new.id]  # the word both versions hold: once
    assert _ids(search(store, "tarata")) == [new.id]
    assert search(store, "palca") == []
    assert _ids(search(store, "personas")) == [new.id]  # the unchanged note: once


def test_as_of_an_instant_finds_what_was_current_then(store):
    event = _event(store, "Grupo varado en Palca")
    before = utc_now()
    store.correct(event.id, title="Grupo varado en Tarata")
    assert _ids(search(store, "palca", at=before)) == [event.id]
    assert search(store, "tarata", at=before) == []
    assert search(store, "palca", at=before - timedelta(days=1)) == []  # not entered yet


# -- what the operator types is never syntax -----------------------------------------------
HOSTILE = [
    '"',
    '"santa',
    'santa "rosa',
    "-",
    "--tacna",
    "*",
    "tacna*",
    "NEAR",
    "NEAR(santa rosa)",
    "santa NEAR/2 rosa",
    "santa OR rosa",
    "NOT rosa",
    "AND",
    "(",
    "santa)",
    "title: rosa",
    "name:santa",
    "^santa",
    "{name title}: santa",
    "'; DROP TABLE events; --",
    "\\",
    "\x00santa",
    "santa\ud800",
    "\u200b",
    "😀 santa",
    "x" * 10_000,
    "santa " * 1_000,
    "",
    "   ",
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_fts_syntax_in_the_text_is_plain_words(store, typed):
    site = _site(store, "Complejo Santa Rosa", note="NEAR the border; OR so")
    for hits in (
        search(store, typed),
        matching_ids(store, "events", typed),
        count_observations(store, ObservationFilter(text=typed)),
        observation_page(store, ObservationFilter(text=typed)),
    ):
        assert hits is not None
    assert len(store.sites()) == 1 and store.sites()[0].id == site.id


def test_operator_words_are_searched_as_words(store):
    site = _site(store, "Complejo Santa Rosa", note="NEAR the border; OR so")
    assert _ids(search(store, "near")) == [site.id]
    assert _ids(search(store, "santa OR")) == [site.id]
    assert search(store, "santa NOT") == []  # NOT is a word, and no record holds it
    assert _ids(search(store, '"santa rosa')) == [site.id]
    assert _ids(search(store, "rosa*")) == [site.id]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(max_size=60))
def test_any_text_searches_without_error(store_with_words, typed):
    assert isinstance(search(store_with_words, typed), list)
    assert isinstance(matching_ids(store_with_words, "sites", typed), set)
    assert count_observations(store_with_words, ObservationFilter(text=typed)) >= 0


@pytest.fixture
def store_with_words(store):
    site = _site(store, "Complejo Santa Rosa", note='Con "comillas" y NEAR(a b)')
    _count(store, site, note="-- * ^ : ( )")
    _event(store, "Tacna-Arica")
    return store


# -- the index follows every way records arrive --------------------------------------------
def test_records_imported_in_bulk_are_found_and_so_are_later_ones(store):
    site = _site(store, "Santa Rosa")
    prepare = store.preparer("observations")
    rows = [
        prepare(
            {
                "site_id": site.id,
                "period_start": lima(2025, 12, 1, 7) + timedelta(hours=i),
                "category": "stranded",
                "count": i,
                "note": f"parte {i}",
            }
        )
        for i in range(600)  # more than one insert statement
    ]
    assert store.insert_rows("observations", rows) == 600
    assert len(search(store, "parte", limit=1000)) == 600
    later = _count(store, site, note="parte tardío")
    assert _ids(search(store, "tardio")) == [later.id]


def test_another_program_writing_a_record_is_found(store):
    conn = sqlite3.connect(store.path)
    conn.execute(
        "INSERT INTO events (id, entered_at, entered_by, station, kind, title, occurred_at) "
        "VALUES ('e1', '2025-12-01T10:00:00.000000Z', 'shell', 'x', 'log', 'Llamada de la "
        "comisaría', '2025-12-01T10:00:00Z')"
    )
    conn.commit()
    conn.close()
    assert _ids(search(store, "comisaria")) == ["e1"]


def test_an_older_database_gains_the_index_of_its_records(tmp_path):
    from db.store.schema import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for version, migration in enumerate(MIGRATIONS[:4], start=1):
        conn.execute("BEGIN")
        migration(conn)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO sites (id, entered_at, entered_by, station, name, kind, country, lat, lon) "
        "VALUES ('s1', '2025-12-01T10:00:00.000000Z', 'old', 'x', 'Chacalluta', 'crossing', "
        "'CL', -18.3, -70.3)"
    )
    conn.close()
    store = Store.open(path, operator="Tester")
    try:
        assert _ids(search(store, "CHACALLUTA")) == ["s1"]
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    finally:
        store.close()


def test_the_demo_copy_is_searchable(tmp_path):
    from db.demo import demo_copy

    templates = tmp_path / "templates"
    first = demo_copy(tmp_path / "a.db", templates)
    first.close()
    assert len(list(templates.glob("demo-*.db"))) == 1  # kept, and copied from now on
    copy = demo_copy(tmp_path / "b.db", templates)
    try:
        assert "Tacna" in [h.title for h in search(copy, "tacna", kinds=["site"])]
    finally:
        copy.close()


# -- the records table's filter ------------------------------------------------------------
def test_the_records_filter_keeps_counts_by_note_source_or_site(store):
    rosa = _site(store, "Complejo Santa Rosa")
    other = _site(store, "Chacalluta")
    by_site = _count(store, rosa)
    by_note = _count(store, other, note="Grupo que venía de Santa Rosa")
    _count(store, other, note="sin novedad")
    flt = ObservationFilter(text="santa rosa")
    assert count_observations(store, flt) == 2
    assert {r.observation.id for r in observation_page(store, flt)} == {by_site.id, by_note.id}


def test_the_records_filter_follows_a_renamed_site(store):
    old = _site(store, "Concordia")
    count = _count(store, old)
    store.correct(old.id, name="Línea de la Concordia")
    flt = ObservationFilter(text="linea")
    assert [r.observation.id for r in observation_page(store, flt)] == [count.id]
    assert count_observations(store, flt) == 1


def test_the_records_filter_leaves_out_voided_counts(store):
    site = _site(store, "Palca")
    voided = _count(store, site, note="duplicado del parte")
    store.void(voided.id, reason="duplicado")
    assert count_observations(store, ObservationFilter(text="duplicado")) == 0


def test_a_version_5_database_gains_milestone_outcomes_and_keeps_their_index(tmp_path):
    from db.store.schema import APPLICATION_ID, MIGRATIONS
    from db.store.search_index import create

    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for version, migration in enumerate(MIGRATIONS[:5], start=1):
        conn.execute("BEGIN")
        migration(conn)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    # As an older app left it at version 5: milestones indexed over three columns.
    conn.execute("BEGIN")
    create(conn, {"milestones": ("title", "note", "source")})
    conn.execute("COMMIT")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO milestones (id, entered_at, entered_by, station, title, kind, at, tz) "
        "VALUES ('m1', '2025-11-20T10:00:00.000000Z', 'old', 'x', 'Segunda vuelta', "
        "'election', '2025-12-14T03:00:00Z', 'America/Santiago')"
    )
    conn.close()
    store = Store.open(path, operator="Tester")
    try:
        assert _ids(search(store, "vuelta")) == ["m1"]
        corrected = store.correct("m1", outcome="Kast 58.17 %", outcome_source="Servel")
        assert _ids(search(store, "kast")) == [corrected.id]
        assert (store.milestones()[0].outcome, store.milestones()[0].outcome_source) == (
            "Kast 58.17 %",
            "Servel",
        )
    finally:
        store.close()
