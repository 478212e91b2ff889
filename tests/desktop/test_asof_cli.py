"""``situation-room export observations|sites|events FILE --at T`` and ``search TEXT --at T``:
the records known at T (docs/architecture.md §4)."""

from __future__ import annotations

import csv
import json
from datetime import timedelta

import pytest

from db.store.asof import records_as_of
from db.store.store import Store
from tests.conftest import lima
from tests.desktop.test_geo_cli import cli

T0 = lima(2025, 12, 1, 8)
LATER = T0 + timedelta(hours=2)


@pytest.fixture
def post(tmp_path, monkeypatch):
    """A database whose records were reported before and after T0 (a correction after it)."""
    path = tmp_path / "post.db"
    store = Store.open(path, operator="Tester")
    monkeypatch.setattr("db.store.store.utc_now", lambda: T0 - timedelta(hours=1))
    site = store.add_site(name="Santa Rosa", kind="crossing", country="PE", lat=-18.1, lon=-70.3)
    count = store.add_observation(
        site_id=site.id, period_start=T0 - timedelta(hours=2), category="stranded", count=30
    )
    store.add_event(kind="incident", title="Antes", occurred_at=T0, lat=-18.2, lon=-70.3)
    monkeypatch.setattr("db.store.store.utc_now", lambda: LATER)
    store.correct(count.id, count=35)
    store.add_observation(
        site_id=site.id, period_start=T0 - timedelta(hours=1), category="stranded", count=9
    )
    store.add_event(kind="incident", title="Después", occurred_at=T0, lat=-18.0, lon=-70.1)
    store.add_site(name="Chacalluta", kind="crossing", country="CL", lat=-18.3, lon=-70.3)
    expected = {
        table: {r.id for r in records_as_of(store, table, T0)}
        for table in ("observations", "events", "sites")
    }
    current = {
        "observations": {o.id for o in store.observations()},
        "events": {e.id for e in store.events()},
        "sites": {s.id for s in store.sites()},
    }
    store.close()
    return path, expected, current


def _exported(kind, path, *extra):
    result = cli("export", kind, str(path[1]), "--db", str(path[0]), *extra)
    assert result.returncode == 0, result.stderr
    if kind == "observations":
        with open(path[1], encoding="utf-8-sig", newline="") as handle:
            return {row["id"]: row for row in csv.DictReader(handle)}
    features = json.loads(path[1].read_text("utf-8"))["features"]
    return {f["id"]: f["properties"] for f in features}


def test_export_at_an_instant_writes_the_records_known_then(post, tmp_path):
    db, expected, current = post
    at = "2025-12-01T08:00:00-05:00"
    for kind, name in (("observations", "c.csv"), ("events", "e.geojson"), ("sites", "s.kml")):
        if name.endswith(".kml"):
            result = cli("export", kind, str(tmp_path / name), "--db", str(db), "--at", at)
            assert result.returncode == 0, result.stderr
            assert f"wrote {len(expected[kind])} {kind}" in result.stdout
            continue
        then = _exported(kind, (db, tmp_path / name), "--at", at)
        assert set(then) == expected[kind]
        everything = _exported(kind, (db, tmp_path / f"all-{name}"))
        assert set(everything) == current[kind] and len(everything) > len(then)
        assert all(row["entered_at"].endswith("Z") for row in everything.values())
    (count,) = _exported("observations", (db, tmp_path / "c.csv"), "--at", at).values()
    assert count["count"] == "30"  # corrected after T0: the reading of T0


@pytest.mark.parametrize(
    ("at", "said"),
    [
        ("2025-12-01T08:00", "--at"),  # no zone: refused, as every command refuses it
        ("2300-01-01T00:00Z", "--at: must be between 1900 and 2199"),
    ],
)
def test_export_refuses_an_instant_it_cannot_use(post, tmp_path, at, said):
    result = cli("export", "events", str(tmp_path / "e.geojson"), "--db", str(post[0]), "--at", at)
    assert result.returncode == 2 and said in result.stderr
    assert not (tmp_path / "e.geojson").exists()


def test_search_at_an_instant_finds_the_records_known_then(post):
    db = str(post[0])
    at = ["--at", "2025-12-01T08:00:00-05:00"]
    found = json.loads(cli("search", "despues", "--db", db, "--json").stdout)
    assert [hit["title"] for hit in found] == ["Después"]
    assert json.loads(cli("search", "despues", "--db", db, "--json", *at).stdout) == []
    then = json.loads(cli("search", "antes", "--db", db, "--json", *at).stdout)
    assert [hit["title"] for hit in then] == ["Antes"]
    # An exercise database is read as of its own clock.
    store = Store.open(post[0], operator="Tester")
    store.set_meta(exercise_clock="2025-12-01T13:00:00Z")
    store.close()
    assert json.loads(cli("search", "despues", "--db", db, "--json").stdout) == []
    assert json.loads(cli("search", "antes", "--db", db, "--json").stdout)[0]["title"] == "Antes"
