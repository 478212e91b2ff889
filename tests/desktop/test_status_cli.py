"""``situation-room status --json --at`` reports the countdown's exact values."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from db.store.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _status(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "status", *args, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_day_five_at_noon_lima():
    data = _status("--demo", "--at", "2025-12-03T12:00:00-05:00")
    assert data["as_of"] == "2025-12-03T17:00:00Z" and data["exercise"] is True
    (chain,) = data["decrees"]
    assert {k: chain[k] for k in ("number", "day", "days", "state", "ends_on", "ends_at")} == {
        "number": "DS N° 135-2025-PCM",
        "day": 5,
        "days": 60,
        "state": "in_force",
        "ends_on": "2026-01-27",
        "ends_at": "2026-01-28T05:00:00Z",
    }
    assert chain["remaining_seconds"] == 4_795_200
    assert chain["chain_ends_at"] == "2026-03-29T05:00:00Z"
    assert chain["chain"] == ["DS N° 135-2025-PCM", "DS N° 013-2026-PCM"]
    assert chain["ends_local"]["America/Santiago"] == "2026-01-28T02:00:00-03:00"
    runoff = data["milestones"][1]
    assert (runoff["title"], runoff["days_left"], runoff["tz"]) == (
        "Segunda vuelta en Chile",
        11,
        "America/Santiago",
    )
    assert [m["at"] for m in data["milestones"]] == sorted(m["at"] for m in data["milestones"])
    assert data["past_milestones"][0]["title"].startswith("Comité Binacional")


def test_last_second_then_the_extension(demo_path):
    data = _status("--db", str(demo_path), "--at", "2026-01-27T23:59:59-05:00")
    (chain,) = data["decrees"]
    assert (chain["number"], chain["day"], chain["state"], chain["remaining_seconds"]) == (
        "DS N° 135-2025-PCM",
        60,
        "critical",
        1,
    )
    (chain,) = _status("--db", str(demo_path), "--at", "2026-01-28T00:00:00-05:00")["decrees"]
    assert (chain["number"], chain["day"], chain["days"]) == ("DS N° 013-2026-PCM", 1, 60)


def test_expired_and_a_late_extensions_gap(demo_path):
    (chain,) = _status("--db", str(demo_path), "--at", "2026-04-01T00:00:00-05:00")["decrees"]
    assert (chain["state"], chain["remaining_seconds"]) == ("expired", 0)
    store = Store.open(demo_path)
    ext = next(d for d in store.decrees() if d.extends)
    store.correct(ext.id, starts_on="2026-01-30")
    store.close()
    (chain,) = _status("--db", str(demo_path), "--at", "2026-01-29T12:00:00-05:00")["decrees"]
    assert (chain["state"], chain["lapsed"], chain["lapsed_days"]) == ("upcoming", True, 2)
    assert [g["days"] for g in chain["gaps"]] == [2]


def test_thresholds_come_from_the_database(demo_path):
    store = Store.open(demo_path)
    store.set_meta(countdown_warn_days="14", countdown_critical_days="3")
    store.close()
    data = _status("--db", str(demo_path), "--at", "2026-01-17T12:00:00-05:00")
    assert data["thresholds"] == {"warn_days": 14, "critical_days": 3}
    assert data["decrees"][0]["state"] == "warning"
