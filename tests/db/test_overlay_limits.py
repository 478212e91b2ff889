"""Overlay files are read as a stream, with limits checked as they are read: each refusal names
what was exceeded, and a file of many small elements is never held whole in memory."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

import db.geo.geojson
import db.geo.kml
import db.geo.kml_tree
from db.errors import ImportRefused
from db.geo.overlays import read_overlay_file


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_overlay_file(path)
    [problem] = caught.value.problems
    return problem


def _placemark(i: int, coords: str = "-70.3,-18.0") -> str:
    return f"<Placemark><name>p{i}</name><Point><coordinates>{coords}</coordinates></Point></Placemark>"


def test_too_many_xml_elements_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(db.geo.kml_tree, "MAX_XML_ELEMENTS", 1000)
    body = "<a/>" * 2000
    path = _write(tmp_path, "muchos.kml", f"<kml><Document>{body}</Document></kml>")
    assert _refusal(path) == (
        f"{path}:1: too large for the map: more than 1,000 XML elements; split the file"
    )


def test_a_placemark_too_large_to_hold_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(db.geo.kml_tree, "MAX_HELD_ELEMENTS", 50)
    coords = "".join(f"<gx:coord>-70.{i} -18.0 0</gx:coord>\n" for i in range(100))
    track = f"<Placemark>\n<gx:Track>\n{coords}</gx:Track></Placemark>"
    # Many placemarks in all are fine: each is let go once read.
    others = "".join(_placemark(i) for i in range(200))
    path = _write(
        tmp_path,
        "ruta.kml",
        f'<kml xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>{others}\n{track}'
        "</Document></kml>",
    )
    # kml, Document, Placemark, Track and the first 46 points are held: the 47th is line 50.
    assert _refusal(path) == (
        f"{path}:50: too large for the map: more than 50 XML elements in one placemark or "
        "style; split the file"
    )
    monkeypatch.setattr(db.geo.kml_tree, "MAX_HELD_ELEMENTS", 1000)
    assert len(read_overlay_file(path).features) == 201


def test_too_many_positions_in_a_kml(tmp_path, monkeypatch):
    monkeypatch.setattr(db.geo.kml, "MAX_VERTICES", 10)
    marks = "\n".join(_placemark(i) for i in range(12))
    path = _write(tmp_path, "puntos.kml", f"<kml><Document>\n{marks}\n</Document></kml>")
    assert _refusal(path) == (
        f"{path}:12: too large for the map: more than 100,000 features or 10 positions; "
        "split the file"
    )


def test_a_style_and_a_folder_name_after_their_placemarks_still_apply(tmp_path):
    path = _write(
        tmp_path,
        "orden.kml",
        "<kml><Document><Folder>"
        "<Placemark><styleUrl>#rojo</styleUrl><LineString><coordinates>-70.3,-18 -70.2,-18"
        "</coordinates></LineString></Placemark><name>Rutas</name></Folder>"
        '<Style id="rojo"><LineStyle><color>ff0000ff</color></LineStyle></Style>'
        "</Document></kml>",
    )
    [feature] = read_overlay_file(path).features
    assert feature.style.stroke == "#ff0000" and feature.folder == "Rutas"


def test_a_kml_of_many_small_elements_is_never_held_whole(tmp_path):
    # 200,000 elements held as a tree took about 60 MB; read as a stream, a few.
    path = _write(
        tmp_path,
        "tiny.kml",
        "<kml><Document>" + "<a/>" * 200_000 + _placemark(0) + "</Document></kml>",
    )
    tracemalloc.start()
    try:
        parsed = read_overlay_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(parsed.features) == 1
    assert peak < 10 * 2**20, f"peak {peak / 2**20:.1f} MB"


def _collection(features: list[dict]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features})


def _point(i: int) -> dict:
    return {
        "type": "Feature",
        "properties": {"name": f"p{i}"},
        "geometry": {"type": "Point", "coordinates": [-70.3, -18.0]},
    }


def test_geojson_too_many_values(tmp_path, monkeypatch):
    monkeypatch.setattr(db.geo.geojson, "MAX_JSON_VALUES", 100)
    path = _write(tmp_path, "valores.geojson", _collection([_point(i) for i in range(50)]))
    assert _refusal(path) == (
        f"{path}: too large for the map: more than 100 JSON values; split the file"
    )


def test_geojson_nested_too_deep(tmp_path):
    deep = "[" * 300 + "]" * 300
    text = '{"type":"Feature","properties":{"x":' + deep + '},"geometry":null}'
    path = _write(tmp_path, "hondo.geojson", text)
    assert _refusal(path) == (
        f"{path}: too large for the map: values nested more than 220 deep; split the file"
    )


def test_geojson_too_many_positions(tmp_path, monkeypatch):
    monkeypatch.setattr(db.geo.geojson, "MAX_VERTICES", 10)
    monkeypatch.setattr(db.geo.geojson, "MAX_FEATURES", 5)
    line = [[-70.0 - i / 100, -18.0] for i in range(40)]
    feature = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "LineString", "coordinates": line},
    }
    path = _write(tmp_path, "linea.geojson", _collection([feature]))
    assert _refusal(path) == (
        f"{path}: too large for the map: more than 10 positions; split the file"
    )


def test_a_multipoint_of_more_points_than_features_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(db.geo.geojson, "MAX_FEATURES", 5)
    geometry = {"type": "MultiPoint", "coordinates": [[-70.0 - i / 100, -18.0] for i in range(6)]}
    path = _write(tmp_path, "multi.geojson", json.dumps(geometry))
    assert _refusal(path) == (
        f"{path}: feature 1: too large for the map: a MultiPoint of more than 5 points; "
        "split the file"
    )


def test_geojson_read_as_a_stream_keeps_every_feature_and_its_properties(tmp_path):
    features = [_point(i) for i in range(300)]
    text = json.dumps({"features": features, "type": "FeatureCollection"})  # type comes last
    parsed = read_overlay_file(_write(tmp_path, "puntos.geojson", text))
    assert [f.name for f in parsed.features] == [f"p{i}" for i in range(300)]
    assert parsed.features[7].coords == ((-70.3, -18.0),)
