"""The command line of field sync: ``bundle export|import|conflicts|settle`` and ``station``."""

from __future__ import annotations

import pytest

from db.errors import InvalidRecord
from db.store.store import Store
from db.sync.conflicts import conflicts
from db.sync.station import set_station_name
from desktop.cli import main
from tests.sync_helpers import add_field_work, snapshot


@pytest.fixture
def two(tmp_path):
    a = Store.open(tmp_path / "a.db", operator="Ana")
    b = Store.open(tmp_path / "b.db", operator="Beto")
    set_station_name(a, "Puesto Santa Rosa")
    ids = add_field_work(a, "A")
    yield a, b, ids
    a.close()
    b.close()


def test_export_then_import_reports_what_happened(two, tmp_path, capsys):
    a, b, _ = two
    bundle = tmp_path / "santa-rosa.zip"
    assert main(["bundle", "export", str(bundle), "--db", str(a.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{bundle}: 6 records (1 site, 3 observations, 1 event, 1 milestone)")
    assert out.rstrip().endswith("unsigned (no shared key configured)")

    assert main(["bundle", "import", str(bundle), "--db", str(b.path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{bundle}: from station 'Puesto Santa Rosa', created ")
    assert lines[1] == (
        "added: 6 records (1 site, 3 observations, 1 event, 1 milestone); already present: 0"
    )
    assert b.counts()["observations"] == 3

    before = snapshot(b)
    assert main(["bundle", "import", str(bundle), "--db", str(b.path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("already imported on ") and lines[1].endswith(
        "by Tester: nothing changed"
    )
    assert lines[2] == "added: 0 records; already present: 6"
    assert snapshot(b) == before


def test_export_since_last_and_all(two, tmp_path, capsys):
    a, _, _ = two
    db = ["--db", str(a.path)]
    main(["bundle", "export", str(tmp_path / "1.zip"), *db])
    main(["bundle", "export", str(tmp_path / "2.zip"), "--since", "LAST", *db])
    main(["bundle", "export", str(tmp_path / "3.zip"), "--all", *db])
    main(["bundle", "export", str(tmp_path / "4.zip"), "--since", "2020-01-01T00:00Z", *db])
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1].split(" (")[0].split(";")[0] for line in out] == [
        "6 records",
        "0 records",
        "6 records",
        "6 records",
    ]


def test_signed_exchange_with_a_key_file(two, tmp_path, capsys):
    a, b, _ = two
    key = tmp_path / "sync.key"
    key.write_text("3f9c0a7e5b2d4c1e8f6a0b9d7c5e3a1f\n")
    assert main(["station", "--db", str(b.path), "--key-file", str(key)]) == 0
    assert "shared key: " in capsys.readouterr().out
    bundle = tmp_path / "signed.zip"
    main(["bundle", "export", str(bundle), "--db", str(a.path), "--key-file", str(key)])
    assert capsys.readouterr().out.rstrip().endswith("; signed")
    assert main(["bundle", "import", str(bundle), "--db", str(b.path)]) == 0
    assert "signed, signature verified" in capsys.readouterr().out


def test_dry_run_writes_nothing(two, tmp_path, capsys):
    a, b, _ = two
    bundle = tmp_path / "a.zip"
    main(["bundle", "export", str(bundle), "--db", str(a.path)])
    before = snapshot(b)
    assert main(["bundle", "import", str(bundle), "--dry-run", "--db", str(b.path)]) == 0
    assert "would add: 6 records" in capsys.readouterr().out
    assert snapshot(b) == before


def test_conflicts_listed_and_settled_from_the_command_line(two, tmp_path, capsys):
    a, b, ids = two
    main(["bundle", "export", str(tmp_path / "seed.zip"), "--db", str(a.path)])
    main(["bundle", "import", str(tmp_path / "seed.zip"), "--db", str(b.path)])
    mine = a.correct(ids["obs0"], count=50)
    theirs = b.correct(ids["obs0"], count=60)
    main(["bundle", "export", str(tmp_path / "b.zip"), "--db", str(b.path)])
    capsys.readouterr()
    main(["bundle", "import", str(tmp_path / "b.zip"), "--db", str(a.path)])
    out = capsys.readouterr().out
    assert "conflicts: 1" in out and f"observation {ids['obs0']} has 2 versions" in out
    assert mine.id in out and theirs.id in out

    assert main(["bundle", "conflicts", "--db", str(a.path)]) == 0
    assert f"{theirs.id} by Beto" in capsys.readouterr().out
    assert main(["bundle", "settle", theirs.id, "--db", str(a.path)]) == 0
    assert capsys.readouterr().out.strip() == f"settled: kept {theirs.id}, voided 1 other version"
    assert conflicts(a) == [] and [o.count for o in a.observations() if o.id == theirs.id] == [60]
    assert main(["bundle", "conflicts", "--db", str(a.path)]) == 0
    assert capsys.readouterr().out.strip() == "no conflicts"
    assert main(["bundle", "settle", theirs.id, "--db", str(a.path)]) == 1
    assert "not a version of any open conflict" in capsys.readouterr().err


def test_station_name(two, capsys):
    a, _, _ = two
    assert main(["station", "--db", str(a.path), "--name", "  Equipo de campo   2 "]) == 0
    out = capsys.readouterr().out
    assert f"station {a.station_id}: Equipo de campo 2" in out
    assert "shared key: none" in out
    assert a.station_name == "Equipo de campo 2"
    assert main(["station", "--db", str(a.path), "--name", " "]) == 1
    assert "name: a station name is required" in capsys.readouterr().err
    with pytest.raises(InvalidRecord):
        set_station_name(a, "x" * 81)


def test_a_missing_database_is_refused(tmp_path, capsys):
    code = main(["bundle", "import", str(tmp_path / "x.zip"), "--db", str(tmp_path / "no.db")])
    assert code == 1 and "no such database" in capsys.readouterr().err
