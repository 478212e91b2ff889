"""``situation-room import observations`` / ``export observations`` as a script uses them."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from db.store.store import Store
from tests.csv_helpers import add_sites, stored, write

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        timeout=120,
        **kwargs,
    )


def make_post(tmp_path: Path) -> Path:
    db = tmp_path / "post.db"
    store = Store.open(db, operator="Ana")
    add_sites(store)
    store.close()
    return db


def test_import_then_export_then_import_again(tmp_path):
    db = make_post(tmp_path)
    path = write(
        tmp_path,
        "Sitio;Inicio;Fin;Dirección;Categoría;Cantidad\n"
        "tacna;20/11/2025 08:00;20/11/2025 20:00;Hacia Perú;Cruce regular;1.234\n"
        "LINEA DE LA CONCORDIA;20/11/2025 18:00;;;Varados;45\n",
        encoding="cp1252",
    )
    r = run("import", "observations", str(path), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"{path}: 2 rows read: 2 added, 0 already present\n"
    assert r.stderr == ""  # no progress line when stderr is not a terminal
    out = tmp_path / "export.csv"
    r = run("export", "observations", str(out), "--db", str(db))
    assert r.returncode == 0 and r.stdout == f"{out}: wrote 2 observations\n"
    r = run("import", "observations", str(out), "--db", str(db))
    assert r.stdout == f"{out}: 2 rows read: 0 added, 2 already present\n"


def test_a_refused_file_lists_every_bad_row_on_stderr_and_exits_1(tmp_path):
    db = make_post(tmp_path)
    store = Store.open(db)
    before = stored(store)
    store.close()
    rows = "".join(f"Tacna,2{i}/11/2025,assisted,{i},9\n" for i in range(7))
    path = write(tmp_path, f"site,start,category,count,children\n{rows}")
    r = run("import", "observations", str(path), "--db", str(db))
    assert r.returncode == 1 and r.stdout == "" and "Traceback" not in r.stderr
    # Seven rows with more children than people: all seven are listed, not the first five.
    assert r.stderr.splitlines() == [
        f"{path}:{i + 2}: children: adults + children (9) exceed the count ({i})" for i in range(7)
    ] + [f"situation-room: {path}: nothing imported (7 problems)"]
    store = Store.open(db)
    assert stored(store) == before
    store.close()


def test_export_observations_wants_a_csv_name(tmp_path):
    db = make_post(tmp_path)
    r = run("export", "observations", str(tmp_path / "obs.kml"), "--db", str(db))
    assert r.returncode == 1 and "exported as CSV" in r.stderr
    assert not (tmp_path / "obs.kml").exists()


def test_progress_is_shown_on_a_terminal(tmp_path):
    db = make_post(tmp_path)
    rows = "".join(f"Tacna,{1 + i % 28:02d}/11/2025,assisted,{i}\n" for i in range(2500))
    path = write(tmp_path, f"site,start,category,count\n{rows}")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "import", "observations", str(path), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=follower,
        cwd=ROOT,
        env=ENV,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=120)
    os.close(leader)
    assert proc.returncode == 0
    assert b"checked 2,000 of 2,500 rows" in seen and b"checked 2,500 of 2,500 rows" in seen
    assert b"2500 rows read: 2500 added" in out


def test_a_file_with_many_bad_rows_lists_the_first_fifty_and_counts_them_all(tmp_path):
    db = make_post(tmp_path)
    rows = "".join(f"Tacna,01/11/2025,assisted,{i},{i + 1}\n" for i in range(60))
    path = write(tmp_path, f"site,start,category,count,children\n{rows}")
    r = run("import", "observations", str(path), "--db", str(db))
    lines = r.stderr.splitlines()
    assert r.returncode == 1 and r.stdout == ""
    assert len(lines) == 52
    assert lines[49] == f"{path}:51: children: adults + children (50) exceed the count (49)"
    assert lines[50] == "… and 10 more"
    assert lines[51] == f"situation-room: {path}: nothing imported (60 problems)"


def test_an_import_into_an_exercise_database_is_reported_at_its_clock(tmp_path, demo_path):
    from tests.conftest import lima

    path = write(
        tmp_path,
        "Sitio;Inicio;Fin;Dirección;Categoría;Cantidad\n"
        "Complejo Santa Rosa;01/12/2025 06:00;01/12/2025 07:00;Hacia Perú;Rechazados;17\n",
    )
    r = run("import", "observations", str(path), "--db", str(demo_path))
    assert r.returncode == 0, r.stderr
    store = Store.open(demo_path)
    (added,) = [
        o
        for o in store.observations(category="turned_back")
        if o.count == 17 and not o.illustrative
    ]
    assert added.entered_at == lima(2025, 12, 1, 8)  # the exercise database's clock
    assert added.id in store.real_entry_times([added.id])
    store.close()
