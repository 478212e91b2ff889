"""Sites from a spreadsheet: Spanish headers, decimal commas, labels; idempotent; all or nothing."""

from __future__ import annotations

import pytest

from db.errors import ImportRefused
from db.geo.site_import import import_sites
from tests.csv_helpers import write
from tests.desktop.test_csv_cli import run


def test_a_spanish_list_of_sites(store, tmp_path):
    path = write(
        tmp_path,
        "Nombre;Tipo;País;Latitud;Longitud;Aproximada;Fuente\n"
        "Puesto Palca;Puesto de control;Perú;-17,7794;-69,9597;sí;PNP\n"
        "Albergue Arica;shelter;Chile;-18.4783;-70.3126;;\n"
        "Cruce Visviri;Border crossing;BO;-17,5953;-69,4789;0;\n",
        encoding="cp1252",
    )
    result = import_sites(store, path)
    assert (result.added, result.already_present, result.lines) == (3, 0, 3)
    palca, arica, visviri = (
        store.site_by_name(n) for n in ("Puesto Palca", "Albergue Arica", "Cruce Visviri")
    )
    assert (palca.site_kind, palca.country, palca.lat, palca.lon) == (
        "checkpoint",
        "PE",
        -17.7794,
        -69.9597,
    )
    assert palca.approximate and palca.source == "PNP"
    assert (arica.site_kind, arica.country, arica.approximate) == ("shelter", "CL", False)
    assert (visviri.site_kind, visviri.country) == ("crossing", "BO")
    # The same list again, typed in other case: nothing new.
    again = import_sites(store, path)
    assert (again.added, again.already_present) == (0, 3)
    assert len(store.sites()) == 3


def test_every_bad_site_row_is_reported_and_nothing_stored(store, tmp_path):
    path = write(
        tmp_path,
        "name,kind,country,lat,lon\n"
        "Uno,crossing,PE,-18.1,-70.3\n"
        "Dos,fortress,PE,-18.1,-70.3\n"
        "Tres,crossing,Argentina,-95,-70.3\n"
        ",crossing,PE,-18 05 30,\n"
        "uno,town,PE,-18.2,-70.2\n",
    )
    with pytest.raises(ImportRefused) as caught:
        import_sites(store, path)
    assert caught.value.problems == [
        f"{path}:3: kind: 'fortress' is not one of: Complejo fronterizo, Puesto de control, "
        "Albergue, Punto de concentración, Ciudad, Otro",
        f"{path}:4: country: 'Argentina' is not one of: Perú, Chile, Bolivia",
        f"{path}:5: lat: '-18 05 30' is not a coordinate in decimal degrees (e.g. -18,0146)",
        f"{path}:6: name: repeats the site of line 2",
    ]
    assert store.sites() == []


def test_coordinates_out_of_range_and_missing_name(store, tmp_path):
    path = write(tmp_path, "nombre;latitud;longitud\n;-95;-70\n")
    with pytest.raises(ImportRefused) as caught:
        import_sites(store, path)
    assert caught.value.problems == [
        f"{path}:2: nombre: is required",
        f"{path}:2: latitud: must be between -90 and 90",
    ]


def test_sites_through_the_command_line(tmp_path):
    db = tmp_path / "post.db"
    assert run("init", str(db)).returncode == 0
    path = write(tmp_path, "nombre;tipo;latitud;longitud\nPuesto Palca;checkpoint;-17,78;-69,96\n")
    r = run("import", "sites", str(path), "--db", str(db))
    assert r.returncode == 0 and r.stdout == f"{path}: 1 rows read: 1 new, 0 changed, 0 unchanged\n"
    bad = write(tmp_path, "nombre;latitud;longitud\nX;norte;-69\n", name="bad.csv")
    r = run("import", "sites", str(bad), "--db", str(db))
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == (
        f"{bad}:2: latitud: 'norte' is not a coordinate in decimal degrees (e.g. -18,0146)"
    )


def test_importing_the_same_sites_twice_writes_nothing(store, tmp_path):
    path = write(
        tmp_path,
        "nombre;tipo;latitud;longitud;fuente\n"
        "Puesto Palca;checkpoint;-17,78;-69,96;PNP\n"
        "Albergue Arica;shelter;-18,47;-70,31;\n",
    )
    first = import_sites(store, path)
    assert (first.added, first.changed, first.already_present) == (2, 0, 0)
    total = store.conn.total_changes
    rows = store.conn.execute("SELECT count(*) FROM sites").fetchone()[0]
    again = import_sites(store, path)
    assert (again.added, again.changed, again.already_present) == (0, 0, 2)
    assert store.conn.total_changes == total  # not one row written
    assert store.conn.execute("SELECT count(*) FROM sites").fetchone()[0] == rows


def test_a_changed_row_supersedes_its_site_and_the_rest_are_untouched(store, tmp_path):
    path = write(
        tmp_path,
        "nombre;tipo;latitud;longitud;fuente\n"
        "Puesto Palca;checkpoint;-17,78;-69,96;PNP\n"
        "Albergue Arica;shelter;-18,47;-70,31;\n",
    )
    import_sites(store, path)
    palca, arica = store.site_by_name("Puesto Palca"), store.site_by_name("Albergue Arica")
    path = write(
        tmp_path,
        "nombre;tipo;latitud;longitud;fuente\n"
        "Puesto Palca;checkpoint;-17,7794;-69,9597;PNP\n"  # moved: one correction
        "albergue arica;shelter;-18,47;-70,31;\n"  # the same site, renamed: a correction
        "Cruce Visviri;crossing;-17,59;-69,47;\n",  # new
        name="segunda.csv",
    )
    result = import_sites(store, path)
    assert (result.added, result.changed, result.already_present) == (1, 2, 0)
    moved = store.site_by_name("Puesto Palca")
    assert moved.supersedes == palca.id and (moved.lat, moved.lon) == (-17.7794, -69.9597)
    assert [v.id for v in store.history(moved.id)] == [palca.id, moved.id]
    assert store.site_by_name("albergue arica").supersedes == arica.id
    assert sorted(s.name for s in store.sites()) == [
        "Cruce Visviri",
        "Puesto Palca",
        "albergue arica",
    ]
    # Again: all three say what the post now says.
    again = import_sites(store, path)
    assert (again.added, again.changed, again.already_present) == (0, 0, 3)


def test_a_row_naming_a_site_by_id_corrects_that_site(store, tmp_path):
    site = store.add_site(name="Tacna", kind="town", lat=-18.01, lon=-70.25)
    path = write(tmp_path, f"id,name,kind,lat,lon\n{site.id},Tacna (ciudad),town,-18.01,-70.25\n")
    result = import_sites(store, path)
    assert (result.added, result.changed, result.already_present) == (0, 1, 0)
    [current] = store.sites()
    assert current.name == "Tacna (ciudad)" and current.supersedes == site.id


def test_sites_command_line_says_new_changed_and_unchanged(tmp_path):
    db = tmp_path / "post.db"
    assert run("init", str(db)).returncode == 0
    path = write(tmp_path, "nombre;latitud;longitud\nPalca;-17,78;-69,96\nArica;-18,47;-70,31\n")
    assert run("import", "sites", str(path), "--db", str(db)).returncode == 0
    path = write(tmp_path, "nombre;latitud;longitud\nPalca;-17,70;-69,96\nArica;-18,47;-70,31\n")
    r = run("import", "sites", str(path), "--db", str(db))
    assert r.stdout == f"{path}: 2 rows read: 0 new, 1 changed, 1 unchanged\n"
