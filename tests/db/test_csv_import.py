"""CSV import: every form a Spanish-language office sends is read to the same stored counts."""

from __future__ import annotations

import uuid

import pytest

from db.flows.csv_import import import_observations
from tests.csv_helpers import add_sites, write

HEADER_ES = "Sitio;Inicio;Fin;Dirección;Categoría;Cantidad;Fuente;Nota"


@pytest.fixture
def post(store):
    store.sites_by_name = add_sites(store)
    return store


def only(store):
    (obs,) = store.observations()
    return obs


def iso(dt) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_utf8_with_bom_english_header_and_iso_times(post, tmp_path):
    path = write(
        tmp_path,
        "site,start,end,direction,category,count,source,note\n"
        "Tacna,2025-11-20T08:00:00-05:00,2025-11-20T20:00Z,into_peru,crossed_regular,35,"
        "Migraciones,turno día\n",
        encoding="utf-8-sig",
    )
    result = import_observations(post, path)
    assert (result.added, result.already_present, result.lines) == (1, 0, 1)
    obs = only(post)
    assert obs.site_id == post.sites_by_name["Tacna"]
    assert (iso(obs.period_start), iso(obs.period_end)) == (
        "2025-11-20T13:00:00Z",
        "2025-11-20T20:00:00Z",
    )
    assert (obs.direction, obs.category, obs.count) == ("into_peru", "crossed_regular", 35)
    assert (obs.source, obs.note) == ("Migraciones", "turno día")
    assert obs.entered_by == "Tester" and obs.station == post.station_id


def test_windows_1252_with_accents_semicolons_and_spanish_labels(post, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER_ES}\nLínea de la Concordia;20/11/2025 08:00;20/11/2025 14:00;Hacia Perú;"
        "Cruce irregular;1.234;Policía;niños solos\n",
        encoding="cp1252",
    )
    import_observations(post, path)
    obs = only(post)
    assert obs.site_id == post.sites_by_name["Línea de la Concordia"]
    assert (obs.direction, obs.category, obs.count) == ("into_peru", "crossed_irregular", 1234)
    assert (obs.source, obs.note) == ("Policía", "niños solos")
    assert iso(obs.period_start) == "2025-11-20T13:00:00Z"


def test_tab_separated(post, tmp_path):
    path = write(
        tmp_path,
        "sitio\tinicio\tfin\tdireccion\tcategoria\tcantidad\n"
        "Tacna\t2025-11-20 08:00\t2025-11-20 09:30\tHacia Chile\tRechazados\t1 234\n",
    )
    import_observations(post, path)
    obs = only(post)
    assert (obs.direction, obs.category, obs.count) == ("into_chile", "turned_back", 1234)
    assert iso(obs.period_end) == "2025-11-20T14:30:00Z"


@pytest.mark.parametrize(
    ("start", "end", "want_start", "want_end"),
    [
        ("2025-11-20", "", "2025-11-20T05:00:00Z", "2025-11-21T05:00:00Z"),
        ("2025-11-20T08:00", "2025-11-20T09:00", "2025-11-20T13:00:00Z", "2025-11-20T14:00:00Z"),
        (
            "2025-11-20T08:00:30",
            "2025-11-20T09:00:00",
            "2025-11-20T13:00:30Z",
            "2025-11-20T14:00:00Z",
        ),
        (
            "2025-11-20T08:00-03:00",
            "2025-11-20T12:00+00:00",
            "2025-11-20T11:00:00Z",
            "2025-11-20T12:00:00Z",
        ),
        (
            "2025-11-20T08:00Z",
            "2025-11-20T09:00:00Z",
            "2025-11-20T08:00:00Z",
            "2025-11-20T09:00:00Z",
        ),
        ("20/11/2025", "", "2025-11-20T05:00:00Z", "2025-11-21T05:00:00Z"),
        ("5/1/2026", "", "2026-01-05T05:00:00Z", "2026-01-06T05:00:00Z"),
        ("20/11/2025 08:00", "20/11/2025 18:45", "2025-11-20T13:00:00Z", "2025-11-20T23:45:00Z"),
        ("20-11-2025", "22-11-2025", "2025-11-20T05:00:00Z", "2025-11-23T05:00:00Z"),
        ("20/11/2025", "20/11/2025 12:00", "2025-11-20T05:00:00Z", "2025-11-20T17:00:00Z"),
    ],
)
def test_each_date_form(post, tmp_path, start, end, want_start, want_end):
    # Post time is Lima (UTC-5); a date alone is the whole day, an end date is included.
    path = write(
        tmp_path, f"site,start,end,category,count\nTacna,{start},{end},crossed_regular,10\n"
    )
    import_observations(post, path)
    obs = only(post)
    assert (iso(obs.period_start), iso(obs.period_end)) == (want_start, want_end)


