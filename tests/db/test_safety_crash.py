"""SIGKILL an importer at random moments, as SQLite's own crash tests do, and check every time.

After each kill the file passes ``quick_check``, every batch is whole or absent, every batch
whose commit was reported is present, and nothing committed earlier has gone. The importer
checkpoints often (``wal_autocheckpoint = 20``), so kills also land mid-checkpoint, and each
importer starts by recovering the WAL its killed predecessor left.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import time
from collections import Counter

import pytest

from db.store.store import Store
from tests.safety_workers import BATCH_ROWS, import_batches

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and forkserver are POSIX")

KILLS = 100
SOAK_KILLS = 2000
MAX_WAIT_S = 30


class Importer:
    """An importer process and the commit reports it sent before it died."""

    def __init__(self, ctx, path, run: int) -> None:
        self._reports, writer = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=import_batches, args=(str(path), run, writer))
        self.proc.start()
        writer.close()  # ours: so that reading ends once the importer is dead
        self.messages: list[str] = []

    def wait_for(self, message: str | None, timeout_s: float) -> None:
        """Collect reports until ``message`` arrives or ``timeout_s`` passes (no sleeping)."""
        deadline = time.monotonic() + timeout_s
        while message not in self.messages:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._reports.poll(remaining):
                return
            try:
                self.messages.append(self._reports.recv_bytes().decode())
            except EOFError:
                return

    def kill(self) -> int:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.join(MAX_WAIT_S)
        self.wait_for(None, 0)  # what it reported before it died is still in the pipe
        self._reports.close()
        return self.proc.exitcode


def _run_kills(tmp_path, kills: int) -> Counter:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    path = tmp_path / "post.db"
    setup = Store.open(path, operator="setup")
    setup.add_site(name="Complejo Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)
    setup.close()
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["db.store.store", "tests.safety_workers"])

    present_before: set[str] = set()
    seen: Counter = Counter()
    for run in range(kills):
        where = f"seed {seed}, run {run}"
        importer = Importer(ctx, path, run)
        _kill_at_a_random_moment(importer, rng)
        code = importer.kill()
        assert code == -signal.SIGKILL, f"{where}: the importer ended by itself ({code})"
        reported = {
            f"r{run}-b{m.split()[1]}" for m in importer.messages if m.startswith("committed")
        }
        present = _check_after_kill(path, run, reported, present_before, where)
        seen["while opening" if "opened" not in importer.messages else "while importing"] += 1
        seen["just after a commit, before its report"] += bool(present - present_before - reported)
        seen["batches committed"] += len(present - present_before)
        present_before = present
    return seen


def _kill_at_a_random_moment(importer: Importer, rng: random.Random) -> None:
    """A third of the kills at a random time from the start (opening, WAL recovery), the rest
    a random few milliseconds after a random commit (mid-transaction, mid-checkpoint)."""
    if rng.random() < 1 / 3:
        importer.wait_for(None, rng.uniform(0, 0.05))
        return
    importer.wait_for(f"committed {rng.randrange(0, 6)}", MAX_WAIT_S)
    importer.wait_for(None, rng.uniform(0, 0.004))


def _check_after_kill(path, run, reported, present_before, where) -> set[str]:
    conn = sqlite3.connect(path, isolation_level=None)  # like the next opener: recovers the WAL
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)], where
        batches = dict(
            conn.execute("SELECT note, count(*) FROM observations GROUP BY note").fetchall()
        )
    finally:
        conn.close()
    torn = {note: n for note, n in batches.items() if n != BATCH_ROWS}
    assert not torn, f"{where}: batches present in part: {torn}"
    present = set(batches)
    assert reported <= present, f"{where}: reported but missing: {reported - present}"
    assert present_before <= present, f"{where}: lost: {present_before - present}"
    # Only the batch in flight may be present without its report (killed before reporting).
    unreported = present - present_before - reported
    assert unreported <= {f"r{run}-b{len(reported)}"}, f"{where}: unexpected {unreported}"
    return present


@pytest.mark.slow
def test_killed_importer_leaves_only_whole_batches(tmp_path):
    started = time.monotonic()
    seen = _run_kills(tmp_path, KILLS)
    print(f"\n{KILLS} kills in {time.monotonic() - started:.1f} s: {dict(seen)}")
    assert seen["while importing"] > KILLS / 3  # most kills really hit the import


@pytest.mark.soak
def test_killed_importer_soak(tmp_path):
    seen = _run_kills(tmp_path, SOAK_KILLS)
    print(f"\n{SOAK_KILLS} kills: {dict(seen)}")
