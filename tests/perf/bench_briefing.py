"""Daily-briefing benchmark: the briefing written by the CLI, wall time including start-up.

Run from the repository root: ``python tests/perf/bench_briefing.py [RUNS]``. Each run is a
fresh process, exactly as a scheduled job or an operator would start it:
``situation-room brief --demo --out FILE.pdf`` with no display. Prints one JSON line per
metric (the median of the runs, and the fastest); asserts nothing. With
``$SITUATION_ROOM_BIG_DB`` (tests/perf/run.py sets it) the same from the 1,000,000-count
database, ``brief --db BIG_DB`` (target 3 s).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_S = 2.0
BIG_TARGET_S = 3.0


def one_run(out: Path, source: tuple[str, ...] = ("--demo",)) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one briefing."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)  # the command must find its own way without a display
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "brief", *source, "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 or not out.exists():
        raise SystemExit(f"brief failed: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as folder:
        one_run(Path(folder) / "warm.pdf")  # the first start fills the OS file cache
        results = [one_run(Path(folder) / f"brief-{i}.pdf") for i in range(runs)]
    times = [wall for wall, _cpu in results]
    cpus = [cpu for _wall, cpu in results]
    load = os.getloadavg()[0]
    print(
        json.dumps(
            {
                "metric": "briefing_demo_cli_s",
                "value": round(statistics.median(times), 3),
                "unit": "s",
                "target": TARGET_S,
                "runs": runs,
                "load_avg_1min": round(load, 2),  # other work on the machine stretches wall time
            }
        )
    )
    print(
        json.dumps(
            {
                "metric": "briefing_demo_cli_fastest_s",
                "value": round(min(times), 3),
                "unit": "s",
                "target": TARGET_S,
            }
        )
    )

    print(
        json.dumps(
            {
                "metric": "briefing_demo_cli_cpu_s",
                "value": round(statistics.median(cpus), 3),
                "unit": "s",
                "note": "user+sys CPU of the process; on an idle machine the wall time is close to it",
            }
        )
    )

    big = os.environ.get("SITUATION_ROOM_BIG_DB")
    if big:
        with tempfile.TemporaryDirectory() as folder:
            one_run(Path(folder) / "warm.pdf", ("--db", big))
            big_times = [
                one_run(Path(folder) / f"big-{i}.pdf", ("--db", big))[0] for i in range(runs)
            ]
        print(
            json.dumps(
                {
                    "metric": "briefing_1m_cli_s",
                    "value": round(statistics.median(big_times), 3),
                    "unit": "s",
                    "target": BIG_TARGET_S,
                    "runs": runs,
                }
            )
        )


if __name__ == "__main__":
    main()
