"""Hostile files through the command an operator runs: either it succeeds and the store changed
exactly as it reported, or it exits 1 saying so and every file — the database, the input and
anything beside them — is byte for byte what it was.

Inputs are generated (hypothesis): good files cut short, re-encoded, sprinkled with random
bytes, huge values and times that do not exist. Longer hunts:
``SITUATION_ROOM_FUZZ_EXAMPLES=2000 pytest tests/desktop/test_hostile_invariants.py``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from db.store.store import Store
from db.sync.exchange import export_bundle
from desktop.cli import main
from tests.csv_helpers import add_sites
from tests.overlay_samples import GOOGLE_EARTH_KML
from tests.sync_helpers import add_field_work

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("SITUATION_ROOM_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

GOOD_CSV = (
    "sitio;inicio;fin;categoría;cantidad;nota\r\n"
    "Tacna;20/11/2025;;Asistidos;7;primera\r\n"
    "Tacna;20/11/2025 08:00;20/11/2025 09:00;Cruce regular;1.234;Peñas\r\n"
    "Línea de la Concordia;2025-11-21T08:00-05:00;2025-11-21T10:00-05:00;rechazados;3;\r\n"
)
GOOD_SITES = (
    "nombre;tipo;latitud;longitud;fuente\r\n"
    "Puesto Palca;checkpoint;-17,78;-69,96;PNP\r\n"
    "Tacna;town;-18,01;-70,25;INEI\r\n"
)
GOOD_GEOJSON = json.dumps(
    {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Ruta", "stroke": "#ff0000"},
                "geometry": {"type": "LineString", "coordinates": [[-70.3, -18.0], [-70.2, -18.1]]},
            },
            {
                "type": "Feature",
                "properties": {"name": "Punto"},
                "geometry": {"type": "Point", "coordinates": [-70.25, -18.05]},
            },
        ],
    }
)
HOSTILE_CELLS = [
    "9" * 5000,
    "1e400",
    "-1",
    "06/09/2026 00:30",  # skipped by Chile's clocks (the post may be on its time)
    "04/04/2026 23:30",  # shown twice by them
    "2025-13-45T99:99:99Z",
    "0001-01-01",
    "31/12/9999 23:59",
    "\ud800",
    "=cmd|' /C calc'!A0",
    '"',
    "\x00",
    "x" * 3000,
]
HOSTILE_JSON = ["1e400", "-1e999", "9" * 5000, '"\\ud800"', "[[[[[[[[[[", "null", "{}", "NaN"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (the SQLite shared-memory index is not content)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse: usage
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def _count(db: Path, sql: str) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("template")
    post = Store.open(folder / "post.db", operator="Ana")
    add_sites(post)
    post.set_meta(timezone="America/Santiago")  # a post on Chile's time: hours skipped, repeated
    post.close()
    other = Store.open(folder / "other.db", operator="Beto")
    add_field_work(other, "B")
    bundle = export_bundle(other, folder / "bundle.zip").path
    other.close()
    return {"post": folder / "post.db", "bundle": bundle}


def _attempt(
    template: dict[str, Path],
    name: str,
    data: bytes,
    *command: str,
    check: Callable[[str, Callable[[str], int]], None],
) -> None:
    """Run ``command FILE --db POST`` on a fresh copy of the post. A refusal: exit 1, a closing
    line that says so, every file as it was. A success: ``check(stdout, count)`` asserts the
    store changed exactly as reported (``count(sql)`` reads the database)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "post.db"
        shutil.copyfile(template["post"], db)
        (folder / "beside.txt").write_bytes(b"another file of the post's folder\n")
        path = folder / name
        path.write_bytes(data)
        before = _snapshot(folder)
        code, out, err = _run(*command, str(path), "--db", str(db))
        assert "Traceback" not in err
        event(f"exit {code}")
        if code != 0:
            assert code == 1, err
            assert err.rstrip("\n").splitlines()[-1].startswith("situation-room: ")
            assert _snapshot(folder) == before
            return
        assert path.read_bytes() == data
        assert (folder / "beside.txt").read_bytes() == before["beside.txt"]
        check(out, lambda sql: _count(db, sql))


