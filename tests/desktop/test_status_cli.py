"""``situation-room status --json --at`` reports the countdown's exact values."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from db.store.store import Store
from db.sync.bundle_rows import ATTRIBUTION

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
    # The extension is published on 24 Jan: not yet in the chain.
    assert chain["chain_ends_at"] == "2026-01-28T05:00:00Z"
    assert chain["chain"] == ["DS N° 135-2025-PCM"]
    assert (chain["chain_day"], chain["chain_days"]) == (5, 60)
    assert chain["chain_remaining_seconds"] == 4_795_200
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
    # The extension was published on 24 Jan: the chain's state, not the link's, is the alarm.
    assert (chain["number"], chain["day"], chain["state"], chain["remaining_seconds"]) == (
        "DS N° 135-2025-PCM",
        60,
        "in_force",
        1,
    )
    assert chain["chain"] == ["DS N° 135-2025-PCM", "DS N° 013-2026-PCM"]
    assert (chain["chain_day"], chain["chain_days"]) == (60, 120)
    assert chain["chain_remaining_seconds"] == 60 * 86_400 + 1
    (chain,) = _status("--db", str(demo_path), "--at", "2026-01-28T00:00:00-05:00")["decrees"]
    assert (chain["number"], chain["day"], chain["days"]) == ("DS N° 013-2026-PCM", 1, 60)
    assert chain["chain_day"] == 61


def test_warning_before_the_extension_is_published_and_the_running_day(demo_path):
    (chain,) = _status("--db", str(demo_path), "--at", "2026-01-22T12:00:00-05:00")["decrees"]
    assert (chain["state"], chain["chain"]) == ("warning", ["DS N° 135-2025-PCM"])
    (chain,) = _status("--db", str(demo_path), "--at", "2026-02-01T12:00:00-05:00")["decrees"]
    assert (chain["state"], chain["day"], chain["chain_day"]) == ("in_force", 5, 65)


def test_expired_and_a_late_extensions_gap(demo_path):
    (chain,) = _status("--db", str(demo_path), "--at", "2026-04-01T00:00:00-05:00")["decrees"]
    assert (chain["state"], chain["remaining_seconds"]) == ("expired", 0)
    store = Store.open(demo_path)
    ext = next(d for d in store.decrees() if d.extends)
    # Corrected on 25 Jan (its report time), as the post learnt of it then.
    row = dict(store.conn.execute("SELECT * FROM decrees WHERE id = ?", (ext.id,)).fetchone())
    values = {k: v for k, v in row.items() if k not in ATTRIBUTION}
    correction = store.prepare("decrees", {**values, "starts_on": "2026-01-30"}, supersedes=ext.id)
    correction["entered_at"] = "2026-01-25T15:00:00.000000Z"
    store.insert_rows("decrees", [correction])
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


def test_the_text_says_the_running_day_of_the_emergency(demo_path):
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--lang", "es", "status", "--db", str(demo_path)]
        + ["--at", "2026-02-01T12:00:00-05:00"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (  # the figures follow (figure_lines)
        "DS N° 013-2026-PCM: día 5 de 60, vigente, vence 2026-03-28 "
        "(día 65 del estado de emergencia)"
    )
