"""``situation-room mapkit build|info``, run as GIS staff would before deployment."""

from __future__ import annotations

import json

from tests.desktop.test_geo_cli import cli
from tests.mapkit_osm import BOX, write_chile, write_peru


def test_build_takes_the_box_as_typed_and_info_describes_the_kit(tmp_path):
    peru, chile = write_peru(tmp_path), write_chile(tmp_path)
    out = tmp_path / "kit.gpkg"
    result = cli("mapkit", "build", str(peru), str(chile), "--bbox", BOX, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "roads 4" in result.stdout
    assert "ways chile.osm.pbf" in result.stderr  # the progress, one line per pass in a log

    info = cli("mapkit", "info", str(out))
    assert info.returncode == 0, info.stderr
    lines = info.stdout.splitlines()
    roads = next(line for line in lines if line.strip().startswith("roads"))
    assert roads.split()[1:3] == ["MULTILINESTRING", "4"]
    assert "box: -70.6,-18.6,-69.8,-17.8" in lines
    assert any("OpenStreetMap contributors, ODbL" in line for line in lines)

    data = json.loads(cli("mapkit", "info", str(out), "--json").stdout)
    assert data["license"] == "ODbL-1.0"
    assert {layer["name"]: layer["features"] for layer in data["layers"]}["places"] == 2
    assert all(layer["spatial_index"] for layer in data["layers"])


def test_info_on_a_file_that_is_not_a_kit_is_one_line_and_exit_1(tmp_path):
    peru = write_peru(tmp_path)
    result = cli("mapkit", "info", str(peru))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"situation-room: {peru}: not a map kit (not a GeoPackage file)"
    ]


def test_build_on_a_damaged_extract_is_one_line_and_no_file(tmp_path):
    damaged = tmp_path / "peru.osm.pbf"
    damaged.write_bytes(b"\x00\x00\x00\x0dnot osm data" * 20)
    out = tmp_path / "kit.gpkg"
    result = cli("mapkit", "build", str(damaged), "--bbox", BOX, "--out", str(out))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(f"situation-room: {damaged}: not a readable OpenStreetMap extract")
    )
    assert not out.exists() and not (tmp_path / "kit.gpkg.part").exists()
