"""Names that travel in bundles (operator, station, site) are held, where they enter, to the rule
every importing station applies, and compared in one normal form."""

from __future__ import annotations

import pytest

from db.errors import InvalidRecord, SituationRoomError
from db.geo.site_import import import_sites
from db.store.store import Store
from db.sync.bundle import Bundle, BundleRefused
from db.sync.bundle_rows import clean_rows
from db.sync.exchange import export_bundle
from db.sync.station import set_station_name
from tests.csv_helpers import write

BAD_NAMES = {
    "over_long": "Ana " + "x" * 2000,  # beyond every limit: operator 200, station 80, site 2000
    "spaces_only": "  \u00a0 \t ",
    "zero_width_only": "\u200b\u2060\ufeff",
    "control_character": "Ana\x07 Quispe",
    "escape_sequence": "Ana\x1b[31m",
}


def _refused(action) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as refused:
        action()
    assert "\n" not in str(refused.value)
    return refused.value


@pytest.mark.parametrize("bad", BAD_NAMES)
def test_a_bad_name_is_refused_at_every_entry_and_by_every_import(tmp_path, store, bad):
    name = BAD_NAMES[bad]
    before = store.counts()
    assert _refused(lambda: Store.open(tmp_path / "other.db", operator=name)).by_field()["operator"]
    assert not (tmp_path / "other.db").exists()  # refused before the file was made
    with pytest.raises(InvalidRecord):
        store.operator = name
    assert store.operator == "Tester"
    _refused(lambda: set_station_name(store, name))
    site = {"name": name, "kind": "crossing", "country": "PE", "lat": -18.3, "lon": -70.3}
    assert _refused(lambda: store.add_site(**site)).by_field()["name"]
    assert store.counts() == before and store.station_name != name
    # ...and an importing station refuses the same name in a bundle's rows.
    assert _bundle_problems(store, entered_by=name)
    assert _bundle_problems(store, name=name)


def _bundle_problems(store: Store, **changes) -> list[str]:
    """What an importing station says of a bundle holding one site row with ``changes``."""
    row = {
        "id": "0b8f4a0e-6c2b-4a53-9d8e-2f1a7c3e5b61",
        "entered_at": "2025-12-01T13:00:00.000000Z",
        "entered_by": "Ana",
        "station": store.station_id,
        "supersedes": None,
        "name": "Santa Rosa",
        "kind": "crossing",
        "country": "PE",
        "lat": -18.3,
        "lon": -70.3,
    }
    row.update(changes)
    bundle = Bundle(store.path, "", {}, [(1, "sites", row)], signed=False, verified=False)
    try:
        clean_rows(bundle)
    except BundleRefused as refused:
        return refused.problems
    return []


def test_a_good_name_passes_every_import_once_normalised(store):
    assert _bundle_problems(store, entered_by="Ana\u200b  Quispe") == []
    assert _bundle_problems(store) == []


def test_names_are_stored_normalised(tmp_path, store):
    opened = Store.open(tmp_path / "other.db", operator="  Ana\u200b   Quispe ")
    assert opened.operator == "Ana Quispe"
    opened.close()
    assert set_station_name(store, "Puesto\u00a0 Santa\u200d Rosa") == "Puesto Santa Rosa"
    site = store.add_site(
        name="Cafe\u0301 \u200bLa Frontera ", kind="shelter", lat=-18.0, lon=-70.2
    )
    assert site.name == "Café La Frontera"  # NFC: one é, as typed on any keyboard


def test_a_site_with_a_zero_width_space_is_the_existing_site(store, tmp_path):
    store.add_site(name="Tacna", kind="town", country="PE", lat=-18.01, lon=-70.25)
    path = write(tmp_path, "nombre,tipo,lat,lon\nTacna\u200b,town,-18.01,-70.25\n", name="s.csv")
    result = import_sites(store, path)
    assert (result.added, result.already_present) == (0, 1)
    assert [s.name for s in store.sites()] == ["Tacna"]
    assert store.site_by_name("Tacna\u200b").name == "Tacna"


@pytest.mark.parametrize("bad", ["control_character", "over_long"])
def test_a_station_named_before_names_were_checked_exports_nothing(store, tmp_path, bad):
    store.set_meta(station_name=BAD_NAMES[bad])  # as an older version could store it
    out = tmp_path / "santa-rosa.zip"
    with pytest.raises(SituationRoomError, match="rename the station"):
        export_bundle(store, out)
    assert not out.exists()
