"""Writing an OGC GeoPackage (1.4): the core tables, feature tables, the R-tree index, metadata.

Only what the standard requires for vector features, so QGIS and GDAL open the file as they
would one of their own: ``gpkg_spatial_ref_sys`` (with the three rows it must hold),
``gpkg_contents``, ``gpkg_geometry_columns``, ``gpkg_extensions``, the R-tree spatial index
(Annex F.3: one ``rtree_<table>_<column>`` virtual table and its triggers per layer) and the
metadata extension (F.8), where the kit keeps its attribution and build record.

The R-tree triggers call ``ST_MinX`` and friends, which SQLite does not have: every connection
that writes features registers them (``register_functions``), as GDAL does on its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db.geo.mapkit import geometry

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10400  # GeoPackage 1.4.0
GEOMETRY_COLUMN = "geom"
SRS_ID = 4326
RTREE_DEFINITION = "http://www.geopackage.org/spec/#extension_rtree"
METADATA_DEFINITION = "http://www.geopackage.org/spec/#extension_metadata"

WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)

_CORE = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
CREATE TABLE gpkg_metadata (
  id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,
  md_scope TEXT NOT NULL DEFAULT 'dataset',
  md_standard_uri TEXT NOT NULL,
  mime_type TEXT NOT NULL DEFAULT 'text/xml',
  metadata TEXT NOT NULL DEFAULT ''
);
CREATE TABLE gpkg_metadata_reference (
  reference_scope TEXT NOT NULL,
  table_name TEXT,
  column_name TEXT,
  row_id_value INTEGER,
  timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  md_file_id INTEGER NOT NULL,
  md_parent_id INTEGER,
  CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
  CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id)
);
"""

_SRS_ROWS = (
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    ("WGS 84 geodetic", SRS_ID, "EPSG", SRS_ID, WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
)  # fmt: skip

# Annex F.3, the 1.4 set (update6/update7 and update5 replace 1.3's update1 and update3).
_RTREE_TRIGGERS = """
CREATE TRIGGER "rtree_{t}_{c}_insert" AFTER INSERT ON "{t}"
  WHEN (new."{c}" NOT NULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (
    NEW."{i}", ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update6" AFTER UPDATE OF "{c}" ON "{t}"
  WHEN OLD."{i}" = NEW."{i}" AND
       (NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}")) AND
       (OLD."{c}" NOTNULL AND NOT ST_IsEmpty(OLD."{c}"))
BEGIN
  UPDATE "rtree_{t}_{c}" SET
    minx = ST_MinX(NEW."{c}"), maxx = ST_MaxX(NEW."{c}"),
    miny = ST_MinY(NEW."{c}"), maxy = ST_MaxY(NEW."{c}")
  WHERE id = NEW."{i}";
END;
CREATE TRIGGER "rtree_{t}_{c}_update7" AFTER UPDATE OF "{c}" ON "{t}"
  WHEN OLD."{i}" = NEW."{i}" AND
       (NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}")) AND
       (OLD."{c}" ISNULL OR ST_IsEmpty(OLD."{c}"))
BEGIN
  INSERT INTO "rtree_{t}_{c}" VALUES (
    NEW."{i}", ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update2" AFTER UPDATE OF "{c}" ON "{t}"
  WHEN OLD."{i}" = NEW."{i}" AND
       (NEW."{c}" ISNULL OR ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
END;
CREATE TRIGGER "rtree_{t}_{c}_update5" AFTER UPDATE ON "{t}"
  WHEN OLD."{i}" != NEW."{i}" AND
       (NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (
    NEW."{i}", ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update4" AFTER UPDATE ON "{t}"
  WHEN OLD."{i}" != NEW."{i}" AND
       (NEW."{c}" ISNULL OR ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id IN (OLD."{i}", NEW."{i}");
END;
CREATE TRIGGER "rtree_{t}_{c}_delete" AFTER DELETE ON "{t}"
  WHEN old."{c}" NOT NULL
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
END;
"""


@dataclass(frozen=True)
class Layer:
    """A feature table: its name, geometry type (GeoPackage's word) and text/integer columns."""

    name: str
    geometry_type: str
    columns: tuple[tuple[str, str], ...]  # (name, SQL type)
    description: str = ""


def _envelope_part(index: int):  # type: ignore[no-untyped-def]
    def part(blob: bytes | None) -> float | None:
        if blob is None:
            return None
        env = geometry.envelope(blob)
        return None if env is None else env[index]

    return part


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the R-tree triggers call (GeoPackage Annex F.3)."""
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, _envelope_part(index), deterministic=True)
    conn.create_function(
        "ST_IsEmpty",
        1,
        lambda blob: None if blob is None else int(geometry.is_empty(blob)),
        deterministic=True,
    )


def create(path: Path) -> sqlite3.Connection:
    """A new, empty GeoPackage at ``path`` (which must not exist), open for writing."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {USER_VERSION}")
    conn.execute("PRAGMA journal_mode = OFF")  # a failed build deletes the file anyway
    conn.execute("PRAGMA synchronous = OFF")
    register_functions(conn)
    conn.execute("BEGIN")
    for statement in _statements(_CORE):
        conn.execute(statement)
    conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", _SRS_ROWS)
    for name in ("gpkg_metadata", "gpkg_metadata_reference"):
        conn.execute(
            "INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_metadata', ?, 'read-write')",
            (name, METADATA_DEFINITION),
        )
    return conn


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def add_layer(conn: sqlite3.Connection, layer: Layer) -> None:
    """The feature table and its registration; the R-tree comes at the end (``finish_layer``)."""
    columns = "".join(f', "{name}" {kind}' for name, kind in layer.columns)
    conn.execute(
        f'CREATE TABLE "{layer.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
        f'"{GEOMETRY_COLUMN}" {layer.geometry_type}{columns})'
    )
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
        "VALUES (?, 'features', ?, ?, ?)",
        (layer.name, layer.name, layer.description, SRS_ID),
    )
    conn.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
        (layer.name, GEOMETRY_COLUMN, layer.geometry_type, SRS_ID),
    )
    t, c = layer.name, GEOMETRY_COLUMN
    conn.execute(f'CREATE VIRTUAL TABLE "rtree_{t}_{c}" USING rtree(id, minx, maxx, miny, maxy)')


