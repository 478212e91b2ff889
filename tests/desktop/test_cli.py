"""The command line as a script or operator uses it (a real subprocess each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, timeout: float = 60, tmpdir: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)  # where tempfile makes the demo's scratch copy
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )


def test_init_demo_then_status(tmp_path):
    db = tmp_path / "post.db"
    r = run("init", str(db), "--demo")
    assert r.returncode == 0, r.stderr
    r = run("status", "--db", str(db), "--at", "2025-12-03T12:00:00-05:00", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["as_of"] == "2025-12-03T17:00:00Z"
    assert data["exercise"] is True
    assert data["timezone"] == "America/Lima"
    (chain,) = data["decrees"]
    assert chain["number"] == "DS N° 135-2025-PCM"
    assert chain["chain"] == ["DS N° 135-2025-PCM"]  # the extension is published on 24 Jan
    assert (chain["day"], chain["days"], chain["state"]) == (5, 60, "in_force")
    assert chain["ends_on"] == "2026-01-27" and chain["ends_at"] == "2026-01-28T05:00:00Z"
    assert chain["remaining_seconds"] == 4_795_200
    assert chain["chain_ends_at"] == "2026-01-28T05:00:00Z"
    assert data["milestones"][0]["remaining_seconds"] > 0
    assert [m["at"] for m in data["milestones"]] == sorted(m["at"] for m in data["milestones"])
    assert data["figures"]["period_end"] == "2025-12-03T17:00:00Z"
    assert data["figures"]["stranded_latest"] >= 0
    assert data["counts"]["decrees"] == 2 and data["counts"]["sites"] == 5


def test_init_empty_is_not_an_exercise(tmp_path):
    db = tmp_path / "empty.db"
    assert run("init", str(db)).returncode == 0
    data = json.loads(run("status", "--db", str(db), "--json").stdout)
    assert data["exercise"] is False and data["decrees"] == [] and data["counts"]["sites"] == 0


def test_init_refuses_to_overwrite(tmp_path):
    db = tmp_path / "post.db"
    assert run("init", str(db)).returncode == 0
    before = db.read_bytes()
    r = run("init", str(db), "--demo")
    assert r.returncode == 1 and "already exists" in r.stderr and "Traceback" not in r.stderr
    assert db.read_bytes() == before


def test_missing_database_and_bad_arguments(tmp_path):
    r = run("status", "--db", str(tmp_path / "nope.db"), "--json")
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "no such database" in r.stderr
    r = run("status", "--demo", "--at", "yesterday", "--json")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = run("status", "--demo", "--at", "2025-12-03T12:00", "--json")  # naive: refused
    assert r.returncode == 2 and "time zone" in r.stderr
    # A mistyped command is refused with the commands there are, not taken for the window.
    r = run("stauts", "--demo")
    assert r.returncode == 2 and "invalid choice: 'stauts'" in r.stderr and "'status'" in r.stderr
    r = run("--at", "nonsense")  # a bad option of the window's own: the usage lists commands
    assert r.returncode == 2 and "COMMAND" in r.stderr and "ISO-8601" in r.stderr
    r = run("--hel")  # argparse takes abbreviations: the help is the whole help
    assert r.returncode == 0 and "\n    status " in r.stdout


@pytest.mark.slow
def test_screenshot_of_the_demo(tmp_path):
    png, scratch = tmp_path / "shot.png", tmp_path / "tmp"
    scratch.mkdir()
    r = run("--demo", "--screenshot", str(png), timeout=120, tmpdir=scratch)
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 1000)
    # The demo's copy (and the backup taken on opening it) went with the window.
    assert list(scratch.glob("situation-room-demo-*")) == []


def test_a_demo_command_leaves_no_copy_behind(tmp_path):
    r = run("--demo", "status", "--json", tmpdir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["exercise"] is True
    assert list(tmp_path.glob("situation-room-demo-*")) == []


def test_help_lists_every_command_and_each_command_its_options():
    from desktop.commands import COMMANDS

    r = run("--help")
    assert r.returncode == 0, r.stderr
    for name in COMMANDS:
        assert f"\n    {name} " in r.stdout
    # Options come with the command that names them, wherever it stands on the line.
    expected = {
        "brief": "--cutoff-hour",
        "export": "{events,observations,sites}",
        "bundle": "ACTION",
    }
    for name, option in expected.items():
        r = run(name, "--help")
        assert r.returncode == 0, r.stderr
        assert option in r.stdout
    r = run("--demo", "status", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["exercise"] is True
