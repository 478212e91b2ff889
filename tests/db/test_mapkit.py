"""Map kits built from two small OpenStreetMap extracts that share the border (no Qt)."""

from __future__ import annotations

import sqlite3
import struct

import pytest

from db.errors import MapKitUnavailable, SituationRoomError
from db.geo.mapkit.bbox import parse_bbox
from db.geo.mapkit.build import build
from db.geo.mapkit.geometry import decode
from db.geo.mapkit.gpkg import register_functions
from db.geo.mapkit.kit import open_kit
from db.geo.mapkit.layers import ATTRIBUTION
from tests.mapkit_osm import BOX, write_chile, write_extract, write_peru


@pytest.fixture
def kit_path(tmp_path):
    out = tmp_path / "tacna-arica.gpkg"
    build([write_peru(tmp_path), write_chile(tmp_path)], parse_bbox(BOX), out)
    return out


def rows(path, sql, *params):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def test_the_kit_is_a_geopackage_with_the_standard_tables(kit_path):
    assert rows(kit_path, "PRAGMA application_id") == [(0x47504B47,)]
    tables = {r[0] for r in rows(kit_path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"gpkg_spatial_ref_sys", "gpkg_contents", "gpkg_geometry_columns",
            "gpkg_extensions", "gpkg_metadata", "gpkg_metadata_reference"} <= tables  # fmt: skip
    srs = {r[0] for r in rows(kit_path, "SELECT srs_id FROM gpkg_spatial_ref_sys")}
    assert srs == {-1, 0, 4326}
    layers = dict(
        rows(kit_path, "SELECT table_name, geometry_type_name FROM gpkg_geometry_columns")
    )
    assert layers == {
        "roads": "MULTILINESTRING",
        "railways": "MULTILINESTRING",
        "waterways": "MULTILINESTRING",
        "water": "MULTIPOLYGON",
        "landuse": "MULTIPOLYGON",
        "boundaries": "MULTIPOLYGON",
        "places": "POINT",
        "points": "POINT",
    }
    indexed = rows(
        kit_path,
        "SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'",
    )
    assert {r[0] for r in indexed} == set(layers)


def test_roads_keep_their_names_refs_and_classes(kit_path):
    roads = {r[0]: r[1:] for r in rows(kit_path, "SELECT name, class, ref FROM roads")}
    assert roads["Panamericana Sur"] == ("trunk", "PE-1S")
    assert roads["Ruta 5"] == ("trunk", "5")
    assert rows(kit_path, "SELECT class FROM railways") == [("rail",)]
    assert rows(kit_path, "SELECT name, class FROM waterways") == [("Río Caplina", "river")]
    assert rows(kit_path, "SELECT name, admin_level FROM boundaries") == [("Tacna", 8)]
    places = set(rows(kit_path, "SELECT name, class, population FROM places"))
    assert places == {("Tacna", "city", 300000), ("Arica", "city", 220000)}
    points = set(rows(kit_path, "SELECT name, class FROM points"))
    assert ("Complejo Santa Rosa", "border_control") in points
    assert ("Complejo Chacalluta", "border_control") in points
    assert ("Hospital Hipólito Unanue", "hospital") in points


def test_a_way_in_both_extracts_is_stored_once(kit_path):
    assert rows(kit_path, "SELECT count(*) FROM roads WHERE osm_id = 300") == [(1,)]
    assert rows(kit_path, "SELECT count(*) FROM railways WHERE osm_id = 400") == [(1,)]


def test_roads_meeting_at_the_border_share_the_border_point(kit_path):
    (peru,), (chile,) = (
        rows(kit_path, "SELECT geom FROM roads WHERE ref = ?", ref)[0] for ref in ("PE-1S", "5")
    )
    peru_end = decode(peru).geoms[-1].coords[-1]
    chile_start = decode(chile).geoms[0].coords[0]
    assert peru_end == chile_start == (-70.33, -18.35)


def test_features_are_clipped_to_the_box(kit_path):
    names = {r[0] for r in rows(kit_path, "SELECT name FROM roads")}
    assert "Lejos" not in names  # wholly outside
    (blob,) = rows(kit_path, "SELECT geom FROM roads WHERE name = 'Costanera'")[0]
    minx, _miny, _maxx, _maxy = decode(blob).bounds
    assert minx == pytest.approx(-70.6)  # cut at the western edge, not at -70.8


def test_the_rtree_answers_a_box_query(kit_path):
    # Around the Santa Rosa crossing: the two trunk roads meet there, the primary road is east.
    found = rows(
        kit_path,
        "SELECT r.name FROM roads r JOIN rtree_roads_geom i ON i.id = r.fid "
        "WHERE i.maxx >= ? AND i.minx <= ? AND i.maxy >= ? AND i.miny <= ? ORDER BY r.name",
        -70.34, -70.32, -18.36, -18.34,
    )  # fmt: skip
    assert found == [("Panamericana Sur",), ("Ruta 5",)]


def test_attribution_and_build_record_are_in_the_metadata(kit_path):
    texts = [r[0] for r in rows(kit_path, "SELECT metadata FROM gpkg_metadata")]
    assert ATTRIBUTION in texts
    kit = open_kit(kit_path)
    with kit:
        assert kit.attribution == ATTRIBUTION
        assert kit.built_at[:4].isdigit()
        assert kit.bbox == (-70.6, -18.6, -69.8, -17.8)


def test_a_kit_edited_in_a_gis_still_opens(kit_path):
    with sqlite3.connect(kit_path) as conn:
        register_functions(conn)  # the R-tree triggers' functions, as GDAL registers them
        # What QGIS does: another layer (without a spatial index here), a road renamed.
        conn.execute("CREATE TABLE notes (fid INTEGER PRIMARY KEY, geom POINT, text TEXT)")
        conn.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
            "VALUES ('notes', 'features', 'notes', 4326)"
        )
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES ('notes', 'geom', 'POINT', 4326, 0, 0)"
        )
        blob = b"GP\x00\x01" + struct.pack("<i", 4326) + struct.pack("<bIdd", 1, 1, -70.3, -18.1)
        conn.execute("INSERT INTO notes (geom, text) VALUES (?, 'checkpoint')", (blob,))
        conn.execute("UPDATE roads SET name = 'Carretera Panamericana' WHERE ref = 'PE-1S'")
    with open_kit(kit_path) as kit:
        notes = kit.layer("notes")
        assert notes is not None and notes.features == 1 and not notes.spatial_index
        assert [f.fid for f in kit.features(notes, (-71, -19, -70, -18))] == [1]
        names = {
            f.properties["name"] for f in kit.features(kit.layer("roads"), (-71, -19, -69, -17))
        }
        assert "Carretera Panamericana" in names