@pytest.mark.parametrize(
    ("cell", "count"),
    [("1234", 1234), ('"1,234"', 1234), ("1.234", 1234), ("1 234", 1234), ("1\u00a0234", 1234),
     ("1.234.567", 1_234_567), ("  7 ", 7), ("0", 0)],
)  # fmt: skip
def test_thousands_separators(post, tmp_path, cell, count):
    path = write(tmp_path, f"site,start,category,count\nTacna,20/11/2025,assisted,{cell}\n")
    import_observations(post, path)
    assert only(post).count == count


def test_spanish_headers_without_accents_any_case_with_breakdowns(post, tmp_path):
    path = write(
        tmp_path,
        "SITIO;INICIO;FIN;DIRECCION;CATEGORIA;CANTIDAD;FUENTE;NOTA;Nacionalidad;adultos;NINOS;"
        "No_Acompanados\n"
        "tacna;20/11/2025 06:00;20/11/2025 18:00;hacia peru;CRUCE REGULAR;120;OIM;;VEN;100;20;3\n",
    )
    import_observations(post, path)
    obs = only(post)
    assert (obs.nationality, obs.adults, obs.children, obs.unaccompanied) == ("VEN", 100, 20, 3)
    assert (obs.direction, obs.category) == ("into_peru", "crossed_regular")


@pytest.mark.parametrize(
    ("direction", "category", "codes"),
    [
        ("Hacia Perú", "Cruce regular", ("into_peru", "crossed_regular")),
        ("Into Peru", "Crossed regularly", ("into_peru", "crossed_regular")),
        ("hacia chile", "RECHAZADOS", ("into_chile", "turned_back")),
        ("INTO CHILE", "turned back", ("into_chile", "turned_back")),
        ("into_chile", "detained", ("into_chile", "detained")),
        ("Sin dirección", "Asistidos", ("none", "assisted")),
        ("No direction", "Assisted", ("none", "assisted")),
        ("", "Detenidos", ("none", "detained")),
    ],
)
def test_labels_in_both_languages_and_codes(post, tmp_path, direction, category, codes):
    path = write(
        tmp_path,
        f"sitio;inicio;dirección;categoría;cantidad\nTacna;20/11/2025;{direction};{category};5\n",
    )
    import_observations(post, path)
    obs = only(post)
    assert (obs.direction, obs.category) == codes


@pytest.mark.parametrize(
    "written",
    ["Línea de la Concordia", "LINEA DE LA CONCORDIA", "linea de la concordia",
     "  Línea  de la  Concordia ", "línea_de_la_concordia"],
)  # fmt: skip
def test_site_by_name_ignoring_accents_case_and_spaces(post, tmp_path, written):
    path = write(tmp_path, f"site,start,category,count\n{written},20/11/2025,assisted,1\n")
    import_observations(post, path)
    assert only(post).site_id == post.sites_by_name["Línea de la Concordia"]


def test_site_by_id_in_the_site_column_or_a_site_id_column(post, tmp_path):
    sid = post.sites_by_name["Tacna"]
    path = write(
        tmp_path,
        f"site,site_id,start,category,count\n{sid},,20/11/2025,assisted,1\n"
        f",{sid},21/11/2025,assisted,2\n",
    )
    import_observations(post, path)
    assert {o.site_id for o in post.observations()} == {sid}


def test_stock_needs_no_end_and_is_an_instant(post, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER_ES}\nTacna;20/11/2025 18:00;;;Varados;45;Defensa Civil;\n"
        "Tacna;21/11/2025 18:00;21/11/2025 18:00;;stranded;40;;\n",
    )
    import_observations(post, path)
    first, second = post.observations()
    assert first.category == "stranded" and first.period_start == first.period_end
    assert iso(first.period_start) == "2025-11-20T23:00:00Z" and first.count == 45
    assert second.period_start == second.period_end and second.count == 40


