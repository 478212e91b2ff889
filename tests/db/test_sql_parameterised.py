"""SQL is always parameterised: no value an operator or a file supplies is ever part of SQL text.

Rather than scanning source for f-strings (table names from fixed lists are formatted in on
purpose, and a scan needs an allow-list that ages badly), every statement is recorded as the
program hands it to SQLite, before binding, while a workload pushes a marker value through every
text field, filter, reason, operator name, station name, file name and meta value the db/ layer
accepts. The marker holds a quote and a comment, so a formatted-in copy would also break the SQL.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from functools import partial

import pytest

from db.errors import RecordNotFound
from db.flows.counted import counted as counted_in
from db.flows.figures import daily_series
from db.safety.backup import backup_now, list_backups, restore_backup
from db.safety.check import check_database
from db.status import status
from db.store.store import Store

MARK = "Zq'9\"; DROP TABLE sites; --ñ"
STATEMENTS: list[str] = []


class RecordingCursor(sqlite3.Cursor):
    def execute(self, sql, *args):
        STATEMENTS.append(sql)
        return super().execute(sql, *args)

    def executemany(self, sql, *args):
        STATEMENTS.append(sql)
        return super().executemany(sql, *args)

    def executescript(self, sql):
        STATEMENTS.append(sql)
        return super().executescript(sql)


class RecordingConnection(sqlite3.Connection):
    def cursor(self, factory=RecordingCursor):
        return super().cursor(factory)

    def execute(self, sql, *args):
        STATEMENTS.append(sql)
        return super().execute(sql, *args)

    def executemany(self, sql, *args):
        STATEMENTS.append(sql)
        return super().executemany(sql, *args)

    def executescript(self, sql):
        STATEMENTS.append(sql)
        return super().executescript(sql)


@pytest.fixture
def recorded(monkeypatch):
    STATEMENTS.clear()
    monkeypatch.setattr(sqlite3, "connect", partial(sqlite3.connect, factory=RecordingConnection))
    return STATEMENTS


def _workload(folder) -> None:
    path = folder / f"post {MARK}.db"  # the file name reaches backups' names and meta too
    store = Store.open(path, operator=f"Ana {MARK}")
    store.set_meta(station_name=f"Puesto {MARK}", scenario=MARK)
    assert store.meta("scenario") == MARK
    site = store.add_site(
        name=f"Santa Rosa {MARK}", kind="crossing", lat=-18.3, lon=-70.3, source=MARK, note=MARK
    )
    counted = dict(period_start="2025-12-01T12:00:00Z", period_end="2025-12-01T13:00:00Z")
    obs = store.add_observation(
        site_id=site.id, category="crossed_regular", count=5, nationality=MARK, note=MARK, **counted
    )
    rows = [
        store.prepare("observations", dict(site_id=site.id, category="detained", count=i,
                                           source=MARK, **counted))
        for i in range(3)
    ]  # fmt: skip
    store.insert_rows("observations", rows)
    event = store.add_event(kind="incident", title=MARK, occurred_at="2025-12-01T13:00Z", note=MARK)
    decree = store.add_decree(number=MARK, starts_on="2025-11-29", days=60, title=MARK, zone=MARK)
    store.add_decree(number=f"{MARK} 2", starts_on="2026-01-28", days=60, extends=decree.id)
    store.add_milestone(title=MARK, kind="election", at="2026-06-07T13:00:00Z", source=MARK)
    fixed = store.correct(obs.id, note=f"{MARK} corregido")
    store.void(event.id, reason=MARK)
    assert [o.note for o in store.observations(site_id=site.id, entered_by=f"Ana {MARK}")][:1] == [
        f"{MARK} corregido"
    ]
    assert store.observations(site_id=MARK, category=MARK, entered_by=MARK) == []
    assert store.last_entry_by(f"Ana {MARK}") is not None
    assert len(store.history(fixed.id)) == 2
    assert store.site_by_name(f"Santa Rosa {MARK}") == site
    with pytest.raises(RecordNotFound):
        store.get(MARK)
    daily_series(store, date(2025, 12, 1), date(2025, 12, 2), site_id=site.id)
    daily_series(store, date(2025, 12, 1), date(2025, 12, 2), site_id=MARK)
    at = datetime(2025, 12, 1, 20, tzinfo=UTC)
    counted_in(store, datetime(2025, 12, 1, tzinfo=UTC), at, known_at=at)
    status(store, at, exercise=True)
    saved = backup_now(store)
    assert list_backups(path)
    restore_backup(store, saved)
    assert check_database(path)
    store.close()


def test_no_value_is_ever_part_of_sql_text(recorded, tmp_path):
    _workload(tmp_path)
    assert len(recorded) > 50  # the recording really saw the workload's statements
    leaked = [sql for sql in recorded if "Zq'9" in sql or "DROP TABLE" in sql]
    assert leaked == []


def test_the_recording_would_catch_a_formatted_value(recorded, tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (MARK,))
    with pytest.raises(sqlite3.OperationalError):  # the mistake this file is about
        conn.execute(f"SELECT * FROM t WHERE v = '{MARK[:4]}'")
    conn.close()
    assert [sql for sql in recorded if "Zq'9" in sql] == ["SELECT * FROM t WHERE v = 'Zq'9'"]
