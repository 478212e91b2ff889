"""Whatever file is handed in as a bundle: never a crash, never a partial write."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import SituationRoomError
from db.store.store import Store
from db.sync.exchange import export_bundle, import_bundle
from tests.sync_helpers import add_field_work, picture, read_parts, rebuild, snapshot

ZIP_MAGIC = b"PK\x03\x04"


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A small valid bundle, and what an empty station shows after importing it."""
    folder = tmp_path_factory.mktemp("fuzz")
    a = Store.open(folder / "a.db", operator="Ana")
    add_field_work(a, "A")
    path = export_bundle(a, folder / "good.zip").path
    a.close()
    b = Store.open(folder / "b.db", operator="Beto")
    import_bundle(b, path)
    expected = picture(b)
    b.close()
    return {"bytes": path.read_bytes(), "picture": expected}


def _import(data: bytes) -> tuple[Exception | None, dict, dict, dict]:
    """Import ``data`` into a new empty station: (error, before, after, picture after)."""
    with tempfile.TemporaryDirectory() as folder:
        bundle = Path(folder) / "in.zip"
        bundle.write_bytes(data)
        store = Store.open(Path(folder) / "b.db", operator="Beto")
        try:
            before = snapshot(store)
            try:
                import_bundle(store, bundle)
                error = None
            except SituationRoomError as exc:  # anything else fails the test
                error = exc
            return error, before, snapshot(store), picture(store)
        finally:
            store.close()


@pytest.mark.slow
@settings(
    max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.one_of(st.binary(max_size=2000), st.binary(max_size=2000).map(ZIP_MAGIC.__add__)))
def test_arbitrary_bytes_are_refused_cleanly(data):
    error, before, after, _ = _import(data)
    assert error is not None
    assert after == before


@pytest.mark.slow
@settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_damaged_bundle_is_refused_or_imports_exactly(good, data):
    raw = bytearray(good["bytes"])
    how = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if how == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        raw = raw[:at]
    else:
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    error, before, after, shown = _import(bytes(raw))
    if error is not None:
        assert after == before
    else:  # a byte no check depends on (a zip timestamp, a comment): the import is exact
        assert shown == good["picture"]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text()
    | st.sampled_from(["NaN", "1e400", "\ud800", "2025-12-01T12:00:00", "-0", "9" * 5000]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=5,
)


@pytest.mark.slow
@settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_value_in_any_field_is_checked_not_crashed_on(good, data):
    """A well-formed, correctly hashed bundle whose one field holds anything JSON can hold."""
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "good.zip"
        src.write_bytes(good["bytes"])
        lines = read_parts(src)[1].decode().splitlines()
        n = data.draw(st.integers(0, len(lines) - 1))
        item = json.loads(lines[n])
        field = data.draw(st.sampled_from(sorted(item["row"]) + ["extra"]))
        item["row"][field] = data.draw(JSON_VALUES)
        lines[n] = json.dumps(item, ensure_ascii=data.draw(st.booleans()))
        try:
            text = "\n".join(lines).encode("utf-8")
        except UnicodeEncodeError:
            text = "\n".join(lines).encode("utf-8", "surrogatepass")
        edited = rebuild(src, Path(folder) / "edited.zip", records=lambda _: text)
        error, before, after, _ = _import(edited.read_bytes())
    if error is not None:
        assert after == before