def test_illustrative_flag_and_id_column(post, tmp_path):
    given = str(uuid.uuid4())
    path = write(
        tmp_path,
        "id,site,start,category,count,illustrative\n"
        f"{given},Tacna,20/11/2025,assisted,3,sí\n"
        ",Tacna,21/11/2025,assisted,4,0\n",
    )
    result = import_observations(post, path)
    assert (result.added, result.already_present) == (2, 0)
    first, second = post.observations()
    assert (first.id, first.illustrative) == (given, True)
    assert second.id != given and second.illustrative is False
    # The same file again: both rows are already there (the second by what it says).
    again = import_observations(post, path)
    assert (again.added, again.already_present, again.lines) == (0, 2, 2)


def test_the_same_sheet_twice_counts_people_once(post, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER_ES}\nTacna;20/11/2025;;Hacia Perú;Cruce regular;120;OIM;\n"
        "Tacna;20/11/2025;;Hacia Chile;Cruce regular;80;OIM;\n",
    )
    assert import_observations(post, path).added == 2
    # A second copy of the sheet, saved by another office in other spellings: the same counts.
    copy = write(
        tmp_path,
        "sitio,inicio,fin,direccion,categoria,cantidad,fuente\n"
        "TACNA,2025-11-20,2025-11-20,into_chile,crossed_regular,80,OIM\n"
        "tacna,20-11-2025,,Into Peru,Crossed regularly,120,OIM\n",
        name="copia.csv",
    )
    again = import_observations(post, copy)
    assert (again.added, again.already_present) == (0, 2)
    assert sorted(o.count for o in post.observations()) == [80, 120]
    # A different count for the same period is a different record, and is added.
    other = write(tmp_path, f"{HEADER_ES}\nTacna;20/11/2025;;Hacia Chile;Cruce regular;81;OIM;\n")
    assert import_observations(post, other).added == 1


def test_blank_lines_and_empty_rows_are_skipped_and_lines_stay_physical(post, tmp_path):
    path = write(
        tmp_path,
        "\nsitio;inicio;categoria;cantidad\n\nTacna;20/11/2025;asistidos;1\n;;;\n"
        'Tacna;21/11/2025;asistidos;"2"\n',
    )
    result = import_observations(post, path)
    assert (result.added, result.lines) == (2, 2)


def test_a_note_over_several_lines(post, tmp_path):
    path = write(
        tmp_path,
        'site,start,category,count,note\nTacna,20/11/2025,assisted,1,"primera línea\n'
        'segunda línea"\nTacna,21/11/2025,assisted,2,\n',
    )
    import_observations(post, path)
    first, _ = post.observations()
    assert first.note == "primera línea\r\nsegunda línea"


def test_formula_escape_of_our_export_is_removed(post, tmp_path):
    path = write(tmp_path, "site,start,category,count,note\nTacna,20/11/2025,assisted,1,'=2+2\n")
    import_observations(post, path)
    assert only(post).note == "=2+2"


def test_progress_reports_rows_done_of_total(post, tmp_path):
    rows = "".join(f"Tacna,{d:02d}/11/2025,assisted,{d}\n" for d in range(1, 31))
    path = write(tmp_path, "site,start,category,count\n" + rows)
    seen: list[tuple[int, int]] = []
    import_observations(post, path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (30, 30) and all(total == 30 for _, total in seen)


def test_a_cancelling_progress_callback_writes_nothing(post, tmp_path):
    rows = "".join(f"Tacna,{d:02d}/11/2025,assisted,{d}\n" for d in range(1, 31))
    path = write(tmp_path, "site,start,category,count\n" + rows)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_observations(post, path, progress=stop)
    assert post.observations() == []


def test_other_usual_spanish_headers(post, tmp_path):
    path = write(
        tmp_path,
        "Lugar;Fecha;Sentido;Categoría;Total;Observaciones\n"
        "Tacna;20/11/2025;Hacia Chile;Asistidos;12;según acta\n",
    )
    import_observations(post, path)
    obs = only(post)
    assert (obs.count, obs.note, obs.direction) == (12, "según acta", "into_chile")
    assert (iso(obs.period_start), iso(obs.period_end)) == (
        "2025-11-20T05:00:00Z",
        "2025-11-21T05:00:00Z",
    )
