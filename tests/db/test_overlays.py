"""Importing field maps: KML and KMZ as Google Earth saves them, GeoJSON, and broken files."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from db.errors import ImportRefused, InvalidRecord, NotCurrent, RecordNotFound
from db.geo.overlays import (
    Feature,
    Style,
    import_overlay,
    overlay_counts,
    overlay_features,
    overlays,
    remove_overlay,
)
from tests.overlay_samples import (
    ALL_GEOMETRIES_GEOJSON,
    GOOGLE_EARTH_KML,
    geojson_bytes,
    kml_with_placemark,
    kmz_bytes,
)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def by_name(features: list[Feature], name: str) -> list[Feature]:
    return [f for f in features if f.name == name]


def refused(store, path: Path) -> str:
    """Import ``path`` expecting a refusal; check nothing was stored; return the message."""
    before = overlay_counts(store)
    with pytest.raises(ImportRefused) as info:
        import_overlay(store, path)
    assert overlay_counts(store) == before
    assert (
        store.conn.execute("SELECT count(*) FROM overlay_features").fetchone()[0]
        == (before["overlay_features"])
    )
    return str(info.value)


# --- KML as Google Earth saves it ------------------------------------------------------------
@pytest.fixture
def ge_overlay(store, tmp_path):
    overlay = import_overlay(store, write(tmp_path, "Tacna campo.kml", GOOGLE_EARTH_KML))
    return overlay, overlay_features(store, overlay.id)


def test_google_earth_kml_is_stored_as_a_named_layer(store, ge_overlay):
    overlay, features = ge_overlay
    assert overlay.name == "Tacna campo"
    assert overlay.source_file == "Tacna campo.kml"
    # 2 points + 1 line + multigeometry (polygon, point, line) + 1 polygon; the placemark
    # without geometry and the network link are skipped, not drawn.
    assert overlay.feature_count == len(features) == 7
    assert overlay.skipped == 2
    assert [o.id for o in overlays(store)] == [overlay.id]
    assert overlay.bbox == pytest.approx((-70.40, -18.20, -70.2212, -18.0011))


def test_folder_path_is_kept_below_the_document(ge_overlay):
    _, features = ge_overlay
    assert by_name(features, "Albergue Pocollay")[0].folder == "Zona fronteriza / Albergues"
    assert by_name(features, "Ruta de evacuación")[0].folder == "Zona fronteriza"


def test_point_coordinates_name_description_and_extended_data(ge_overlay):
    _, features = ge_overlay
    (shelter,) = by_name(features, "Albergue Pocollay")
    assert shelter.geometry_type == "Point"
    assert shelter.coords == ((-70.2212, -18.0011),)
    assert shelter.properties["description"] == "<b>Capacidad</b> 120 personas"
    assert shelter.properties["capacidad"] == "120"
    assert shelter.properties["contacto"] == "Cruz Roja"
    (post,) = by_name(features, "Puesto de salud")
    assert post.coords == ((-70.2501, -18.0123),)  # "lon, lat" with a space is read too
    assert post.properties == {
        "when": "2025-11-30T14:00:00Z",
        "responsable": "MINSA",
        "capacidad": "30",
    }


def test_stylemap_normal_pair_gives_line_colour_and_width(ge_overlay):
    _, features = ge_overlay
    (route,) = by_name(features, "Ruta de evacuación")
    assert route.geometry_type == "LineString"
    assert route.coords == ((-70.3228, -18.1503), (-70.30, -18.12), (-70.28, -18.08))
    # KML ff0000ff is aabbggrr: opaque red.
    assert route.style == Style(stroke="#ff0000", stroke_alpha=1.0, width=4.0)


def test_point_styles_from_cascading_style_and_inline_style(ge_overlay):
    _, features = ge_overlay
    assert by_name(features, "Albergue Pocollay")[0].style.stroke == "#ff0014"
    post = by_name(features, "Puesto de salud")[0].style
    assert (post.stroke, post.stroke_alpha) == ("#00ff00", pytest.approx(0.502, abs=0.001))


def test_multigeometry_is_exploded_into_parts_sharing_properties(ge_overlay):
    _, features = ge_overlay
    parts = by_name(features, "Zona de espera")
    assert [p.geometry_type for p in parts] == ["Polygon", "Point", "LineString"]
    assert all(p.properties == {"turno": "noche"} for p in parts)
    assert len({p.id for p in parts}) == 3


def test_polygon_with_hole_keeps_outer_and_inner_rings_and_fill(ge_overlay):
    _, features = ge_overlay
    polygon = by_name(features, "Zona de espera")[0]
    outer, hole = polygon.coords
    assert outer[0] == outer[-1] == (-70.33, -18.16)
    assert len(outer) == 5
    assert hole[0] == (-70.325, -18.155) and len(hole) == 4
    assert polygon.style.fill == "#00ff00"
    assert polygon.style.fill_alpha == pytest.approx(0x4D / 255, abs=0.001)
    assert polygon.style.stroke == "#00aa00"


def test_unfilled_polygon_and_an_open_ring_is_closed(ge_overlay):
    _, features = ge_overlay
    (open_ring,) = by_name(features, "Sin relleno")
    (ring,) = open_ring.coords
    assert ring[0] == ring[-1] and len(ring) == 4
    assert open_ring.style.fill is None
    assert open_ring.style.stroke == "#000000"


def test_kmz_from_google_earth_reads_doc_kml(store, tmp_path):
    data = kmz_bytes(
        {"files/icon.png": b"\x89PNG fake icon", "doc.kml": GOOGLE_EARTH_KML.encode("utf-8")}
    )
    overlay = import_overlay(store, write(tmp_path, "campo.kmz", data), name="Campo Tacna")
    assert overlay.name == "Campo Tacna"
    assert overlay.feature_count == 7
    assert overlay.source_file == "campo.kmz"


def test_kmz_without_doc_kml_uses_the_first_kml(store, tmp_path):
    kml = kml_with_placemark("<Point><coordinates>-70.1,-18.1</coordinates></Point>")
    data = kmz_bytes({"readme.txt": b"hola", "capa.kml": kml.encode(), "otra.kml": b"<kml/>"})
    overlay = import_overlay(store, write(tmp_path, "capa.kmz", data))
    assert overlay_features(store, overlay.id)[0].coords == ((-70.1, -18.1),)


def test_gx_track_becomes_a_line(store, tmp_path):
    track = (
        "<gx:Track xmlns:gx='http://www.google.com/kml/ext/2.2'>"
        "<when>2025-11-30T10:00:00Z</when><when>2025-11-30T10:05:00Z</when>"
        "<gx:coord>-70.3 -18.1 0</gx:coord><gx:coord>-70.2 -18.0 0</gx:coord></gx:Track>"
    )
    overlay = import_overlay(store, write(tmp_path, "track.kml", kml_with_placemark(track)))
    (line,) = overlay_features(store, overlay.id)
    assert (line.geometry_type, line.coords) == ("LineString", ((-70.3, -18.1), (-70.2, -18.0)))


# --- GeoJSON ---------------------------------------------------------------------------------
def test_geojson_with_every_geometry_type(store, tmp_path):
    path = write(tmp_path, "capas.geojson", geojson_bytes(ALL_GEOMETRIES_GEOJSON))
    overlay = import_overlay(store, path)
    features = overlay_features(store, overlay.id)
    kinds = [f.geometry_type for f in features]
    assert kinds == ["Point"] * 3 + ["LineString"] * 3 + ["Polygon"] * 3 + ["Point", "LineString"]
    assert overlay.skipped == 1  # the feature with a null geometry
    tacna = features[0]
    assert tacna.coords == ((-70.25, -18.01),)  # altitude dropped
    assert tacna.properties["poblacion"] == 300000
    assert tacna.properties["id"] == "p1"
    assert tacna.style.stroke == "#0000ff"
    road = by_name(features, "Panamericana")[0]
    assert (road.style.stroke, road.style.width) == ("#ff8800", 5.0)
    assert len(by_name(features, "Trochas")) == 2
    holed = by_name(features, "Zona con hueco")[0]
    assert len(holed.coords) == 2
    assert (holed.style.fill, holed.style.fill_alpha) == ("#00ff00", 0.3)
    assert holed.properties["nested"] == {"a": [1, 2]}
    multi = [f for f in features if f.geometry_type == "Polygon" and not f.name]
    assert len(multi) == 2 and all(f.properties == {} for f in multi)


def test_bare_geometry_and_single_feature(store, tmp_path):
    geometry = {"type": "LineString", "coordinates": [[-70.0, -18.0], [-70.1, -18.1]]}
    one = import_overlay(store, write(tmp_path, "linea.json", geojson_bytes(geometry)))
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}
    two = import_overlay(store, write(tmp_path, "punto.geojson", geojson_bytes(feature)))
    assert overlay_features(store, one.id)[0].geometry_type == "LineString"
    assert overlay_features(store, two.id)[0].coords == ((1.0, 2.0),)


# --- removal, history, status ----------------------------------------------------------------
def test_removing_an_overlay_keeps_it_in_history(store, ge_overlay):
    overlay, features = ge_overlay
    void = remove_overlay(store, overlay.id, "capa desactualizada")
    assert overlays(store) == []
    assert [o.id for o in overlays(store, include_removed=True)] == [overlay.id]
    assert void.record_kind == "overlay" and void.reason == "capa desactualizada"
    assert void.entered_by == "Tester"
    assert overlay_features(store, overlay.id) == features  # still readable for the history
    assert overlay_counts(store) == {"overlays": 0, "overlay_features": 0}
    with pytest.raises(NotCurrent):
        remove_overlay(store, overlay.id, "otra vez")


def test_removal_needs_a_known_overlay_and_a_reason(store, ge_overlay):
    overlay, _ = ge_overlay
    with pytest.raises(InvalidRecord):
        remove_overlay(store, overlay.id, "  ")
    with pytest.raises(RecordNotFound):
        remove_overlay(store, "no-such-id", "x")
    with pytest.raises(RecordNotFound):
        overlay_features(store, "no-such-id")
    assert [o.id for o in overlays(store)] == [overlay.id]


def test_import_is_attributed_and_announced_after_commit(store, tmp_path):
    heard: list[int] = []
    store.subscribe(lambda: heard.append(overlay_counts(store)["overlays"]))
    overlay = import_overlay(store, write(tmp_path, "a.kml", GOOGLE_EARTH_KML))
    row = store.conn.execute("SELECT * FROM overlays WHERE id = ?", (overlay.id,)).fetchone()
    assert (row["entered_by"], row["station"]) == ("Tester", store.station_id)
    assert heard == [1]


def test_status_json_counts_overlays(store, tmp_path):
    from db.clock import utc_now
    from db.status import status

    import_overlay(store, write(tmp_path, "a.kml", GOOGLE_EARTH_KML))
    counts = status(store, utc_now(), exercise=False)["counts"]
    assert counts["overlays"] == 1 and counts["overlay_features"] == 7
    assert counts["events"] == 0


def test_a_version_1_database_gains_the_overlay_tables(tmp_path):
    from db.store.schema import APPLICATION_ID, MIGRATIONS
    from db.store.store import Store

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    store = Store.open(path, operator="Tester")
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert overlays(store) == []
    finally:
        store.close()


# --- broken files: a clear message, nothing stored -------------------------------------------
def test_malformed_xml_names_file_and_line(store, tmp_path):
    text = GOOGLE_EARTH_KML.replace("<name>Ruta de evacuación</name>", "<name>Ruta</nombre>")
    message = refused(store, write(tmp_path, "roto.kml", text))
    line = GOOGLE_EARTH_KML.splitlines().index("\t\t\t<name>Ruta de evacuación</name>") + 1
    assert f"roto.kml:{line}: not well-formed XML" in message


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE kml [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<kml><Placemark><name>&lol9;</name><Point><coordinates>1,1</coordinates></Point></Placemark></kml>
"""


