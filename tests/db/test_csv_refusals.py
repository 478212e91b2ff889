"""CSV import refusals: the exact ``FILE:LINE: column: problem`` for each bad input, nothing stored."""

from __future__ import annotations

import uuid

import pytest

import db.csv_dialect
from db.errors import ImportRefused
from db.flows.csv_import import import_observations
from tests.csv_helpers import add_sites, stored, write

HEADER = "site,start,end,direction,category,count,source,note"


@pytest.fixture
def post(store):
    add_sites(store)
    store.add_observation(
        site_id=store.sites()[0].id,
        period_start="2025-11-19T13:00:00Z",
        period_end="2025-11-19T14:00:00Z",
        category="assisted",
        count=1,
    )
    return store


def refused(store, path) -> list[str]:
    before = stored(store)
    with pytest.raises(ImportRefused) as caught:
        import_observations(store, path)
    assert stored(store) == before  # nothing half-written
    return caught.value.problems


ROW_PROBLEMS = [
    ("Tacna,20/11/2025,,,assisted,\"12,5\",,", "count: '12,5' is not a whole number (people are counted without fractions)"),
    ("Tacna,20/11/2025,,,assisted,12.50,,", "count: '12.50' is not a whole number (people are counted without fractions)"),
    ("Tacna,20/11/2025,,,assisted,\"1.234,5\",,", "count: '1.234,5' is not a whole number (people are counted without fractions)"),
    ("Tacna,20/11/2025,,,assisted,\"1,234.50\",,", "count: '1,234.50' is not a whole number (people are counted without fractions)"),
    ("Tacna,20/11/2025,,,assisted,\"1,23\",,", "count: '1,23' is not a whole number (people are counted without fractions)"),
    ("Tacna,20/11/2025,,,assisted,doce,,", "count: 'doce' is not a number"),
    ("Tacna,20/11/2025,,,assisted,\"1,234.567.8\",,", "count: '1,234.567.8' is not a whole number (people are counted without fractions)"),
    ("Tacna,20/11/2025,,,assisted,12e3,,", "count: '12e3' is not a number"),
    ("Tacna,20/11/2025,,,assisted,,,", "count: is required"),
    ("Tacna,20/11/2025,,,assisted,-5,,", "count: must be at least 0 (got -5)"),
    ("Tacna,20/11/2025,,,assisted,20000000,,", "count: must be at most 10,000,000 (got 20,000,000)"),
    ("Tacna,31/02/2025,,,assisted,1,,", "start: '31/02/2025' is not a date (day/month/year)"),
    ("Tacna,11/20/2025,,,assisted,1,,", "start: '11/20/2025' is not a date (day/month/year)"),
    ("Tacna,20/11/2025 25:00,,,assisted,1,,", "start: '20/11/2025 25:00' has an impossible time of day"),
    ("Tacna,2025-13-01,,,assisted,1,,", "start: '2025-13-01' is not a date (YYYY-MM-DD)"),
    ("Tacna,ayer,,,assisted,1,,", "start: 'ayer' is not a time (YYYY-MM-DD[THH:MM[:SS][±HH:MM]], dd/mm/yyyy [HH:MM] or dd-mm-yyyy)"),
    ("Tacna,,,,assisted,1,,", "start: is required"),
    ("Tacna,20/11/2025 08:00,,,assisted,1,,", "end: is required for a flow (or give dates alone: whole days)"),
    ("Tacna,20/11/2025 08:00,20/11/2025 07:00,,assisted,1,,", "end: ends before it starts"),
    ("Tacna,20/11/2025 08:00,20/11/2025 08:00,,assisted,1,,", "end: a flow needs a period (end after start)"),
    ("Tacna,20/11/2025,,,Varados,45,,", "start: '20/11/2025' is a date alone, but people present (stranded) are counted at an instant: give the time too, e.g. 20/11/2025 18:00"),
    ("Tacna,20/11/2025 18:00,21/11/2025 18:00,,stranded,45,,", "end: a count of people present is taken at one instant"),
    ("Arequipa,20/11/2025,,,assisted,1,,", "site: no site named 'Arequipa' (sites: Complejo Santa Rosa, Línea de la Concordia, Tacna)"),
    (",20/11/2025,,,assisted,1,,", "site: is required"),
    ("Tacna,20/11/2025,,norte,assisted,1,,", "direction: 'norte' is not one of: Hacia Perú, Hacia Chile, Sin dirección"),
    ("Tacna,20/11/2025,,,muertos,1,,", "category: 'muertos' is not one of: Cruce regular, Cruce irregular, Rechazados, Detenidos, Asistidos, Varados"),
    ("Tacna,20/11/2025,,,,1,,", "category: is required"),
    ("Tacna,20/11/2025,,,assisted,1,,,extra", "row: has 9 cells but the header has 8"),
    ("Tacna,20/11/2025,,,assisted,1," + "x" * 2001 + ",", "source: is longer than 2000 characters"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "problem"), ROW_PROBLEMS)
