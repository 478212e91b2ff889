"""A user's SQLite file whose queries never end is refused, never waited on for good."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import user_sqlite
from db.errors import BasemapUnavailable
from db.geo.mbtiles import MBTiles
from tests.db.test_mbtiles import make_mbtiles

ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n) "
    "SELECT i * 0 + 3 AS zoom_level, i * 0 AS tile_column, i * 0 + 7 AS tile_row, "
    "x'00' AS tile_data "
    "FROM n WHERE i < 0"  # never true: the search for a first row goes on for ever
)


@pytest.fixture(autouse=True)
def short_limit(monkeypatch):
    monkeypatch.setattr(user_sqlite, "QUERY_LIMIT_S", 0.3)


def test_an_endlessly_recursive_tiles_view_is_refused(tmp_path: Path):
    path = tmp_path / "bucle.mbtiles"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("INSERT INTO metadata VALUES ('format', 'png')")
    conn.execute(f"CREATE VIEW tiles AS {ENDLESS}")
    conn.commit()
    conn.close()
    with pytest.raises(BasemapUnavailable) as refused:
        MBTiles.open(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: refused: a query on this file ran longer than 0.3 s")
    assert "may loop" in message


def test_a_tile_query_that_loops_stops_the_tiles_not_the_map(tmp_path: Path):
    path = make_mbtiles(tmp_path / "base.mbtiles")
    with MBTiles.open(path) as good:
        assert good.tile(0, 0, 0) is not None
    # A view that answers the checks on opening, then loops looking for a tile it lacks.
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE tiles RENAME TO real_tiles")
    conn.execute(
        f"CREATE VIEW tiles AS SELECT * FROM real_tiles UNION ALL SELECT * FROM ({ENDLESS})"
    )
    conn.commit()
    conn.close()
    with MBTiles.open(path) as looping:
        assert looping.tile(3, 0, 0) is None  # not in the file: the view loops looking for it
        assert looping.stopped
        assert looping.tile(1, 0, 0) is None  # once stopped, the file is asked nothing more
