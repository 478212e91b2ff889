"""The window checks and backs up a database in a thread once it is open (docs/architecture.md §12)."""

from __future__ import annotations

from datetime import timedelta

from db.safety.backup import list_backups
from db.store.store import Store
from desktop.window.opening_checks import OpeningChecks
from tests.conftest import lima

PAGE = 4096


def test_a_sound_file_is_backed_up_and_the_backup_noted(qtbot, demo):
    checks = OpeningChecks(demo, back_up=True)
    checks.start()
    qtbot.waitUntil(lambda: demo.meta("last_backup_at") is not None, timeout=20_000)
    (backup,) = list_backups(demo.path)
    assert Store.open(backup.path, read_only=True).counts() == demo.counts()
    checks.wait()


def test_a_damaged_file_is_reported_once_open(qtbot, tmp_path):
    path = tmp_path / "post.db"
    store = Store.open(path, operator="Tester")
    site = store.add_site(name="Paso", kind="crossing", country="PE", lat=-18, lon=-70)
    rows = [
        store.prepare(
            "observations",
            {
                "site_id": site.id,
                "period_start": lima(2025, 12, 1) + timedelta(hours=i),
                "period_end": lima(2025, 12, 1) + timedelta(hours=i + 1),
                "category": "crossed_regular",
                "direction": "into_peru",
                "count": i,
            },
        )
        for i in range(2000)
    ]
    store.insert_rows("observations", rows)
    store.close()
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as fh:  # scribble over a page of the counts, not the header
        fh.seek((pages // 2) * PAGE)
        fh.write(b"\xa5" * PAGE)
    opened = Store.open(path, operator="Tester", check=False)  # what the window does
    checks = OpeningChecks(opened, back_up=True)
    with qtbot.waitSignal(checks.damaged, timeout=20_000) as report:
        checks.start()
    assert str(path) in report.args[0] and "restore a backup" in report.args[0]
    checks.wait()
    assert list_backups(path) == []  # a damaged file is not copied as a good backup
    opened.close()