def insert(
    conn: sqlite3.Connection,
    layer: Layer,
    rows: Sequence[Sequence[object]],
    boxes: Sequence[tuple[int, float, float, float, float]],
) -> None:
    """Rows of (fid, geometry blob, *column values in the layer's order), and their R-tree
    entries (fid, minx, maxx, miny, maxy), written together while the triggers are not yet
    there (one statement each rather than a trigger per row)."""
    names = ", ".join(["fid", f'"{GEOMETRY_COLUMN}"'] + [f'"{n}"' for n, _ in layer.columns])
    marks = ", ".join("?" * (len(layer.columns) + 2))
    conn.executemany(f'INSERT INTO "{layer.name}" ({names}) VALUES ({marks})', rows)
    conn.executemany(
        f'INSERT INTO "rtree_{layer.name}_{GEOMETRY_COLUMN}" VALUES (?, ?, ?, ?, ?)', boxes
    )


def finish_layer(
    conn: sqlite3.Connection, layer: Layer, bounds: tuple[float, float, float, float] | None
) -> None:
    """The R-tree's triggers (for later edits, in QGIS say), its gpkg_extensions row, and the
    layer's ``bounds`` (minx, miny, maxx, maxy) in gpkg_contents."""
    t, c = layer.name, GEOMETRY_COLUMN
    for statement in _RTREE_TRIGGERS.format(t=t, c=c, i="fid").split("END;"):
        if statement.strip():
            conn.execute(statement + "END;")
    conn.execute(
        "INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')",
        (t, c, RTREE_DEFINITION),
    )
    minx, miny, maxx, maxy = bounds if bounds is not None else (None, None, None, None)
    conn.execute(
        "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
        "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?",
        (minx, miny, maxx, maxy, t),
    )


def add_metadata(conn: sqlite3.Connection, standard_uri: str, mime_type: str, text: str) -> None:
    """A metadata record that applies to the whole GeoPackage (reference scope 'geopackage')."""
    cursor = conn.execute(
        "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) "
        "VALUES ('dataset', ?, ?, ?)",
        (standard_uri, mime_type, text),
    )
    conn.execute(
        "INSERT INTO gpkg_metadata_reference (reference_scope, md_file_id) "
        "VALUES ('geopackage', ?)",
        (cursor.lastrowid,),
    )