def test_entity_expansion_bomb_is_refused(store, tmp_path):
    message = refused(store, write(tmp_path, "lol.kml", BILLION_LAUGHS))
    assert "entities" in message and "lol.kml" in message


def test_external_entity_is_refused_and_never_read(store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = (
        f'<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        "<kml><Placemark><name>&xxe;</name><Point><coordinates>1,1</coordinates></Point>"
        "</Placemark></kml>"
    )
    message = refused(store, write(tmp_path, "xxe.kml", xxe))
    assert "TOP-SECRET" not in message
    assert "xxe.kml" in message


def test_zip_bomb_kmz_is_refused_before_unpacking(store, tmp_path):
    # 10 MB of blanks packs into ~10 kB: under the size limit, far over any text's ratio.
    bomb = b"<kml>" + b" " * (10 * 1024 * 1024) + b"</kml>"
    message = refused(store, write(tmp_path, "bomba.kmz", kmz_bytes({"doc.kml": bomb})))
    assert "zip bomb" in message and "bomba.kmz!doc.kml" in message


def test_kmz_whose_header_lies_about_its_size_is_refused(store, tmp_path):
    kml = kml_with_placemark("<Point><coordinates>1,1</coordinates></Point>") + " " * 5000
    data = bytearray(kmz_bytes({"doc.kml": kml.encode()}))
    real = len(kml).to_bytes(4, "little")
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature) + offset
        assert data[at : at + 4] == real
        data[at : at + 4] = (100).to_bytes(4, "little")  # claims 100 bytes
    message = refused(store, write(tmp_path, "miente.kmz", bytes(data)))
    assert "miente.kmz!doc.kml" in message


