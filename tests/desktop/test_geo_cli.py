"""``situation-room import overlay`` and ``export events|sites``, run as an operator would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.overlay_samples import GOOGLE_EARTH_KML, kmz_bytes

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def counts(db: Path) -> dict[str, int]:
    result = cli("status", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["counts"]


def test_import_overlay_kmz_then_status_counts_it(demo_path, tmp_path):
    kmz = tmp_path / "campo.kmz"
    kmz.write_bytes(kmz_bytes({"doc.kml": GOOGLE_EARTH_KML.encode()}))
    result = cli("import", "overlay", str(kmz), "--name", "Rutas Tacna", "--db", str(demo_path))
    assert result.returncode == 0, result.stderr
    assert (
        "imported overlay 'Rutas Tacna' (7 features; 2 items with nothing to draw" in result.stdout
    )
    assert counts(demo_path)["overlays"] == 1
    assert counts(demo_path)["overlay_features"] == 7


def test_refused_overlay_exits_1_with_one_line_and_stores_nothing(demo_path, tmp_path):
    bad = tmp_path / "malo.geojson"
    bad.write_text('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 200]}}')
    result = cli("import", "overlay", str(bad), "--db", str(demo_path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "malo.geojson: feature 1: geometry: Point: latitude 200" in lines[0]
    assert "Traceback" not in result.stderr
    assert counts(demo_path)["overlays"] == 0


def test_import_into_a_missing_database_is_refused(tmp_path):
    kml = tmp_path / "a.kml"
    kml.write_text(GOOGLE_EARTH_KML)
    result = cli("import", "overlay", str(kml), "--db", str(tmp_path / "nope.db"))
    assert result.returncode == 1 and "no such database" in result.stderr


@pytest.mark.parametrize("kind", ["events", "sites"])
@pytest.mark.parametrize("suffix", [".geojson", ".kml"])
def test_export_writes_the_file(demo_path, tmp_path, kind, suffix):
    out = tmp_path / f"{kind}{suffix}"
    result = cli("export", kind, str(out), "--db", str(demo_path))
    assert result.returncode == 0, result.stderr
    expected = 41 if kind == "events" else 5
    assert f"wrote {expected} {kind}" in result.stdout
    assert out.stat().st_size > 0


def test_export_to_an_unknown_format_exits_1(demo_path, tmp_path):
    result = cli("export", "events", str(tmp_path / "e.xlsx"), "--db", str(demo_path))
    assert result.returncode == 1
    assert "unknown map format '.xlsx'" in result.stderr


def test_unknown_kind_is_a_usage_error(demo_path, tmp_path):
    result = cli("import", "planes", str(tmp_path / "x"), "--db", str(demo_path))
    assert result.returncode == 2
