"""CSV file rules: an unclosed quote, a stray non-UTF-8 byte, formulas on export, exact round trip."""

from __future__ import annotations

import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import ImportRefused
from db.flows.csv_export import export_observations
from db.flows.csv_import import import_observations
from db.geo.site_import import import_sites
from db.store.store import Store
from tests.csv_helpers import add_sites, stored, write

HEADER = "site,start,category,count,note"


@pytest.fixture
def post(store):
    add_sites(store)
    return store


def refused(store, path) -> list[str]:
    before = stored(store)
    with pytest.raises(ImportRefused) as caught:
        import_observations(store, path)
    assert stored(store) == before
    return caught.value.problems


# -- a quote opened and never closed ---------------------------------------------------------
def test_an_unclosed_quote_refuses_the_file_naming_the_line_it_opens(post, tmp_path):
    rows = [f"Tacna,{day}/11/2025,assisted,{day},ok" for day in range(10, 20)]
    rows[3] = 'Tacna,13/11/2025,assisted,13,"sin cerrar'
    path = write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")
    (problem,) = refused(post, path)
    assert problem.startswith(f'{path}:5: row: a quote (") opens a cell here and is never closed')


def test_an_unclosed_quote_on_the_last_line_is_refused_too(post, tmp_path):
    path = write(
        tmp_path, HEADER + '\nTacna,13/11/2025,assisted,1,ok\nTacna,14/11/2025,assisted,2,"x\n'
    )
    (problem,) = refused(post, path)
    assert problem.startswith(f"{path}:3: row: a quote")


def test_an_unclosed_quote_after_a_closed_multiline_note_names_its_own_line(post, tmp_path):
    text = (
        HEADER
        + '\nTacna,13/11/2025,assisted,1,"dos\nlíneas",\nTacna,14/11/2025,assisted,2,"x\nresto\n'
    )
    (problem,) = refused(post, write(tmp_path, text))
    assert ":4: row: a quote" in problem


def test_closed_quotes_with_doubled_quotes_and_line_breaks_still_import(post, tmp_path):
    text = (
        HEADER
        + '\nTacna,13/11/2025,assisted,1,"dice ""hola""\nen dos líneas"\nTacna,14/11/2025,assisted,2,""\n'
    )
    result = import_observations(post, write(tmp_path, text))
    assert (result.added, result.lines) == (2, 2)
    assert sorted(o.note for o in post.observations()) == ["", 'dice "hola"\r\nen dos líneas']


def test_the_site_import_refuses_an_unclosed_quote_too(store, tmp_path):
    text = (
        'name,lat,lon,note\nTacna,-18,-70.3,ok\nArica,-18.4,-70.3,"sin cerrar\nIquique,-20,-70,x\n'
    )
    path = write(tmp_path, text, name="sitios.csv")
    with pytest.raises(ImportRefused) as caught:
        import_sites(store, path)
    assert caught.value.problems[0].startswith(f"{path}:3: row: a quote")
    assert store.sites() == []


# -- one stray byte in a UTF-8 file ------------------------------------------------------------
def test_a_windows_1252_byte_in_a_utf8_file_is_refused_with_its_line(post, tmp_path):
    lines = [HEADER] + [
        f"Línea de la Concordia,{d}/11/2025,assisted,{d},Niños" for d in range(10, 16)
    ]
    data = (
        "\r\n".join(lines).encode("utf-8")
        + b"\r\nTacna,20/11/2025,assisted,1,caf\xe9 \x93ok\x94\r\n"
    )
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    (problem,) = refused(post, path)
    assert problem.startswith(f"{path}:8: text: byte(s) 0xE9 0x93 0x94 are not UTF-8")


def test_each_line_with_bad_bytes_is_named(post, tmp_path):
    data = (
        (HEADER + "\nTacna,20/11/2025,assisted,1,Perú\n").encode()
        + b"Tacna,21/11/2025,assisted,1,x\xf1\nTacna,22/11/2025,assisted,1,ok\nTacna,23/11/2025,assisted,1,\xe1\n"
    )
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    problems = refused(post, path)
    assert [p.split(": text:")[0] for p in problems] == [f"{path}:3", f"{path}:5"]


def test_a_plain_windows_1252_file_is_still_read_as_such(post, tmp_path):
    text = HEADER + "\nLínea de la Concordia,20/11/2025,assisted,1,niños “solos”\n"
    path = write(tmp_path, text, encoding="cp1252")
    import_observations(post, path)
    (obs,) = post.observations()
    assert obs.note == "niños “solos”"


# -- formulas on export, exact round trip ------------------------------------------------------
FORMULA_NOTES = [
    "=1+1", "+54 9", "-3 personas", "@SUMA(A1)", "ver;=cmd|' /C calc'!A0;fin",
    "a,=HYPERLINK(\"x\")", "uno\t-dos", "linea\n=B1", "varios; +3", "espacio, =A1",
]  # fmt: skip