def test_a_file_that_is_not_a_kit_is_refused_in_one_line(tmp_path):
    junk = tmp_path / "junk.gpkg"
    junk.write_bytes(b"not a database at all" * 10)
    with pytest.raises(MapKitUnavailable, match="not a GeoPackage"):
        open_kit(junk)
    other = tmp_path / "other.gpkg"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(MapKitUnavailable, match="not a GeoPackage"):
        open_kit(other)


def test_a_damaged_extract_or_an_empty_box_writes_nothing(tmp_path):
    peru = write_peru(tmp_path)
    damaged = tmp_path / "damaged.osm.pbf"
    damaged.write_bytes(peru.read_bytes()[: peru.stat().st_size // 2])
    out = tmp_path / "kit.gpkg"
    with pytest.raises(MapKitUnavailable, match="not a readable OpenStreetMap extract"):
        build([damaged], parse_bbox(BOX), out)
    with pytest.raises(MapKitUnavailable, match="nothing of the map lies in the box"):
        build([peru], parse_bbox("10,10,11,11"), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.osm.pbf", "peru.osm.pbf"]


def test_a_way_whose_nodes_are_in_the_other_extract_is_still_drawn(tmp_path):
    # The Chilean extract lacks node 10 (kept by the Peruvian one): Ruta 5 still starts there.
    peru = write_peru(tmp_path)
    chile = write_extract(
        tmp_path / "chile.osm.pbf",
        {20: (-70.32, -18.40, {}), 21: (-70.31, -18.47, {})},
        {200: ([10, 20, 21], {"highway": "trunk", "ref": "5"})},
    )
    out = tmp_path / "kit.gpkg"
    build([peru, chile], parse_bbox(BOX), out)
    (blob,) = rows(out, "SELECT geom FROM roads WHERE ref = '5'")[0]
    assert decode(blob).geoms[0].coords[0] == (-70.33, -18.35)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("1,2,3", "four numbers"), ("a,b,c,d", "numbers"), ("10,0,5,1", "west 10 must be below")],
)
def test_a_wrong_box_says_what_is_wrong(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_bbox(text)


def test_a_build_never_replaces_a_database(tmp_path, kit_path):
    peru = tmp_path / "peru.osm.pbf"  # written for the kit already there
    before = kit_path.read_bytes()
    with pytest.raises(SituationRoomError, match="is a SQLite database; choose another file name"):
        build([peru], parse_bbox(BOX), kit_path)
    assert kit_path.read_bytes() == before


def test_gdal_reads_every_layer_without_a_warning_and_an_edit_keeps_the_index(kit_path, caplog):
    fiona = pytest.importorskip("fiona")  # GDAL, as QGIS reads a GeoPackage
    caplog.set_level("WARNING")
    counts = {}
    for name in fiona.listlayers(kit_path):
        with fiona.open(kit_path, layer=name) as layer:
            assert layer.crs.to_epsg() == 4326
            counts[name] = len(list(layer))
    assert counts["roads"] == 4 and counts["places"] == 2 and counts["boundaries"] == 1
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")] == []
    # An edit in a GIS: GDAL appends a road; the R-tree triggers index it, the app finds it.
    with fiona.open(kit_path, "a", layer="roads") as roads:
        roads.write(
            {
                "geometry": {
                    "type": "MultiLineString",
                    "coordinates": [[(-70.50, -18.50), (-70.45, -18.45)]],
                },
                "properties": {"osm_id": -1, "class": "track", "name": "Trocha nueva", "ref": None},
            }
        )
    with open_kit(kit_path) as kit:
        found = kit.features(kit.layer("roads"), (-70.52, -18.52, -70.44, -18.44))
        assert [f.properties["name"] for f in found] == ["Trocha nueva"]
