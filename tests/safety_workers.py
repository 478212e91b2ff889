"""Child processes for the safety tests, and the parent's side of talking to them.

Run as ``python -m tests.safety_workers ROLE DB ...`` from the project root. Every child
imports, prints ``ready``, waits for ``go`` on stdin (so the parent can start several at the same
instant, or start the next one while the previous one runs), then does its work, printing one
line per fact the parent must know (``committed 7``) and flushing it at once. Any exception is
printed to stderr and makes the child exit 1: the parent fails the test with that text.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH_ROWS = 50
PERIOD = {"period_start": "2025-12-01T12:00:00Z", "period_end": "2025-12-01T13:00:00Z"}


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _observation(site_id: str, note: str, count: int) -> dict:
    return {
        "site_id": site_id,
        "category": "crossed_regular",
        "count": count,
        "note": note,
        **PERIOD,
    }


def writer(db: str, wid: str, total: str, batch: str) -> None:
    """Write ``total`` observations noted ``w{wid}-{i}``: one per transaction, or in batches."""
    from db.store.store import Store

    store = Store.open(db, operator=f"writer{wid}")
    site_id = store.sites()[0].id
    size = int(batch)
    for start in range(0, int(total), size):
        notes = [f"w{wid}-{i}" for i in range(start, min(start + size, int(total)))]
        if size == 1:
            store.add_observation(**_observation(site_id, notes[0], start))
        else:
            rows = [store.prepare("observations", _observation(site_id, n, 1)) for n in notes]
            store.insert_rows("observations", rows)
    store.close()
    _say(f"done {total}")


def reader(db: str, batch_writer: str, batch: str) -> None:
    """Read until told to stop; counts never go down, and a batch is never seen in part."""
    from db.store.store import Store

    store = Store.open(db, operator="reader")
    watch = selectors.DefaultSelector()
    watch.register(sys.stdin, selectors.EVENT_READ)
    last: dict[str, int] = {}
    reads = 0
    while not watch.select(timeout=0):
        counts = dict(
            store.conn.execute(
                "SELECT substr(note, 1, instr(note, '-') - 1), count(*) "
                "FROM current_observations GROUP BY 1"
            ).fetchall()
        )
        for who, count in counts.items():
            if count < last.get(who, 0):
                raise AssertionError(f"{who}: count went down from {last[who]} to {count}")
            if who == f"w{batch_writer}" and count % int(batch):
                raise AssertionError(f"{who}: saw {count} rows, part of a batch of {batch}")
        last = counts
        store.counts()
        reads += 1
    store.close()
    _say(f"reads {reads}")


def import_batches(db: str, run: int, report: Connection) -> None:
    """Import batches noted ``r{run}-b{n}`` until killed, reporting each commit on ``report``.

    Runs in a process forked from a forkserver that has already imported the store, so a
    hundred of these start in milliseconds, not a hundred interpreter start-ups.
    """
    from db.store.store import Store

    store = Store.open(db, operator="importer")
    # Checkpoint often, so that kills also land in the middle of checkpoints.
    store.conn.execute("PRAGMA wal_autocheckpoint = 20")
    report.send_bytes(b"opened")
    site_id = store.sites()[0].id
    for n in range(100_000):
        note = f"r{run}-b{n}"
        rows = [
            store.prepare("observations", _observation(site_id, note, i)) for i in range(BATCH_ROWS)
        ]
        store.insert_rows("observations", rows)
        report.send_bytes(f"committed {n}".encode())  # one write(2): whole or not at all


def opener(db: str) -> None:
    """Open (creating if needed) the database and say which station it belongs to."""
    from db.store.store import Store

    store = Store.open(db, operator="opener")
    _say(f"station {store.station_id}")
    store.close()


ROLES = {"writer": writer, "reader": reader, "opener": opener}


def main() -> None:
    role, *args = sys.argv[1:]
    import db.store.store  # noqa: F401  (imported before "ready": kills should hit work, not imports)

    _say("ready")
    if sys.stdin.readline().strip() != "go":
        return
    try:
        ROLES[role](*args)
    except BaseException as exc:
        print(f"{role}: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None


# -- the parent's side ------------------------------------------------------------------------
LIVE: list[Child] = []  # children not finished yet: a failed test's are ended at teardown


def end_all() -> None:
    """Kill and reap every child a test left running, so none outlives its test."""
    while LIVE:
        child = LIVE.pop()
        if child.proc.poll() is None:
            child.proc.kill()
        child.finish()


class Child:
    """A worker process whose output lines can be awaited with a deadline (never a sleep)."""

    def __init__(self, role: str, *args: str, stderr_path: Path) -> None:
        self.stderr_path = stderr_path
        # The child keeps its own handle; ours closes at once so no failed test leaks it.
        with stderr_path.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.safety_workers", role, *args],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
        self.lines: list[str] = []
        self._buffer = b""
        self._eof = False
        LIVE.append(self)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def wait_for(self, predicate, timeout_s: float) -> bool:
        """Collect output until ``predicate(lines)`` holds, the child ends, or time runs out."""
        deadline = time.monotonic() + timeout_s
        while not predicate(self.lines):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._eof:
                return predicate(self.lines)
            self._read(remaining)
        return True

    def _read(self, timeout_s: float) -> None:
        assert self.proc.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout_s):
                return
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if not chunk:
            self._eof = True
        self._buffer += chunk
        *done, self._buffer = self._buffer.split(b"\n")
        self.lines += [d.decode() for d in done]

    def kill(self) -> int:
        self.proc.kill()
        return self.finish()

    def finish(self, timeout_s: float = 60) -> int:
        """Wait for the end, collect the rest of the output, return the exit code."""
        if self in LIVE:
            LIVE.remove(self)
        code = self.proc.wait(timeout_s)
        while not self._eof:
            self._read(timeout_s)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream:
                stream.close()
        return code

    @property
    def errors(self) -> str:
        return self.stderr_path.read_text(errors="replace")


if __name__ == "__main__":
    main()