def test_kmz_with_too_many_entries_is_refused(store, tmp_path):
    entries = {f"img/{i}.png": b"" for i in range(2001)}
    entries["doc.kml"] = b"<kml/>"
    message = refused(store, write(tmp_path, "muchos.kmz", kmz_bytes(entries, zipfile.ZIP_STORED)))
    assert "more than 2000 files" in message


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("vacio.kml", b"", "the file is empty"),
        ("blanco.geojson", b"  \n ", "the file is empty"),
        ("vacio.geojson", b'{"type": "FeatureCollection", "features": []}', "nothing to draw"),
        (
            "solo_notas.kml",
            b"<kml><Document><Placemark><name>x</name></Placemark></Document></kml>",
            "nothing to draw",
        ),
        ("no_zip.kmz", b"PK not really", "not a KMZ file"),
        ("sin_kml.kmz", kmz_bytes({"a.txt": b"x"}), "holds no .kml document"),
        ("ruta.gpx.kml", b"<gpx version='1.1'><wpt lat='1' lon='2'/></gpx>", "not a KML file"),
        ("texto.geojson", b"{type: nope", ":1: not valid JSON"),
        ("latin1.geojson", '{"name": "Peñas"}'.encode("latin-1"), "not UTF-8"),
        ("lista.geojson", b"[1, 2]", "not GeoJSON"),
        ("capa.shp", b"\x00\x00\x27\x0a", "unknown overlay format '.shp'"),
    ],
)
def test_broken_files_get_a_clear_message(store, tmp_path, name, data, expected):
    message = refused(store, write(tmp_path, name, data))
    assert expected in message
    assert name in message


