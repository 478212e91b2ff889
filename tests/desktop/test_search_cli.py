"""``situation-room search TEXT``: the matching records as text or as one JSON list."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from db.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
UTC_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "search", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_json_is_one_list_of_hits(demo_path):
    done = _run("TÁCNA", "--db", str(demo_path), "--json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert isinstance(hits, list) and hits
    for hit in hits:
        assert set(hit) == {"kind", "id", "title", "snippet", "at"}
        assert hit["kind"] in {"event", "site", "observation", "decree", "milestone"}
        assert UTC_ISO.match(hit["at"]), hit["at"]
    assert hits[0]["kind"] == "site" and hits[0]["title"] == "Tacna"
    assert "[Tacna]" in hits[0]["snippet"]


def test_a_voided_event_is_not_listed(demo_path):
    store = Store.open(demo_path, operator="Tester")
    event = store.add_event(
        kind="log", title="Llamada de Palquilla", occurred_at="2025-12-01T12:00Z"
    )
    store.void(event.id, reason="entrada duplicada")
    store.close()
    done = _run("palquilla", "--db", str(demo_path), "--json")
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


def test_text_in_spanish_and_no_matches_is_not_an_error(demo_path):
    found = _run("concordia", "--db", str(demo_path), "--lang", "es", "--limit", "2")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert "Línea de la Concordia" in lines[0] and "Punto" in lines[0]
    assert "[Concordia]" in found.stdout
    none = _run('"NEAR( -*', "--db", str(demo_path), "--lang", "es")
    assert (none.returncode, none.stdout.strip()) == (0, 'Sin coincidencias para «"NEAR( -*».')


def test_a_missing_database_exits_1(tmp_path):
    done = _run("tacna", "--db", str(tmp_path / "none.db"), "--json")
    assert done.returncode == 1
    assert done.stdout == "" and "none.db" in done.stderr
