"""Run every benchmark and print one JSON object per line (docs/architecture.md §12).

    python tests/perf/run.py [--db PATH] [--quick]

Each line: ``{"metric", "value", "unit", "target", "baseline", "cores", "load", ...}``; a line's
``value`` is what its ``target`` judges. Where the target is relative (start-up against a bare
PySide6 window, the 1M-row database against the demo), the line is the ratio (unit ``x``) and
``baseline`` the median seconds of what it is compared with, measured in the same run: absolute
times on a shared machine drift, ratios much less.

Without ``--db`` the 1M-row database is built once by ``make_big_db.py`` into
``$XDG_CACHE_HOME/situation-room/perf/`` (``~/.cache/...``; the file name carries a hash of the
builder and the schema, so a change to either builds a new one). Each run works on a copy.
Every process measured is started several times (5, ``--quick`` 3; start-up 15 and 5) and the
median is reported; start-up runs are interleaved (bare, demo, big, bare, ...) so a change in
the machine's load touches all of them alike, and its ratios are taken within each round (see
``startup``): those lines have the unit ``x``, their ``target`` a ratio and their ``baseline``
the median seconds of what they are compared with. Settings go to a temporary folder, so no one's layout is used.

The other benchmarks are the ``bench_*.py`` scripts next to this one (and ``countdown_tick.py``),
each run as a process; they find the 1M-row database in ``$SITUATION_ROOM_BIG_DB`` and
``--quick`` as ``SITUATION_ROOM_PERF_QUICK=1``.

The project's modules are compiled to bytecode first, as ``pip install`` does for an installed
copy: a checkout run with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile every module
on every start it measures.

Not part of the test run (``tests/perf`` is not collected); it asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# Targets (a 2-core machine, offscreen).
FIRST_PAINT_X_BARE = 2.0
ALL_PANELS_X_BARE = 5.0
BIG_X_DEMO = 1.2
COMMIT_MEDIAN_MS = 300.0
COMMIT_P95_MS = 500.0
RSS_MB = 350.0


# What every benchmark script may read: the 1M-row database (a working copy) and --quick.
BIG_DB_ENV = "SITUATION_ROOM_BIG_DB"
QUICK_ENV = "SITUATION_ROOM_PERF_QUICK"


def benchmarks() -> list[Path]:
    """Every benchmark script: ``bench_*.py`` (and the countdown tick), each printing JSON lines."""
    return sorted([*HERE.glob("bench_*.py"), HERE / "countdown_tick.py"])


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "situation-room" / "perf"


def big_db(path_arg: str | None) -> Path:
    """The 1M-row database: the one given, or the cached build (made now if missing)."""
    if path_arg:
        return Path(path_arg)
    digest = hashlib.sha256()
    for source in (HERE / "make_big_db.py", *sorted((ROOT / "db").rglob("*.py"))):
        digest.update(source.read_bytes())
    path = cache_dir() / f"big-{digest.hexdigest()[:12]}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".building")
        for stale in path.parent.glob(partial.name + "*"):
            stale.unlink()
        log(f"building the 1M-row database into {path} (about a minute)")
        subprocess.run(
            [sys.executable, str(HERE / "make_big_db.py"), str(partial)],
            check=True,
            stdout=sys.stderr,  # its summary is not one of our JSON lines
        )
        partial.rename(path)
    log(f"1M-row database: {path}")
    return path


def log(message: str) -> None:
    print(f"[perf] {message}", file=sys.stderr, flush=True)


def emit(
    metric: str,
    value: float,
    unit: str,
    target: float | None = None,
    baseline: float | None = None,
    **context,
) -> None:
    line = {
        "metric": metric,
        "value": round(value, 3),
        "unit": unit,
        "target": None if target is None else round(target, 3),
        "baseline": None if baseline is None else round(baseline, 3),
        "cores": os.cpu_count(),
        "load": round(os.getloadavg()[0], 2),
        **context,
    }
    print(json.dumps(line), flush=True)


class Runner:
    def __init__(self, work: Path) -> None:
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(work / "config"),
            "SITUATION_ROOM_OPERATOR": "bench",
            "PYTHONPATH": str(ROOT),
        }

    def lines(self, argv: list[str], timeout: float = 600) -> tuple[float, list[dict]]:
        """Start ``argv``; its JSON lines and the monotonic time just before it started."""
        t0 = time.monotonic()
        done = subprocess.run(
            [sys.executable, *argv],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        out = []
        for text in done.stdout.splitlines():
            try:
                out.append(json.loads(text))
            except json.JSONDecodeError:
                continue
        if done.returncode != 0:
            log(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
        return t0, out


def startup(runner: Runner, demo_args: list[str], big_args: list[str], runs: int) -> dict:
    """Start-up to first useful paint and to every panel drawn, bare window as the baseline.

    Each round starts the three kinds back to back (bare, demo, 1M), and each ratio is taken
    within its round, then the median over the rounds: the same pairing that interleaving is
    for. On this shared machine single starts jump by half their time; ratios of the medians
    of each kind, taken apart, let one unlucky round of one kind move the verdict (resampling
    33 rounds in groups of 11: first paint 1.60-2.00x bare between the 5th and 95th
    percentiles, against 1.75-1.90x for the paired ratio; 1M every panel 1.00-1.29x against
    1.03-1.16x). The seconds of each kind are reported too (median and fastest), without a
    target of their own.
    """
    probe = str(HERE / "probe_app.py")
    kinds = {
        "bare": [str(HERE / "probe_bare.py")],
        "demo": [probe, *demo_args],
        "big": [probe, *big_args],
    }
    rounds: list[dict[str, float]] = []
    rss: list[float] = []
    for i in range(runs + 1):  # the first round warms the disk cache and is not counted
        seen: dict[str, float] = {}
        for kind, argv in kinds.items():
            t0, lines = runner.lines(argv)
            for line in lines:
                if "first_paint" in line:
                    seen[f"{kind}_first"] = line["first_paint"] - t0
                elif line.get("event") == "first_paint":
                    seen[f"{kind}_first"] = line["t"] - t0
                elif line.get("event") == "all_drawn":
                    seen[f"{kind}_all"] = line["t"] - t0
                elif line.get("event") == "rss_peak_mb" and kind == "big":
                    rss.append(line["value"])
        if i:
            rounds.append(seen)
    n = {"runs": runs}

    def seconds(metric: str, key: str) -> float:
        values = [r[key] for r in rounds if key in r]
        median = _median(values)
        emit(metric, median, "s", fastest=round(min(values, default=0), 3), **n)
        return median

    def ratio(metric: str, key: str, base: str, target: float, baseline: float) -> None:
        paired = [r[key] / r[base] for r in rounds if key in r and base in r]
        emit(metric, _median(paired), "x", target, baseline, **n)

    bare = seconds("start_bare_pyside6_window_s", "bare_first")
    for phase, name, times_bare in (
        ("first", "first_paint", FIRST_PAINT_X_BARE),
        ("all", "all_panels", ALL_PANELS_X_BARE),
    ):
        demo = seconds(f"start_{name}_demo_s", f"demo_{phase}")
        seconds(f"start_{name}_1m_s", f"big_{phase}")
        # The demo against the bare window; the 1M-row database against the demo.
        ratio(f"start_{name}_demo_x_bare", f"demo_{phase}", "bare_first", times_bare, bare)
        ratio(f"start_{name}_1m_x_demo", f"big_{phase}", f"demo_{phase}", BIG_X_DEMO, demo)
    if rss:
        emit("start_peak_rss_1m_mb", max(rss), "MB", RSS_MB, **n)
    return {"rounds": rounds}


def commits(runner: Runner, label: str, argv: list[str], rounds: int) -> None:
    """An external commit until every panel shows it: median and 95th percentile."""
    _t0, lines = runner.lines([str(HERE / "probe_app.py"), *argv, "--commits", str(rounds)])
    latencies = [line["latency_ms"] for line in lines if line.get("event") == "commit"]
    if len(latencies) < rounds:
        log(f"commit rounds on {label}: only {len(latencies)} of {rounds} completed: {lines[-2:]}")
    if not latencies:
        return
    per_panel: dict[str, list[float]] = {}
    for line in lines:
        for panel, ms in line.get("panels_ms", {}).items():
            per_panel.setdefault(panel, []).append(ms)
    n = {"rounds": len(latencies)}
    emit(f"commit_to_visible_{label}_ms_median", _median(latencies), "ms", COMMIT_MEDIAN_MS, **n)
    emit(f"commit_to_visible_{label}_ms_p95", _p95(latencies), "ms", COMMIT_P95_MS, **n)
    emit(
        f"commit_to_visible_{label}_ms_median_per_panel",
        max(_median(v) for v in per_panel.values()),
        "ms",
        panels={k: round(_median(v), 1) for k, v in per_panel.items()},
        **n,
    )
    for line in lines:
        if line.get("event") == "rss_peak_mb" and label == "1m":
            emit("commit_rounds_peak_rss_1m_mb", line["value"], "MB", RSS_MB)


def forward(runner: Runner, argv: list[str], source: str, timeout: float = 900) -> None:
    """Run another benchmark script and pass its JSON lines on, in the common form."""
    log(f"running {source}")
    _t0, lines = runner.lines(argv, timeout=timeout)
    for line in lines:
        if "metric" not in line:
            continue
        line = dict(line)
        metric, value, unit = line.pop("metric"), line.pop("value"), line.pop("unit", "")
        emit(
            metric,
            value,
            unit,
            line.pop("target", None),
            line.pop("baseline", None),
            source=source,
            **line,
        )


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the 1M-row database (default: built once into the cache)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and rounds")
    parser.add_argument(
        "--only", help="run only the groups named, comma-separated (start,commit,bench)"
    )
    a = parser.parse_args()
    groups = set((a.only or "start,commit,bench").split(","))
    runs, rounds = (3, 12) if a.quick else (5, 30)
    for folder in ("db", "desktop", "tests/perf"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    source = big_db(a.db)
    with tempfile.TemporaryDirectory(prefix="situation-room-perf-") as tmp:
        work = Path(tmp)
        big = work / "big.db"
        shutil.copyfile(source, big)  # the commit rounds write to it; never to the source
        runner = Runner(work)
        log(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; working in {work}")
        if "start" in groups:
            log("start-up: bare window, demo, 1M rows")
            startup(runner, ["--demo"], ["--db", str(big)], 5 if a.quick else 15)
        if "commit" in groups:
            log("external commits until every panel shows them")
            commits(runner, "demo", ["--demo"], rounds)
            commits(runner, "1m", ["--db", str(big)], rounds)
        if "bench" in groups:
            runner.env[BIG_DB_ENV] = str(big)
            if a.quick:
                runner.env[QUICK_ENV] = "1"
            for script in benchmarks():
                forward(runner, [str(script)], script.stem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
