"""Whatever a CSV file holds: never a crash (only ImportRefused), never a partial write."""

from __future__ import annotations

import csv
import io
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import ImportRefused
from db.flows.csv_import import import_observations
from db.store.store import Store
from tests.csv_helpers import add_sites, stored

HEADERS = [
    "site", "sitio", "start", "inicio", "end", "fin", "dirección", "category", "categoría",
    "count", "cantidad", "source", "note", "nationality", "adultos", "niños", "no acompañados",
    "id", "illustrative", "site_id", "start_local", "otra",
]  # fmt: skip
PLAUSIBLE = [
    "Tacna", "tacna", "LINEA DE LA CONCORDIA", "Lima", "", " ", "20/11/2025", "20/11/2025 08:00",
    "2025-11-21", "2025-11-20T08:00Z", "31/02/2025", "Varados", "stranded", "Cruce regular",
    "assisted", "Hacia Perú", "into_chile", "1.234", "12,5", "0", "-1", "7", "99999999", "sí",
    "x", str(uuid.UUID(int=1)), "'=1+1", '"', "\n", ";",
]  # fmt: skip

cells = st.one_of(st.sampled_from(PLAUSIBLE), st.text(max_size=12))


@pytest.fixture(scope="module")
def post(tmp_path_factory: pytest.TempPathFactory):
    store = Store.open(tmp_path_factory.mktemp("fuzz") / "post.db", operator="Ana")
    add_sites(store)
    yield store
    store.close()


def attempt(store: Store, data: bytes) -> None:
    """Import ``data``: all its rows are stored, or none and the file is refused."""
    before = stored(store)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_bytes(data)
        try:
            result = import_observations(store, path)
        except ImportRefused as exc:  # anything else fails the test
            assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
            assert stored(store) == before
            return
    after = stored(store)
    assert after[: len(before)] == before
    assert len(after) - len(before) == result.added
    assert result.added + result.already_present == result.lines


FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=600),
        st.binary(max_size=600).map(b"site;start;category;count\r\n".__add__),
        st.binary(max_size=600).map(b"\xef\xbb\xbfsitio,inicio,categoria,cantidad\n".__add__),
    )
)
def test_arbitrary_bytes(post, data):
    attempt(post, data)


@FUZZ
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(cells, max_size=9), max_size=6),
    separator=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_arbitrary_cells(post, header, rows, separator, encoding):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    attempt(post, out.getvalue().encode(encoding, errors="replace"))


def column(*good: str):
    # Mostly values that fit the column, sometimes anything at all.
    return st.one_of(st.sampled_from(good), st.sampled_from(good), st.sampled_from(good), cells)


ROW = st.tuples(
    column("Tacna", "tacna", "LINEA DE LA CONCORDIA", "Complejo Santa Rosa"),
    column("20/11/2025", "21-11-2025", "2025-11-22", "20/11/2025 08:00"),
    column("", "", "23/11/2025", "2025-11-23T08:00-05:00"),
    column("Cruce regular", "assisted", "rechazados", "Detenidos", "Varados"),
    column("0", "7", "1.234", "1 234", "25"),
)


@FUZZ
@given(rows=st.lists(ROW, min_size=1, max_size=4))
def test_mostly_valid_files(post, rows):
    # A fixed good header and cells that mostly fit: some files are accepted, some refused.
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["sitio", "inicio", "fin", "categoría", "cantidad"])
    writer.writerows(rows)
    attempt(post, out.getvalue().encode("cp1252", errors="replace"))


def test_some_fuzzed_files_are_accepted(post):
    # The fuzz above must reach the writing path too, not only refusals.
    data = "sitio;inicio;fin;categoría;cantidad\r\nTacna;20/11/2025;;assisted;7\r\n"
    attempt(post, data.encode())
    assert any(row[6] == 7 for row in stored(post))