def cells_split_on(raw: str, sep: str) -> list[str]:
    return [cell for row in csv.reader(raw.splitlines(), delimiter=sep) for cell in row]


@pytest.mark.parametrize("note", FORMULA_NOTES)
def test_no_reader_separator_sees_a_formula_cell(post, tmp_path, note):
    site = post.sites()[0]
    post.add_observation(
        site_id=site.id, period_start="2025-11-19T13:00:00Z",
        period_end="2025-11-19T14:00:00Z", category="assisted", count=1, note=note,
    )  # fmt: skip
    path = tmp_path / "out.csv"
    export_observations(post, path)
    raw = path.read_text(encoding="utf-8-sig")
    for sep in (",", ";", "\t"):
        for cell in cells_split_on(raw, sep):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (sep, cell)


@pytest.mark.parametrize("note", ["'genuina", "''doble", "'=1", "normal", "a - b"])
def test_a_note_that_starts_with_a_quote_survives_the_round_trip(post, tmp_path, note):
    site = post.sites()[0]
    post.add_observation(
        site_id=site.id, period_start="2025-11-19T13:00:00Z",
        period_end="2025-11-19T14:00:00Z", category="assisted", count=1, note=note,
    )  # fmt: skip
    path = tmp_path / "out.csv"
    export_observations(post, path)
    fresh = Store.open(tmp_path / "fresh.db", operator="Luis")
    add_sites(fresh)
    import_observations(fresh, path)
    assert [o.note for o in fresh.observations()] == [note]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    notes=st.lists(
        st.text(
            st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from("'=+-@\t\r\n;,\""),
            max_size=30,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_export_then_import_gives_back_every_note_exactly(tmp_path_factory, notes):
    folder = tmp_path_factory.mktemp("trip")
    source = Store.open(folder / "a.db", operator="Ana")
    ids = add_sites(source)
    kept = []
    for i, note in enumerate(notes):
        obs = source.add_observation(
            site_id=ids["Tacna"], period_start=f"2025-11-{10 + i}T13:00:00Z",
            period_end=f"2025-11-{10 + i}T14:00:00Z", category="assisted", count=i,
            note=note, source=note,
        )  # fmt: skip
        kept.append(obs.note)
    path = folder / "out.csv"
    export_observations(source, path)
    target = Store.open(folder / "b.db", operator="Luis")
    add_sites(target)
    import_observations(target, path)
    got = {o.id: (o.note, o.source) for o in target.observations()}
    assert got == {o.id: (o.note, o.source) for o in source.observations()}
    source.close()
    target.close()


# -- an edited export imported again -----------------------------------------------------------
def test_an_edited_count_under_a_stored_id_is_a_conflict_not_already_present(post, tmp_path):
    site = post.sites()[0]
    for day, count in ((19, 10), (20, 20), (21, 30)):
        post.add_observation(
            site_id=site.id, period_start=f"2025-11-{day}T13:00:00Z",
            period_end=f"2025-11-{day}T14:00:00Z", category="assisted", count=count,
        )  # fmt: skip
    path = tmp_path / "out.csv"
    export_observations(post, path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    count_at = rows[0].index("count")
    edited_id = rows[2][0]
    rows[2][count_at] = "25"  # the second count, edited in the spreadsheet
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    (problem,) = refused(post, path)
    assert problem.startswith(f"{path}:3: id: {edited_id} is already stored with other content")
    assert "(count 25 here, 20 stored)" in problem
    # Put back as exported, every row is already present.
    rows[2][count_at] = "20"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    result = import_observations(post, path)
    assert (result.added, result.already_present) == (0, 3)


def test_a_count_of_thousands_of_digits_is_refused_with_its_length(tmp_path, store):
    from db.errors import ImportRefused
    from db.flows.csv_import import import_observations

    store.add_site(name="Tacna", kind="crossing", country="PE", lat=-18.0, lon=-70.2)
    path = tmp_path / "long.csv"
    path.write_text(f"site,start,category,count\nTacna,01/11/2025,assisted,{'9' * 5000}\n")
    with pytest.raises(ImportRefused) as refused:
        import_observations(store, path)
    assert refused.value.problems == [f"{path}:2: count: 5,000 characters is too long for a count"]


def test_a_folder_given_as_the_file_is_named_for_what_it_is(tmp_path, store):
    from db.errors import ImportRefused
    from db.flows.csv_import import import_observations

    with pytest.raises(ImportRefused) as refused:
        import_observations(store, tmp_path)
    assert refused.value.problems == [f"{tmp_path}: is a folder, not a file"]