def test_latitude_200_is_refused_with_its_line(store, tmp_path):
    kml = kml_with_placemark("<Point>\n<coordinates>\n-70.1,200,0\n</coordinates></Point>", "Malo")
    message = refused(store, write(tmp_path, "lat.kml", kml))
    assert "lat.kml:6: Placemark 'Malo': coordinates: latitude 200 is outside -90..90" in message


def test_geojson_latitude_200_names_the_feature(store, tmp_path):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-70, -18]}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-70, 200]}},
        ],
    }
    message = refused(store, write(tmp_path, "lat.geojson", geojson_bytes(doc)))
    assert "lat.geojson: feature 2: geometry: Point: latitude 200 is outside -90..90" in message


def test_unknown_geojson_geometry_is_refused(store, tmp_path):
    doc = {"type": "Feature", "geometry": {"type": "Circle", "coordinates": [0, 0], "radius": 5}}
    message = refused(store, write(tmp_path, "circulo.geojson", geojson_bytes(doc)))
    assert "feature 1: geometry: unknown type 'Circle'" in message


def test_projected_geojson_is_refused_with_advice(store, tmp_path):
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32719"}},
        "features": [],
    }
    message = refused(store, write(tmp_path, "utm.geojson", geojson_bytes(doc)))
    assert "EPSG:4326" in message


