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
    assert r.returncode == 0 and r.stdout == f"{path}: 1 rows read: 1 added, 0 already present\n"
    bad = write(tmp_path, "nombre;latitud;longitud\nX;norte;-69\n", name="bad.csv")
    r = run("import", "sites", str(bad), "--db", str(db))
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == (
        f"{bad}:2: latitud: 'norte' is not a coordinate in decimal degrees (e.g. -18,0146)"
    )
