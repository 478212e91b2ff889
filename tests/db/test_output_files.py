"""Files the app writes: the one rule for where (check_output_path) and the one way how
(atomic_output: whole or not at all, checked before it replaces anything)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from db.safety.complete import (
    csv_rows,
    geojson_features,
    kml_placemarks,
    pdf_problem,
    png_problem,
    zip_problem,
)
from db.safety.output import OutputNotWritten, OutputRefused, atomic_output, check_output_path
from db.store.store import Store
from tests.output_targets import KINDS, leftovers, make, state


@pytest.fixture
def post(tmp_path):
    """A post database open for writing, with an entry still in its -wal."""
    store = Store.open(tmp_path / "post.db", operator="Ana")
    store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)
    yield store
    store.close()


@pytest.mark.parametrize("kind", KINDS)
def test_the_rule_refuses_every_place_a_file_must_not_go(post, tmp_path, kind):
    target = make(kind, tmp_path, post.path, ".csv")
    before = state(target)
    with (
        pytest.raises(OutputRefused) as refused,
        atomic_output(target, database=post.path) as tmp,
    ):
        tmp.write_text("would replace it")
    message = str(refused.value)
    assert str(target) in message and "\n" not in message
    assert state(target) == before
    assert leftovers(tmp_path) == []
    assert [s.name for s in post.sites()] == ["Santa Rosa"]


def test_the_database_side_files_and_backups_are_refused_even_before_they_exist(post, tmp_path):
    (tmp_path / "backups").mkdir()
    for name in ("post.db-shm", "post.db-journal", "backups/post-20251201T130000.000Z.db"):
        with pytest.raises(OutputRefused, match="this database"):
            check_output_path(tmp_path / name, database=post.path)


def test_another_databases_wal_is_refused_without_being_told_which_database(post, tmp_path):
    with pytest.raises(OutputRefused, match="belongs to the database"):
        check_output_path(post.path.with_name("post.db-wal"))


def test_a_new_file_and_an_old_export_are_written(tmp_path):
    fresh = tmp_path / "nuevo.csv"
    old = tmp_path / "viejo.csv"
    old.write_text("a,b\n1,2\n")
    for target in (fresh, old):
        with atomic_output(target, verify=csv_rows(1)) as tmp:
            tmp.write_text("x,y\n3,4\n")
        assert target.read_text() == "x,y\n3,4\n"
    assert leftovers(tmp_path) == []


# -- a file that does not read back whole replaces nothing ----------------------------------
def _pdf(whole: bool) -> bytes:
    body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    return body + (b"trailer\n<< /Root 1 0 R >>\n%%EOF\n" if whole else b"")


def _png(whole: bool) -> bytes:
    from base64 import b64decode

    one_pixel = b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    return one_pixel if whole else one_pixel[:-12]


def _zip(whole: bool) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("records.jsonl", '{"table": "sites"}\n' * 200)
    data = buffer.getvalue()
    return data if whole else data[: len(data) // 2]


def _csv(whole: bool) -> bytes:
    rows = "fecha,total\r\n" + "".join(f"2025-12-{d:02d},{d}\r\n" for d in range(1, 11))
    return (rows if whole else rows[: len(rows) // 2]).encode("utf-8-sig")


def _geojson(whole: bool) -> bytes:
    point = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-70.3, -18.3]}}
    text = json.dumps({"type": "FeatureCollection", "features": [point] * 3})
    return (text if whole else text[:-20]).encode()


def _kml(whole: bool) -> bytes:
    text = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        + "<Placemark><name>Santa Rosa</name></Placemark>" * 3
        + "</Document></kml>"
    )
    return (text if whole else text[:-30]).encode()


KINDS_OF_FILE = {
    "pdf": (pdf_problem, _pdf),
    "png": (png_problem, _png),
    "zip": (zip_problem, _zip),
    "csv": (csv_rows(10), _csv),
    "geojson": (geojson_features(3), _geojson),
    "kml": (kml_placemarks(3), _kml),
}


@pytest.mark.parametrize("kind", KINDS_OF_FILE)
def test_a_file_cut_short_leaves_the_old_one_byte_for_byte(tmp_path, kind):
    verify, content = KINDS_OF_FILE[kind]
    target = tmp_path / f"informe.{kind}"
    target.write_bytes(b"yesterday's file")
    with (
        pytest.raises(OutputNotWritten, match="failed its check") as failed,
        atomic_output(target, verify=verify) as tmp,
    ):
        tmp.write_bytes(content(whole=False))
    assert "\n" not in str(failed.value) and str(target) in str(failed.value)
    assert target.read_bytes() == b"yesterday's file"
    assert leftovers(tmp_path) == []

    with atomic_output(target, verify=verify) as tmp:  # the same check passes a whole file
        tmp.write_bytes(content(whole=True))
    assert target.read_bytes() == content(whole=True)


def test_a_write_error_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "eventos.geojson"
    target.write_bytes(b"old")
    with (
        pytest.raises(OutputNotWritten, match="No space left on device"),
        atomic_output(target) as tmp,
    ):
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")
    # Any other failure passes through, cleaned up the same.
    with pytest.raises(KeyError), atomic_output(target):
        raise KeyError("bug")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