def test_each_bad_cell_is_named_with_its_line(post, tmp_path, row, problem):
    path = write(tmp_path, f"{HEADER}\nTacna,19/11/2025,,,assisted,1,,\n{row}\n")
    assert refused(post, path) == [f"{path}:3: {problem}"]


def test_breakdowns_that_exceed_the_count(post, tmp_path):
    path = write(
        tmp_path,
        "site,start,category,count,adults,children,unaccompanied\n"
        "Tacna,20/11/2025,assisted,10,8,5,\nTacna,21/11/2025,assisted,10,2,3,4\n",
    )
    assert refused(post, path) == [
        f"{path}:2: children: adults + children (13) exceed the count (10)",
        f"{path}:3: unaccompanied: unaccompanied children exceed the children",
    ]


def test_problems_use_the_files_own_column_names(post, tmp_path):
    path = write(tmp_path, "Sitio;Inicio;Categoría;Cantidad\nTacna;20/11/2025;Asistidos;1,5\n")
    assert refused(post, path) == [
        f"{path}:2: Cantidad: '1,5' is not a whole number (people are counted without fractions)"
    ]


def test_every_bad_row_is_reported_in_line_order_with_physical_lines(post, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n"
        "Tacna,20/11/2025,,,assisted,1,,\n"  # 2: fine
        "\n"  # 3: blank
        "Lima,20/11/2025,,,assisted,x,,\n"  # 4: two problems
        'Tacna,20/11/2025,,,assisted,1,,"two\nlines"\n'  # 5-6: fine, spans two lines
        "Tacna,20/11/2025,,,nada,1,,\n",  # 7
    )
    assert refused(post, path) == [
        f"{path}:4: site: no site named 'Lima' (sites: Complejo Santa Rosa, Línea de la Concordia, Tacna)",
        f"{path}:4: count: 'x' is not a number",
        f"{path}:7: category: 'nada' is not one of: Cruce regular, Cruce irregular, Rechazados, Detenidos, Asistidos, Varados",
    ]


def test_all_bad_rows_are_listed_not_only_the_first(post, tmp_path):
    rows = "".join(f"Tacna,20/11/2025,,,assisted,{i},5,\n" for i in range(60))
    path = write(tmp_path, f"site,start,end,direction,category,count,count\n{rows}")
    assert refused(post, path) == [f"{path}:1: header: 'count' repeats column 'count'"] + [
        f"{path}:1: header: the columns are site (site/sitio), site_id (site id/id sitio), "
        "start (start/inicio), end (end/fin), direction (direction/direccion), "
        "category (category/categoria), count (count/cantidad), source (source/fuente), "
        "note (note/nota), nationality (nationality/nacionalidad), adults (adults/adultos), "
        "children (children/ninos), unaccompanied (unaccompanied/no acompanados), "
        "illustrative (illustrative/ilustrativo), id (id)"
    ]
    path = write(tmp_path, f"{HEADER}\n" + "Tacna,20/11/2025,,,assisted,-1,,\n" * 60)
    problems = refused(post, path)
    # The first 50, then how many more (a report stays readable however bad the file is).
    assert len(problems) == 51 and problems[-1] == "… and 10 more"
    assert problems[-2] == f"{path}:51: count: must be at least 0 (got -1)"


def test_a_million_unknown_columns_give_a_short_report(post, tmp_path):
    header = "site,start,category,count," + ",".join(f"c{i}" for i in range(1_000_000))
    path = write(tmp_path, f"{header}\nTacna,20/11/2025,assisted,1\n")
    with pytest.raises(ImportRefused) as caught:
        import_observations(post, path)
    problems = caught.value.problems
    assert problems[0] == f"{path}:1: header: unknown column 'c0'"
    assert problems[49] == f"{path}:1: header: unknown column 'c49'"
    assert problems[50] == "… and 999,950 more"
    assert problems[51].startswith(f"{path}:1: header: the columns are site (site/sitio)")
    assert len(problems) == 52 and len(str(caught.value)) < 10_000


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("site,start,count", "header: missing column(s) category"),
        ("start,category,count", "header: missing column(s) site"),
        ("lugar,inicio,categoria", "header: missing column(s) count"),
        ("site,start,category,count,responsable", "header: unknown column 'responsable'"),
        ("sitio,site,start,category,count", "header: 'site' repeats column 'sitio'"),
    ],
)
def test_header_problems(post, tmp_path, header, problem):
    path = write(tmp_path, f"{header}\nTacna,20/11/2025,assisted,1,x\n")
    problems = refused(post, path)
    assert problems[0] == f"{path}:1: {problem}"
    assert problems[-1].startswith(f"{path}:1: header: the columns are site (site/sitio)")


