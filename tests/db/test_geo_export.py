"""Exporting events and sites as GeoJSON and KML that QGIS and Google Earth open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET

from db.errors import SituationRoomError
from db.geo.export import export_events, export_sites
from db.geo.overlays import read_overlay_file
from tests.conftest import lima

KML = "{http://www.opengis.net/kml/2.2}"


def as_text(value: object) -> str:
    """How a value reads back from KML ExtendedData, where everything is text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_events_geojson_is_an_rfc7946_feature_collection(demo, tmp_path):
    path = tmp_path / "eventos.geojson"
    report = export_events(demo, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert report.written == len(doc["features"]) == 41
    assert report.skipped == 0
    for feature in doc["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -71 < lon < -69 and -19 < lat < -17  # lon first: the Tacna–Arica area


def test_event_properties_carry_every_attribute_in_utc_and_local_time(demo, tmp_path):
    event = demo.add_event(
        kind="stranded_group",
        title="Grupo en Santa Rosa",
        occurred_at=lima(2025, 11, 30, 21, 15),
        lat=-18.15,
        lon=-70.32,
        people=45,
        source="PNP",
    )
    path = tmp_path / "eventos.geojson"
    export_events(demo, path)
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    (props,) = [f["properties"] for f in features if f["id"] == event.id]
    assert props["id"] == event.id
    assert props["kind"] == "stranded_group" and props["kind_label"] == "Grupo varado"
    assert props["occurred_at"] == "2025-12-01T02:15:00Z"
    assert props["occurred_at_local"] == "2025-11-30T21:15:00-05:00"
    assert props["people"] == 45 and props["source"] == "PNP"
    assert props["illustrative"] is False and props["closed"] is False
    assert props["entered_by"] == "Tester" and props["station"] == demo.station_id
    demo_event = next(f["properties"] for f in features if f["properties"]["illustrative"])
    assert demo_event["illustrative"] is True


def test_events_without_location_are_skipped_and_counted(demo, tmp_path):
    demo.add_event(kind="log", title="Cambio de turno", occurred_at=lima(2025, 12, 1, 7))
    report = export_events(demo, tmp_path / "eventos.kml")
    assert (report.written, report.skipped) == (41, 1)


def test_events_kml_opens_as_google_earth_expects(demo, tmp_path):
    closed = demo.add_event(
        kind="incident",
        title="Cerrado",
        occurred_at=lima(2025, 11, 29, 10),
        lat=-18.2,
        lon=-70.3,
        closed=True,
    )
    path = tmp_path / "eventos.kml"
    export_events(demo, path)
    root = SafeET.parse(path).getroot()
    assert root.tag == f"{KML}kml"
    placemarks = root.findall(f".//{KML}Placemark")
    assert len(placemarks) == 42
    styles = {s.get("id") for s in root.iter(f"{KML}Style")}
    for pm in placemarks:
        assert pm.find(f"{KML}styleUrl").text[1:] in styles
        assert pm.find(f"{KML}TimeStamp/{KML}when").text.endswith("Z")
        lon, lat = map(float, pm.find(f"{KML}Point/{KML}coordinates").text.split(","))
        assert -71 < lon < -69 and -19 < lat < -17
    folders = [f.find(f"{KML}name").text for f in root.iter(f"{KML}Folder")]
    assert "Incidente" in folders and len(folders) == len(set(folders))
    (hidden,) = [
        pm
        for pm in placemarks
        if any(
            d.get("name") == "id" and d.find(f"{KML}value").text == closed.id
            for d in pm.iter(f"{KML}Data")
        )
    ]
    assert hidden.find(f"{KML}visibility").text == "0"


@pytest.mark.parametrize("suffix", [".geojson", ".kml"])
def test_exported_events_reimport_with_the_same_points_and_properties(demo, tmp_path, suffix):
    from db.geo.export import attributes

    path = tmp_path / f"eventos{suffix}"
    export_events(demo, path)
    parsed = read_overlay_file(path)
    by_id = {f.properties["id"]: f for f in parsed.features}
    events = [e for e in demo.events() if e.located]
    assert len(by_id) == len(events)
    for event in events:
        feature = by_id[event.id]
        assert feature.coords == ((pytest.approx(event.lon), pytest.approx(event.lat)),)
        assert feature.name == event.title
        expected = attributes(event, demo.timezone)
        if suffix == ".kml":
            expected = {k: as_text(v) for k, v in expected.items()}
            got = {k: v for k, v in feature.properties.items() if k in expected}
        else:
            got = feature.properties
        assert got == expected


def test_sites_export_both_formats(demo, tmp_path):
    report = export_sites(demo, tmp_path / "sitios.geojson")
    assert report.written == 5
    doc = json.loads((tmp_path / "sitios.geojson").read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in doc["features"]}
    assert names == {site.name for site in demo.sites()}
    assert "Complejo Santa Rosa" in names
    kinds = {f["properties"]["kind"] for f in doc["features"]}
    assert "crossing" in kinds
    export_sites(demo, tmp_path / "sitios.kml")
    parsed = read_overlay_file(tmp_path / "sitios.kml")
    assert {f.name for f in parsed.features} == names


def test_english_labels_when_asked(demo, tmp_path):
    path = tmp_path / "sitios.geojson"
    export_sites(demo, path, lang="en")
    labels = {f["properties"]["kind_label"] for f in json.loads(path.read_text())["features"]}
    assert "Border crossing" in labels


def test_control_characters_in_a_note_do_not_break_the_kml(store, tmp_path):
    store.add_event(
        kind="other",
        title="Nota rara",
        occurred_at=lima(2025, 12, 1, 9),
        lat=-18.0,
        lon=-70.2,
        note="línea\x0bcon control",
    )
    export_events(store, tmp_path / "raro.kml")
    (feature,) = read_overlay_file(tmp_path / "raro.kml").features
    assert feature.properties["note"] == "líneacon control"


def test_unknown_extension_is_refused_and_nothing_written(demo, tmp_path):
    with pytest.raises(SituationRoomError, match=r"unknown map format '\.shp'"):
        export_events(demo, tmp_path / "eventos.shp")
    assert not (tmp_path / "eventos.shp").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_missing_folder_is_refused(demo, tmp_path):
    with pytest.raises(SituationRoomError, match="folder does not exist"):
        export_events(demo, tmp_path / "no" / "eventos.kml")


def test_write_is_atomic_replacing_an_old_file_and_leaving_no_temp(demo, tmp_path):
    path = tmp_path / "eventos.geojson"
    path.write_text("old contents")
    export_events(demo, path)
    assert json.loads(path.read_text())["type"] == "FeatureCollection"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_failed_write_leaves_the_old_file_untouched(demo, tmp_path, monkeypatch):
    import os

    path = tmp_path / "eventos.kml"
    path.write_text("old contents")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SituationRoomError, match="No space left on device"):
        export_events(demo, path)
    assert path.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_of_an_empty_store_is_a_valid_empty_file(store, tmp_path: Path):
    report = export_events(store, tmp_path / "nada.geojson")
    assert report.written == 0
    assert json.loads((tmp_path / "nada.geojson").read_text())["features"] == []