def test_every_bad_placemark_is_listed_and_good_ones_are_not_stored(store, tmp_path):
    good = "<Placemark><name>ok</name><Point><coordinates>1,1</coordinates></Point></Placemark>"
    bad1 = "<Placemark><name>b1</name><Point><coordinates>x,y</coordinates></Point></Placemark>"
    bad2 = "<Placemark><name>b2</name><LineString><coordinates>1,1</coordinates></LineString></Placemark>"
    kml = f"<kml><Document>\n{good}\n{bad1}\n{bad2}\n</Document></kml>"
    with pytest.raises(ImportRefused) as info:
        import_overlay(store, write(tmp_path, "mix.kml", kml))
    assert [p.removeprefix(f"{tmp_path}/") for p in info.value.problems] == [
        "mix.kml:3: Placemark 'b1': coordinates: 'x,y' is not a pair of numbers",
        "mix.kml:4: Placemark 'b2': a line needs at least two positions",
    ]
    assert overlays(store) == []


def test_files_over_the_size_limit_are_refused_unread(store, tmp_path):
    path = tmp_path / "enorme.kml"
    with path.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: no 51 MB written
    message = refused(store, path)
    assert "larger than the 50 MB limit" in message


def test_missing_file(store, tmp_path):
    assert "no such file" in refused(store, tmp_path / "no.kml")


def test_overlay_name_too_long_is_refused(store, tmp_path):
    with pytest.raises(InvalidRecord):
        import_overlay(store, write(tmp_path, "a.kml", GOOGLE_EARTH_KML), name="x" * 201)
    assert overlays(store) == []


def test_stored_geometry_is_plain_lon_lat_json(store, ge_overlay):
    overlay, _ = ge_overlay
    rows = store.conn.execute(
        "SELECT geometry_type, geometry FROM overlay_features WHERE overlay_id = ? ORDER BY seq",
        (overlay.id,),
    ).fetchall()
    assert json.loads(rows[0]["geometry"]) == [[-70.2212, -18.0011]]


def test_kmz_of_a_zip_version_we_cannot_read_is_refused(store, tmp_path):
    # Found by the fuzz test: zipfile raises NotImplementedError, not BadZipFile, here.
    data = bytearray(kmz_bytes({"doc.kml": GOOGLE_EARTH_KML.encode()}))
    at = data.index(b"PK\x01\x02") + 6  # "version needed to extract"
    data[at : at + 2] = (64).to_bytes(2, "little")
    assert "cannot read" in refused(store, write(tmp_path, "nueva.kmz", bytes(data)))


def test_polygon_without_outline_keeps_its_fill_and_a_sibling_line_stays_visible(store, tmp_path):
    style = (
        "<Style><LineStyle><color>ff0000ff</color></LineStyle>"
        "<PolyStyle><color>80ff0000</color><outline>0</outline></PolyStyle></Style>"
    )
    geometry = (
        f"{style}<MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>"
        "0,0 1,0 1,1 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon>"
        "<LineString><coordinates>0,0 2,2</coordinates></LineString></MultiGeometry>"
    )
    overlay = import_overlay(store, write(tmp_path, "borde.kml", kml_with_placemark(geometry)))
    polygon, line = overlay_features(store, overlay.id)
    assert polygon.style.stroke_alpha == 0.0
    assert (polygon.style.fill, polygon.style.fill_alpha) == (
        "#0000ff",
        pytest.approx(0.502, abs=0.001),
    )
    assert (line.style.stroke, line.style.stroke_alpha) == ("#ff0000", 1.0)


def test_kml_in_latin1_with_its_declaration_is_read(store, tmp_path):
    kml = kml_with_placemark("<Point><coordinates>-70.2,-18.0</coordinates></Point>", "Peñas")
    kml = kml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    overlay = import_overlay(store, write(tmp_path, "viejo.kml", kml.encode("latin-1")))
    assert overlay_features(store, overlay.id)[0].name == "Peñas"