def test_ids_bad_repeated_or_used_by_another_record(post, tmp_path):
    site_id = post.sites()[0].id
    twice = str(uuid.uuid4())
    path = write(
        tmp_path,
        "id,site,start,category,count\n"
        f"nope,Tacna,20/11/2025,assisted,1\n"
        f"{twice},Tacna,21/11/2025,assisted,1\n"
        f"{twice},Tacna,22/11/2025,assisted,1\n"
        f"{site_id},Tacna,23/11/2025,assisted,1\n",
    )
    assert refused(post, path) == [
        f"{path}:2: id: 'nope' is not a record id (a UUID)",
        f"{path}:4: id: repeats the id of line 3",
        f"{path}:5: id: already the id of a sites record",
    ]


def test_an_id_already_stored_is_still_checked(post, tmp_path):
    existing = post.observations()[0].id
    path = write(tmp_path, f"id,site,start,category,count\n{existing},Tacna,20/11/2025,nada,1\n")
    assert refused(post, path) == [
        f"{path}:2: category: 'nada' is not one of: Cruce regular, Cruce irregular, Rechazados, "
        "Detenidos, Asistidos, Varados"
    ]


def test_two_sites_with_the_same_name_need_the_id(post, tmp_path):
    post.add_site(name="TACNA", kind="town", lat=-18.0, lon=-70.25)
    path = write(tmp_path, "site,start,category,count\ntacna,20/11/2025,assisted,1\n")
    assert refused(post, path) == [f"{path}:2: site: 'tacna' names 2 sites; give its id"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b" \r\n\r\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text CSV file (binary data, or UTF-16); save it from the spreadsheet as CSV UTF-8"),
        ("sitio,inicio".encode("utf-16"), "not a text CSV file (binary data, or UTF-16); save it from the spreadsheet as CSV UTF-8"),
        (b"site,start,category,count\n\x81\x8d\x8f\x90\x9d", "neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8"),
        (bytes(range(1, 32)) * 10, "not a text CSV file (control characters: binary data?)"),
    ],
)  # fmt: skip
def test_files_that_are_not_csv_text(post, tmp_path, data, problem):
    path = tmp_path / "partes.csv"
    path.write_bytes(data)
    assert refused(post, path) == [f"{path}: {problem}"]


def test_a_missing_file(post, tmp_path):
    path = tmp_path / "nope.csv"
    assert refused(post, path) == [f"{path}: no such file"]


def test_a_file_over_the_size_limit_is_refused_before_reading(post, tmp_path, monkeypatch):
    monkeypatch.setattr(db.csv_dialect, "MAX_CSV_BYTES", 2 * 2**20)
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.truncate(3 * 2**20)  # sparse: its bytes are never read
    assert refused(post, path) == [
        f"{path}: 3 MB is larger than the 2 MB limit for a CSV file; split it"
    ]


def test_a_header_only_file_imports_nothing(post, tmp_path):
    path = write(tmp_path, f"{HEADER}\n")
    result = import_observations(post, path)
    assert (result.added, result.already_present, result.lines) == (0, 0, 0)


def test_a_header_after_blank_lines_is_named_on_its_own_line(post, tmp_path):
    path = write(tmp_path, "\n\nsite,start\nTacna,20/11/2025\n")
    assert refused(post, path)[0] == f"{path}:3: header: missing column(s) category, count"


def test_the_same_count_twice_in_one_file(post, tmp_path):
    row = "Tacna,20/11/2025,,into_peru,assisted,12,OIM,"
    path = write(tmp_path, f"{HEADER}\n{row}\nTacna,21/11/2025,,,assisted,1,,\n{row}\n")
    assert refused(post, path) == [f"{path}:4: row: is the same count as line 2"]


def test_a_cell_too_large_for_a_spreadsheet(post, tmp_path):
    path = write(tmp_path, f'{HEADER}\nTacna,20/11/2025,,,assisted,1,,\n"{"x" * 200_000}",,,,,,,\n')
    assert refused(post, path) == [
        f"{path}:3: row: cannot be read (field larger than field limit (131072))"
    ]
