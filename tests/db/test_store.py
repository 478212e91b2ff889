"""The store without Qt: records, corrections, voiding, validation, migrations."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from db.errors import InvalidRecord, NotCurrent, StoreUnavailable
from db.store.records import Void
from db.store.schema import SCHEMA_VERSION
from db.store.store import Store
from tests.conftest import lima


def _site(store: Store, **over):
    values = dict(
        name="Complejo Santa Rosa", kind="crossing", country="PE", lat=-18.3155, lon=-70.3116
    )
    values.update(over)
    return store.add_site(**values)


def _obs(store: Store, site_ref: str, **over):
    values = dict(
        site_id=site_ref,
        period_start=lima(2025, 12, 1, 7),
        period_end=lima(2025, 12, 1, 19),
        direction="into_peru",
        category="crossed_regular",
        count=120,
        source="PNP",
    )
    values.update(over)
    return store.add_observation(**values)


def test_new_file_gets_schema_station_and_pragmas(tmp_path):
    store = Store.open(tmp_path / "new.db", operator="Ana")
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert len(store.station_id) == 36 and store.timezone == "America/Lima"


def test_reopening_keeps_station_and_records(tmp_path):
    path = tmp_path / "post.db"
    first = Store.open(path, operator="Ana")
    site = _site(first)
    station = first.station_id
    first.close()
    again = Store.open(path, operator="Luis")
    assert again.station_id == station
    assert [s.id for s in again.sites()] == [site.id]


def test_records_are_attributed(store):
    site = _site(store)
    obs = _obs(store, site.id)
    row = store.conn.execute("SELECT * FROM observations WHERE id = ?", (obs.id,)).fetchone()
    assert row["entered_by"] == "Tester"
    assert row["station"] == store.station_id
    assert row["entered_at"].endswith("Z") and row["entered_at"][:2] == "20"
    assert row["period_start"] == "2025-12-01T12:00:00Z"  # 07:00 Lima stored as UTC


def test_correction_supersedes_and_keeps_history(store):
    site = _site(store)
    obs = _obs(store, site.id)
    fixed = store.correct(obs.id, count=125)
    assert [o.count for o in store.observations()] == [125]
    assert fixed.supersedes == obs.id
    assert [v.count for v in store.history(obs.id)] == [120, 125]
    assert [v.count for v in store.history(fixed.id)] == [120, 125]
    with pytest.raises(NotCurrent):
        store.correct(obs.id, count=1)


def test_void_hides_but_keeps_the_record(store):
    site = _site(store)
    obs = _obs(store, site.id)
    store.void(obs.id, reason="typed twice")
    assert store.observations() == []
    assert store.conn.execute("SELECT count(*) FROM observations").fetchone()[0] == 1
    history = store.history(obs.id)
    assert isinstance(history[-1], Void) and history[-1].reason == "typed twice"
    with pytest.raises(InvalidRecord):
        store.void(_obs(store, site.id).id, reason=" ")


@pytest.mark.parametrize(
    ("over", "field", "code"),
    [
        ({"count": -1}, "count", "negative"),
        ({"count": 2.5}, "count", "not_integer"),
        ({"site_id": "nope"}, "site_id", "unknown_site"),
        ({"period_end": lima(2025, 12, 1, 6)}, "period_end", "end_before_start"),
        ({"period_start": datetime(2025, 12, 1, 7)}, "period_start", "naive_time"),
        ({"period_start": "2025-12-01T07:00"}, "period_start", "naive_time"),
        ({"category": "flying"}, "category", "unknown_code"),
        ({"adults": 100, "children": 30}, "children", "breakdown_exceeds"),
    ],
)
def test_invalid_observation_is_refused_and_nothing_written(store, over, field, code):
    site = _site(store)
    with pytest.raises(InvalidRecord) as err:
        _obs(store, site.id, **over)
    assert (field, code) in [(p.field, p.code) for p in err.value.problems]
    assert store.conn.execute("SELECT count(*) FROM observations").fetchone()[0] == 0


def test_stock_is_an_instant(store):
    site = _site(store, name="Línea de la Concordia", kind="gathering")
    obs = store.add_observation(
        site_id=site.id, period_start=lima(2025, 11, 30, 19), category="stranded", count=12
    )
    assert obs.period_end == obs.period_start


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"lat": -91}, "lat"),
        ({"lon": 181}, "lon"),
        ({"name": ""}, "name"),
        ({"country": "XX"}, "country"),
    ],
)
def test_invalid_site(store, over, field):
    with pytest.raises(InvalidRecord) as err:
        _site(store, **over)
    assert field in err.value.by_field()


def test_decree_rules(store):
    ds = store.add_decree(
        number="DS N° 135-2025-PCM", published_on="2025-11-28", starts_on="2025-11-29", days=60
    )
    with pytest.raises(InvalidRecord) as err:
        store.add_decree(number="X", published_on="2025-11-28", starts_on="2025-11-20", days=400)
    assert set(err.value.by_field()) == {"starts_on", "days"}
    with pytest.raises(InvalidRecord) as err:
        store.add_decree(
            number="DS N° 135-2025-PCM", starts_on="2026-01-28", days=60, extends=ds.id
        )
    assert "number" in err.value.by_field()
    ext = store.add_decree(
        number="DS N° 013-2026-PCM", starts_on="2026-01-28", days=60, extends=ds.id
    )
    with pytest.raises(InvalidRecord):
        store.void(ds.id, reason="extended, cannot void alone")
    store.void(ext.id, reason="withdrawn")
    with pytest.raises(InvalidRecord) as err:
        store.add_decree(number="DS N° 999", starts_on="2026-01-28", days=60, extends=ext.id)
    assert "extends" in err.value.by_field()


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs(x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreUnavailable, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreUnavailable, match="newer version"):
        Store.open(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello, this is not sqlite")
    with pytest.raises(StoreUnavailable, match="not a Situation Room database"):
        Store.open(path)


def test_listeners_hear_after_commit(store):
    heard = []
    store.subscribe(lambda: heard.append(store.conn.in_transaction))
    _site(store)
    assert heard == [False]
    with pytest.raises(InvalidRecord):
        _site(store, lat=500)
    assert heard == [False]


def test_undo_target_is_the_operators_last_entry(store):
    site = _site(store)
    obs = _obs(store, site.id)
    assert store.last_entry_by("Tester").id == obs.id
    assert store.last_entry_by("Someone else") is None


def test_bulk_reads_decode_fast_and_still_tolerate_damaged_text(store):
    from db.store.connection import plain_rows

    store.conn.execute("CREATE TEMP TABLE t (a TEXT, b INTEGER)")
    store.conn.execute("INSERT INTO t VALUES ('Peñas', 1), (CAST(x'4aff4b' AS TEXT), 2)")
    rows = plain_rows(store.conn, "SELECT a, b FROM t WHERE b = ?", (1,))
    assert rows == [("Peñas", 1)] and type(rows[0]) is tuple
    # One byte that is not UTF-8: the read is made again the tolerant way, not refused.
    assert plain_rows(store.conn, "SELECT a FROM t ORDER BY b") == [("Peñas",), ("J\ufffdK",)]
    # The connection keeps its tolerant decoding for every other read.
    assert store.conn.execute("SELECT a FROM t WHERE b = 2").fetchone()[0] == "J\ufffdK"
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        plain_rows(store.conn, "SELECT * FROM missing")
