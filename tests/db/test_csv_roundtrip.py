"""CSV export: what the file holds, and export → import into the same or a new database."""

from __future__ import annotations

import csv
from datetime import date

import pytest

import db.flows.csv_export
from db.errors import SituationRoomError
from db.flows.csv_export import EXPORT_COLUMNS, export_observations
from db.flows.csv_import import import_observations
from db.flows.figures import daily_series
from db.scenario import init_database
from db.store.store import Store
from tests.conftest import lima
from tests.csv_helpers import picture, stored


def read_back(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_is_excel_friendly_with_utc_and_post_time(store, tmp_path):
    site = store.add_site(name="Línea de la Concordia", kind="crossing", lat=-18.3, lon=-70.3)
    store.add_observation(
        site_id=site.id,
        period_start=lima(2025, 11, 20, 8),
        period_end=lima(2025, 11, 20, 20),
        direction="into_peru",
        category="crossed_regular",
        count=1234,
        nationality="VEN",
        adults=1000,
        children=200,
        unaccompanied=5,
        source="Migraciones",
        note="=SUMA(A1:A3)",
    )
    path = tmp_path / "obs.csv"
    result = export_observations(store, path)
    assert result.written == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM for Excel, CRLF
    (row,) = read_back(path)
    assert tuple(row) == EXPORT_COLUMNS
    assert row["site"] == "Línea de la Concordia" and row["site_id"] == site.id
    assert (row["start_utc"], row["end_utc"]) == ("2025-11-20T13:00:00Z", "2025-11-21T01:00:00Z")
    assert (row["start_local"], row["end_local"]) == (
        "2025-11-20T08:00:00-05:00",
        "2025-11-20T20:00:00-05:00",
    )
    assert row["timezone"] == "America/Lima"
    assert (row["direction"], row["category"], row["count"]) == (
        "into_peru",
        "crossed_regular",
        "1234",
    )
    assert (row["nationality"], row["adults"], row["children"], row["unaccompanied"]) == (
        "VEN",
        "1000",
        "200",
        "5",
    )
    assert row["note"] == "'=SUMA(A1:A3)"  # shown as text by a spreadsheet, never run
    assert (row["entered_by"], row["station"]) == ("Tester", store.station_id)
    assert row["illustrative"] == "0" and row["entered_at"].endswith("Z")


def test_export_leaves_out_corrected_and_voided_versions(demo, tmp_path):
    first, second = demo.observations()[:2]
    fixed = demo.correct(first.id, count=first.count + 7)
    demo.void(second.id, "duplicado")
    path = tmp_path / "obs.csv"
    export_observations(demo, path)
    ids = [r["id"] for r in read_back(path)]
    assert fixed.id in ids and first.id not in ids and second.id not in ids
    assert len(ids) == len(demo.observations())


def test_a_renamed_site_exports_under_its_current_name(store, tmp_path):
    site = store.add_site(name="Santa Rosa", kind="crossing", lat=-18.3, lon=-70.3)
    store.add_observation(
        site_id=site.id,
        period_start="2025-11-20T13:00:00Z",
        period_end="2025-11-20T14:00:00Z",
        category="assisted",
        count=1,
    )
    store.correct(site.id, name="Complejo Santa Rosa")
    path = tmp_path / "obs.csv"
    export_observations(store, path)
    assert read_back(path)[0]["site"] == "Complejo Santa Rosa"
    # ...which is how the import finds it again (the old version's id is no longer current).
    again = import_observations(store, path)
    assert (again.added, again.already_present) == (0, 1)


def test_export_then_import_into_the_same_database_changes_nothing(demo, tmp_path):
    first, second = demo.observations()[:2]
    demo.correct(first.id, count=first.count + 7, note="-corregido")
    demo.void(second.id, "duplicado")
    before_rows, before_picture = stored(demo), picture(demo)
    path = tmp_path / "obs.csv"
    written = export_observations(demo, path).written
    result = import_observations(demo, path)
    assert (result.added, result.already_present, result.lines) == (0, written, written)
    assert stored(demo) == before_rows and picture(demo) == before_picture


def test_into_a_new_database_with_the_same_sites_it_reproduces_the_picture(demo, tmp_path):
    first, second = demo.observations()[:2]
    demo.correct(first.id, count=first.count + 7, note="+3 en la tarde")
    demo.void(second.id, "duplicado")
    path = tmp_path / "obs.csv"
    export_observations(demo, path)
    fresh = Store.open(tmp_path / "new.db", operator="Luis")
    for site in demo.sites():  # the same places, typed again: new ids, other case
        fresh.add_site(name=site.name.upper(), kind=site.site_kind, lat=site.lat, lon=site.lon)
    result = import_observations(fresh, path)
    assert result.added == len(demo.observations())
    assert picture(fresh) == picture(demo)
    assert {o.id for o in fresh.observations()} == {o.id for o in demo.observations()}
    # The chart reads the same numbers from both, per crossing and over all.
    old = next(s.id for s in demo.sites() if s.name == "Complejo Santa Rosa")
    new = next(s.id for s in fresh.sites() if s.name == "COMPLEJO SANTA ROSA")
    days = (date(2025, 11, 15), date(2025, 12, 1))
    for site_old, site_new in ((old, new), (None, None)):
        want = daily_series(demo, *days, site_id=site_old)
        got = daily_series(fresh, *days, site_id=site_new)
        assert (got.flows, got.stranded, got.illustrative) == (
            want.flows,
            want.stranded,
            want.illustrative,
        )
        assert sum(map(sum, got.flows.values())) > 0


def test_into_a_fresh_demo_the_demo_export_is_already_there(demo, tmp_path):
    path = tmp_path / "obs.csv"
    export_observations(demo, path)
    other = init_database(str(tmp_path / "other.db"), demo=True, operator="Luis")
    before = stored(other)
    result = import_observations(other, path)
    assert result.added == 0 and result.already_present == result.lines > 1000
    assert stored(other) == before and picture(other) == picture(demo)


def test_a_failed_export_leaves_the_old_file_and_no_temporary(demo, tmp_path, monkeypatch):
    path = tmp_path / "obs.csv"
    path.write_text("old contents")

    def broken(handle, header, rows):
        handle.write("half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(db.flows.csv_export, "write_rows", broken)
    with pytest.raises(SituationRoomError, match="No space left on device"):
        export_observations(demo, path)
    assert path.read_text() == "old contents"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".obs.csv")]
