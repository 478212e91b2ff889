"""Whatever bytes arrive as an overlay file, the import refuses cleanly and writes nothing.

Longer hunts: ``SITUATION_ROOM_FUZZ_EXAMPLES=5000 pytest tests/db/test_overlay_fuzz.py``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import SituationRoomError
from db.geo.overlays import import_overlay, overlay_counts
from db.store.store import Store
from tests.overlay_samples import GOOGLE_EARTH_KML, kmz_bytes

EXAMPLES = int(os.environ.get("SITUATION_ROOM_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the worktree; failures print their example
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces of real KML and GeoJSON, recombined at random: closer to "almost valid" than noise.
KML_PIECES = [
    "<kml>",
    "</kml>",
    "<Document>",
    "</Document>",
    "<Folder>",
    "</Folder>",
    "<name>a</name>",
    "<Placemark>",
    "</Placemark>",
    "<Point>",
    "</Point>",
    "<coordinates>",
    "</coordinates>",
    "<LineString>",
    "</LineString>",
    "<Polygon>",
    "</Polygon>",
    "<outerBoundaryIs>",
    "</outerBoundaryIs>",
    "<LinearRing>",
    "</LinearRing>",
    "<MultiGeometry>",
    "</MultiGeometry>",
    "<styleUrl>#s</styleUrl>",
    '<Style id="s"><LineStyle><color>zz</color><width>-1e999</width></LineStyle></Style>',
    "1,2",
    "-70.1,-18.2,0",
    "200,300",
    "nan,inf",
    " ",
    "\n",
    ",",
    "<ExtendedData><Data name='k'><value>v</value></Data></ExtendedData>",
    "&amp;",
    "<![CDATA[x]]>",
]
JSON_PIECES = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"type"',
    '"Feature"',
    '"FeatureCollection"',
    '"features"',
    '"geometry"',
    '"coordinates"',
    '"Point"',
    '"Polygon"',
    '"MultiPolygon"',
    '"properties"',
    '"GeometryCollection"',
    '"geometries"',
    "null",
    "1",
    "-70.5",
    "1e400",
    "NaN",
    '"stroke"',
    '"#fff"',
    "true",
    "9" * 5000,
]


@pytest.fixture(scope="module")
def fuzz_store():
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "fuzz.db", operator="Fuzz")
        yield store, Path(folder)
        store.close()


def check_import(fuzz_store, suffix: str, data: bytes) -> None:
    store, folder = fuzz_store
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    before = overlay_counts(store)
    try:
        overlay = import_overlay(store, path)
    except SituationRoomError as exc:
        assert str(exc).strip()
        assert overlay_counts(store) == before
        assert not store.conn.in_transaction
    else:
        assert overlay.feature_count > 0


@FUZZ
@given(suffix=st.sampled_from([".kml", ".kmz", ".geojson", ".json"]), data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_never_write(fuzz_store, suffix, data):
    check_import(fuzz_store, suffix, data)


@FUZZ
@given(st.lists(st.sampled_from(KML_PIECES), max_size=60))
def test_kml_fragments_never_crash(fuzz_store, pieces):
    check_import(fuzz_store, ".kml", "".join(pieces).encode())


@FUZZ
@given(st.lists(st.sampled_from(JSON_PIECES), max_size=60))
def test_geojson_fragments_never_crash(fuzz_store, pieces):
    check_import(fuzz_store, ".geojson", "".join(pieces).encode())


@FUZZ
@given(position=st.integers(0, len(GOOGLE_EARTH_KML) - 1), junk=st.binary(min_size=1, max_size=8))
def test_damaged_real_kml_and_kmz_never_crash(fuzz_store, position, junk):
    raw = GOOGLE_EARTH_KML.encode()
    damaged = raw[:position] + junk + raw[position + len(junk) :]
    check_import(fuzz_store, ".kml", damaged)
    kmz = bytearray(kmz_bytes({"doc.kml": raw}))
    at = position % len(kmz)
    kmz[at : at + len(junk)] = junk
    check_import(fuzz_store, ".kmz", bytes(kmz))
