"""Field sync between stations: idempotent, order-free, attributed, incremental."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from db.errors import SituationRoomError
from db.resources import read_json
from db.scenario import SCENARIO_FILE, SCENARIO_OPERATOR, load_scenario
from db.store.store import Store
from db.sync.bundle import SYNC_TABLES
from db.sync.bundle_reader import read_bundle
from db.sync.conflicts import conflicts
from db.sync.exchange import export_bundle, import_bundle
from db.sync.log import station_names, sync_history
from tests.conftest import lima
from tests.sync_helpers import add_field_work, copy_db, picture, snapshot, station_from

NAMES = ("A", "B", "C")


@pytest.fixture(scope="module")
def exercise(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped exercise cut to its first days (every public fact, ~100 counts), so that
    exchanging it in every order stays quick; its ids are the demo's stable ids."""
    data = read_json(*SCENARIO_FILE)
    data["illustrative"].update(last_day="2025-11-20", events=5)
    path = tmp_path_factory.mktemp("exercise") / "exercise.db"
    store = Store.open(path, operator="setup")
    load_scenario(store, data)
    store.close()
    return path


def _counts(path: Path) -> dict[str, int]:
    store = Store.open(path)
    try:
        return store.counts()
    finally:
        store.close()


@pytest.fixture(scope="module")
def field(exercise: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Three stations loaded from the same exercise, each with its own work, and their bundles.

    A and B both correct the same scenario count (a conflict); A voids a scenario event; C
    corrects another count; each adds a site, counts (one at a scenario site), an event and a
    milestone.
    """
    folder = tmp_path_factory.mktemp("field")
    stations = {
        n: station_from(exercise, folder / f"{n}.db", f"Puesto {n}", f"op{n}") for n in NAMES
    }
    a, b, c = stations.values()
    chacalluta = a.site_by_name("Complejo Fronterizo Chacalluta") or a.sites()[0]
    for name, store in stations.items():
        add_field_work(store, name, demo_site=chacalluta.id)
    shared = a.observations()[3]
    a.correct(shared.id, count=111)
    b.correct(shared.id, count=222, note="recontado")
    a.void(a.events()[0].id, "duplicado")
    c.correct(c.observations()[40].id, count=7)
    paths = {}
    for name, store in stations.items():
        # The copy is taken before the export, so tests start from stations that sent nothing.
        paths[name] = copy_db(folder / f"{name}.db", folder / f"{name}-unsent.db")
        export_bundle(store, folder / f"{name}.zip", since="all")
        store.close()
    return {
        "dbs": paths,
        "bundles": {n: folder / f"{n}.zip" for n in NAMES},
        "shared": shared.id,
        "scenario_counts": _counts(exercise),
    }


@pytest.fixture
def fresh(field, tmp_path):
    """Makes fresh copies of the three unsent stations; closes them after the test."""
    opened: list[Store] = []

    def make(tag: str) -> dict[str, Store]:
        stations = {
            n: Store.open(copy_db(field["dbs"][n], tmp_path / f"{tag}{n}.db"), operator=f"op{n}")
            for n in NAMES
        }
        opened.extend(stations.values())
        return stations

    yield make
    for store in opened:
        store.close()


def test_every_import_order_ends_in_the_same_picture(field, fresh, tmp_path):
    pictures = []
    for k, order in enumerate(itertools.permutations(NAMES)):
        stations = fresh(f"p{k}")
        for store in stations.values():
            for name in order:  # its own bundle too: nothing doubles
                import_bundle(store, field["bundles"][name])
        pictures.extend(picture(s) for s in stations.values())
    assert len(pictures) == 18
    assert all(p == pictures[0] for p in pictures)
    first = pictures[0]
    scenario = field["scenario_counts"]
    # Nothing doubled: the scenario's counts + 3 typed per station + the corrections of A, B
    # and C; the conflict is kept (both corrections of the shared count are current).
    assert len(first["ids_observations"]) == scenario["observations"] + 9 + 3
    assert len(first["ids_sites"]) == scenario["sites"] + 3
    assert len(first["current_observations"]) == scenario["observations"] + 9 + 1
    assert len(first["voids"]) == 1


def test_relay_with_since_last_reaches_the_same_picture(field, fresh, tmp_path):
    reference = None
    for k, (x, y, z) in enumerate(itertools.permutations(NAMES)):
        s = fresh(f"r{k}")
        for src, dst in ((x, y), (y, z), (z, x), (x, y)):  # around the ring and on once more
            bundle = tmp_path / f"r{k}-{src}{dst}.zip"
            export_bundle(s[src], bundle)  # since LAST
            import_bundle(s[dst], bundle)
        pics = [picture(st) for st in s.values()]
        assert pics[0] == pics[1] == pics[2]
        reference = reference or pics[0]
        assert pics[0] == reference


def test_same_bundle_twice_changes_nothing_and_says_so(field, fresh, tmp_path):
    stations = fresh("t")
    b = stations["B"]
    first = import_bundle(b, field["bundles"]["A"])
    assert first.previous is None
    assert first.added["observations"] == 3 + 1 and first.added["sites"] == 1
    assert first.added["voids"] == 1
    before = snapshot(b)
    again = import_bundle(b, field["bundles"]["A"])
    assert snapshot(b) == before
    assert again.previous is not None and again.previous.operator == "opB"
    assert again.total_added == 0 and again.total_present == first.total_added + first.total_present
    # the conflict on the shared count is reported both times
    assert [c.record_id for c in again.conflicts] == [field["shared"]]


def test_imported_rows_keep_their_attribution_and_the_import_is_logged(field, fresh, tmp_path):
    stations = fresh("att")
    a, b = stations["A"], stations["B"]
    import_bundle(b, field["bundles"]["A"])
    typed_at_a = a.conn.execute("SELECT * FROM sites WHERE entered_by = 'opA'").fetchone()
    same_at_b = b.conn.execute("SELECT * FROM sites WHERE id = ?", (typed_at_a["id"],)).fetchone()
    assert dict(same_at_b) == dict(typed_at_a)
    assert same_at_b["station"] == a.station_id and same_at_b["entered_by"] == "opA"
    log = sync_history(b)
    assert [(e.direction, e.operator, e.station_name) for e in log[:1]] == [
        ("import", "opB", "Puesto A")
    ]
    assert station_names(b)[a.station_id] == "Puesto A"


def test_two_stations_loaded_with_the_demo_never_double_it(demo_path, tmp_path):
    a = station_from(demo_path, tmp_path / "a.db", "Puesto A", "Ana")
    b = station_from(demo_path, tmp_path / "b.db", "Puesto B", "Beto")
    before = b.counts()
    summary = import_bundle(b, export_bundle(a, tmp_path / "a.zip").path)
    assert summary.total_added == 0 and summary.present["observations"] == 1919
    assert b.counts() == before
    n = b.conn.execute(
        "SELECT count(*) FROM observations WHERE entered_by = ?", (SCENARIO_OPERATOR,)
    ).fetchone()[0]
    assert n == 1919


def test_since_last_sends_only_what_is_new_and_all_sends_everything(tmp_path):
    a = Store.open(tmp_path / "a.db", operator="Ana")
    first_ids = add_field_work(a, "A")
    first = export_bundle(a, tmp_path / "1.zip")
    assert first.since == "last" and first.total == len(first_ids)
    assert export_bundle(a, tmp_path / "2.zip").total == 0
    later = a.add_event(kind="log", title="Relevo", occurred_at=lima(2025, 12, 2, 19))
    a.void(first_ids["event"], "error de tipeo")
    third = export_bundle(a, tmp_path / "3.zip")
    assert third.counts == {**dict.fromkeys(SYNC_TABLES, 0), "events": 1, "voids": 1}
    rows = read_bundle(tmp_path / "3.zip").lines
    assert {r["id"] for _, t, r in rows if t == "events"} == {later.id}
    everything = export_bundle(a, tmp_path / "4.zip", since="all")
    assert everything.total == len(first_ids) + 2
    # a time window sends what was entered since then, and does not move the LAST mark
    a.add_event(kind="log", title="Cierre", occurred_at=lima(2025, 12, 2, 20))
    window = export_bundle(a, tmp_path / "5.zip", since=later.entered_at)
    assert window.counts["events"] == 2 and window.counts["voids"] == 1
    assert export_bundle(a, tmp_path / "6.zip").total == 1


def test_records_received_are_passed_on_with_the_next_export(tmp_path):
    a = Store.open(tmp_path / "a.db", operator="Ana")
    b = Store.open(tmp_path / "b.db", operator="Beto")
    c = Store.open(tmp_path / "c.db", operator="Caro")
    ids = add_field_work(a, "A")
    export_bundle(b, tmp_path / "b0.zip")  # B had exported before receiving anything
    export_bundle(a, tmp_path / "a.zip")
    import_bundle(b, tmp_path / "a.zip")
    export_bundle(b, tmp_path / "b1.zip")
    summary = import_bundle(c, tmp_path / "b1.zip")
    assert summary.added["sites"] == 1 and c.get(ids["site"]).station == a.station_id


def test_dry_run_counts_without_writing(field, fresh, tmp_path):
    stations = fresh("dry")
    b = stations["B"]
    before = snapshot(b)
    preview = import_bundle(b, field["bundles"]["A"], dry_run=True)
    assert snapshot(b) == before
    assert preview.dry_run and preview.added["sites"] == 1
    assert import_bundle(b, field["bundles"]["A"]).added == preview.added


def test_export_refuses_a_missing_folder_and_the_database_itself(tmp_path):
    a = Store.open(tmp_path / "a.db", operator="Ana")
    with pytest.raises(SituationRoomError, match="folder does not exist"):
        export_bundle(a, tmp_path / "nowhere" / "x.zip")
    with pytest.raises(SituationRoomError, match="is this database"):
        export_bundle(a, tmp_path / "a.db")
    assert sync_history(a) == []


def test_conflicts_converge_to_the_same_set_everywhere(field, fresh, tmp_path):
    stations = fresh("cf")
    for store in stations.values():
        for name in NAMES:
            import_bundle(store, field["bundles"][name])
    found = {n: conflicts(s) for n, s in stations.items()}
    assert all(len(v) == 1 for v in found.values())
    ids = {n: v[0].version_ids for n, v in found.items()}
    assert ids["A"] == ids["B"] == ids["C"]
    assert {v.count for v in found["C"][0].versions} == {111, 222}


def test_a_milestone_outcome_travels_with_its_report_time(tmp_path):
    a = Store.open(tmp_path / "a.db", operator="Ana")
    b = Store.open(tmp_path / "b.db", operator="Beto")
    m = a.add_milestone(title="Segunda vuelta", kind="election", at=lima(2025, 12, 14))
    corrected = a.correct(m.id, outcome="Kast 58.17 %", outcome_source="Servel")
    import_bundle(b, export_bundle(a, tmp_path / "a.zip").path)
    (received,) = b.milestones()
    assert (received.id, received.outcome, received.outcome_source) == (
        corrected.id,
        "Kast 58.17 %",
        "Servel",
    )
    assert received.entered_at == corrected.entered_at
    a.close()
    b.close()