def _damaged(data: st.DataObject, good: bytes) -> bytes:
    """``good`` cut short, re-encoded, with bytes flipped or inserted, or a hostile value put
    in place of a piece of it."""
    how = data.draw(st.sampled_from(["cut", "flip", "insert", "encode", "value", "noise"]))
    raw = bytearray(good)
    at = data.draw(st.integers(0, len(raw) - 1))
    if how == "cut":
        return bytes(raw[:at])
    if how == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
        return bytes(raw)
    if how == "insert":
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=12))
        return bytes(raw)
    if how == "encode":
        text = good.decode("latin-1")  # a zip is bytes: read as one byte per character
        with contextlib.suppress(UnicodeDecodeError):
            text = good.decode("utf-8")
        codec = data.draw(st.sampled_from(["utf-16", "utf-16-be", "cp1252", "latin-1", "utf-32"]))
        return text.encode(codec, errors="replace")
    if how == "noise":
        return data.draw(st.binary(max_size=400))
    return good  # "value": the caller puts a hostile value in


def _with_value(data: st.DataObject, text: str, values: list[str], pattern: str) -> bytes:
    spots = [m.span() for m in re.finditer(pattern, text)]
    start, end = data.draw(st.sampled_from(spots))
    value = data.draw(st.sampled_from(values) | st.text(max_size=20))
    return (text[:start] + value + text[end:]).encode("utf-8", "surrogatepass")


@FUZZ
@given(data=st.data())
def test_counts_csv(template, data):
    raw = _damaged(data, GOOD_CSV.encode("utf-8"))
    if raw == GOOD_CSV.encode("utf-8"):
        raw = _with_value(data, GOOD_CSV, HOSTILE_CELLS, r"[^;\r\n]+")

    def check(out: str, count: Callable[[str], int]) -> None:
        added, present = map(int, re.search(r"(\d+) added, (\d+) already present", out).groups())
        assert count("SELECT count(*) FROM observations") == added and present == 0

    _attempt(template, "partes.csv", raw, "import", "observations", check=check)


@FUZZ
@given(data=st.data())
def test_sites_csv(template, data):
    raw = _damaged(data, GOOD_SITES.encode("utf-8"))
    if raw == GOOD_SITES.encode("utf-8"):
        raw = _with_value(data, GOOD_SITES, HOSTILE_CELLS, r"[^;\r\n]+")

    def check(out: str, count: Callable[[str], int]) -> None:
        new, changed, _same = map(
            int, re.search(r"(\d+) new, (\d+) changed, (\d+) unchanged", out).groups()
        )
        # Three sites were there; each new one adds a row, each change adds a version.
        assert count("SELECT count(*) FROM sites") == 3 + new + changed
        assert count("SELECT count(*) FROM current_sites") == 3 + new

    _attempt(template, "sitios.csv", raw, "import", "sites", check=check)


@FUZZ
@given(data=st.data(), kind=st.sampled_from(["geojson", "kml"]))
def test_overlays(template, data, kind):
    good = GOOD_GEOJSON if kind == "geojson" else GOOGLE_EARTH_KML
    raw = _damaged(data, good.encode("utf-8"))
    if raw == good.encode("utf-8"):
        if data.draw(st.booleans()):  # a coordinate: hostile, or one that is fine
            pattern = r"-?\d+\.\d+" if kind == "geojson" else r"-?\d+\.\d+(?=,)"
            values = [*HOSTILE_JSON, *HOSTILE_CELLS, "-70.5", "-18.25", "12", "-180", "90.0001"]
        else:  # a name: any text at all
            pattern = r'(?<="name": ")[^"]*' if kind == "geojson" else r"(?<=<name>)[^<]*"
            values = [*HOSTILE_CELLS, "Ruta \u200b", "&amp;", "<![CDATA[x]]>", "\u202e", "Peñas"]
        raw = _with_value(data, good, values, pattern)

    def check(out: str, count: Callable[[str], int]) -> None:
        features = int(re.search(r"\((\d+) features", out).group(1))
        assert count("SELECT count(*) FROM overlays") == 1
        assert count("SELECT count(*) FROM overlay_features") == features

    _attempt(template, f"capa.{kind}", raw, "import", "overlay", check=check)


@FUZZ
@given(data=st.data())
def test_bundles(template, data):
    good = template["bundle"].read_bytes()
    raw = _damaged(data, good)
    if raw == good and data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]  # truncated

    def check(out: str, count: Callable[[str], int]) -> None:
        added = int(re.search(r"added: (\d+) records?", out).group(1))
        records = sum(
            count(f"SELECT count(*) FROM {t}")
            for t in ("sites", "observations", "events", "milestones", "decrees", "voids")
        )
        assert records == 3 + added  # the post had its three sites

    _attempt(template, "paquete.zip", raw, "bundle", "import", check=check)
