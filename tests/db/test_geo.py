"""db.geo.projection: projections, grid references, tiles, simplification and the shipped basemap (no Qt)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from db.geo import projection as geo

TACNA = (-70.2511, -18.0139)  # (lon, lat)
ARICA = (-70.2979, -18.4746)


@pytest.mark.parametrize(
    "lon,lat", [(0, 0), TACNA, ARICA, (-180, -85), (179.9, 84.9), (12.5, 41.9)]
)
def test_mercator_round_trip(lon, lat):
    x, y = geo.lonlat_to_mercator(lon, lat)
    back = geo.mercator_to_lonlat(x, y)
    assert back == pytest.approx((lon, lat), abs=1e-9)


def test_mercator_known_values():
    assert geo.lonlat_to_mercator(0, 0) == pytest.approx((0, 0), abs=1e-9)
    assert geo.lonlat_to_mercator(180, 0)[0] == pytest.approx(20037508.342789244)
    assert geo.lonlat_to_mercator(0, geo.MAX_MERCATOR_LAT)[1] == pytest.approx(
        20037508.34, abs=0.01
    )
    # clamped, not infinite, at the poles
    assert math.isfinite(geo.lonlat_to_mercator(0, 90)[1])
    # the published EPSG:3857 northing of 45° N
    assert geo.lonlat_to_mercator(0, 45)[1] == pytest.approx(5621521.486, abs=0.01)
    # Tacna, by the equivalent Gudermannian form y = R·asinh(tan φ)
    x, y = geo.lonlat_to_mercator(*TACNA)
    assert x == pytest.approx(TACNA[0] / 180 * 20037508.342789244)
    assert y == pytest.approx(geo.EARTH_RADIUS_M * math.asinh(math.tan(math.radians(TACNA[1]))))
    assert y == pytest.approx(-2039175.6, abs=0.1)


def test_mercator_numpy_matches_scalar():
    lon = np.array([TACNA[0], ARICA[0], 0.0, 120.0])
    lat = np.array([TACNA[1], ARICA[1], 0.0, -45.0])
    x, y = geo.lonlat_to_mercator_np(lon, lat)
    for i in range(len(lon)):
        assert (x[i], y[i]) == pytest.approx(geo.lonlat_to_mercator(lon[i], lat[i]))
    lon2, lat2 = geo.mercator_to_lonlat_np(x, y)
    np.testing.assert_allclose(lon2, lon, atol=1e-9)
    np.testing.assert_allclose(lat2, lat, atol=1e-9)


def test_utm_tacna_zone_19k():
    utm = pytest.importorskip("utm")
    e, n, zone, band = geo.lonlat_to_utm(*TACNA)
    assert (zone, band) == (19, "K")
    assert 366_000 < e < 369_000
    ue, un, uz, ub = utm.from_latlon(TACNA[1], TACNA[0])
    assert (uz, ub) == (zone, band)
    assert e == pytest.approx(ue, abs=0.01)
    assert n == pytest.approx(un, abs=0.01)
    assert geo.format_utm(*TACNA) == f"19K {round(ue):06d} E {round(un):07d} N"


@pytest.mark.parametrize(
    "lon,lat", [ARICA, (-69.0, -17.0), (-71.9, -23.5), (3.0, 52.0), (-66.1, 10.0)]
)
def test_utm_matches_utm_package(lon, lat):
    utm = pytest.importorskip("utm")
    e, n, zone, band = geo.lonlat_to_utm(lon, lat)
    ue, un, uz, ub = utm.from_latlon(lat, lon)
    assert (zone, band) == (uz, ub)
    assert (e, n) == pytest.approx((ue, un), abs=0.01)


def test_utm_forced_zone_and_limits():
    utm = pytest.importorskip("utm")
    # a point in zone 18 quoted in the post's zone 19
    e, n, zone, _ = geo.lonlat_to_utm(-72.5, -16.0, zone=19)
    ue, un, _, _ = utm.from_latlon(-16.0, -72.5, force_zone_number=19)
    assert zone == 19
    assert (e, n) == pytest.approx((ue, un), abs=0.01)
    assert geo.format_utm(-72.5, -16.0).startswith("18L ")
    with pytest.raises(ValueError):
        geo.format_utm(0, -81)


def test_format_dms():
    assert geo.format_dms(TACNA[1], TACNA[0]) == "18°00′50″ S 70°15′04″ W"
    assert geo.format_dms(0, 0) == "0°00′00″ N 0°00′00″ E"
    # 59.9″ rounds up into the next minute, not to "60″"
    assert geo.format_dms(10 + 59.9 / 3600, 20.5) == "10°01′00″ N 20°30′00″ E"


def test_haversine():
    d = geo.haversine_m(*TACNA, *ARICA)
    assert 51_000 < d < 52_000  # Tacna–Arica is about 51 km as the crow flies
    assert geo.haversine_m(0, 0, 0, 1) == pytest.approx(111_195, rel=1e-4)
    assert geo.haversine_m(*TACNA, *TACNA) == 0


def test_tiles_tacna_z10():
    assert geo.lonlat_to_tile(*TACNA, 10) == (312, 564)
    x0, y0, x1, y1 = geo.tile_bounds_mercator(10, 312, 564)
    mx, my = geo.lonlat_to_mercator(*TACNA)
    assert x0 <= mx < x1 and y0 <= my < y1
    assert x1 - x0 == pytest.approx(2 * geo.ORIGIN_SHIFT_M / 1024)
    assert geo.tms_row(10, 564) == 459
    assert geo.tms_row(10, geo.tms_row(10, 564)) == 564
    assert geo.tms_row(0, 0) == 0
    assert geo.tile_bounds_mercator(0, 0, 0) == pytest.approx(
        (-geo.ORIGIN_SHIFT_M, -geo.ORIGIN_SHIFT_M, geo.ORIGIN_SHIFT_M, geo.ORIGIN_SHIFT_M)
    )
    assert geo.lonlat_to_tile(180, -90, 3) == (7, 7)  # edges clamp into the grid


def test_lod_for_zoom():
    assert geo.lod_for_zoom(14) == 0
    assert geo.lod_for_zoom(10) == 1
    assert geo.lod_for_zoom(8) == 2
    assert geo.lod_for_zoom(5) == 3


def _seg_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def test_simplify_keeps_endpoints_and_reduces():
    line = [(x / 10, math.sin(x / 10) + (0.001 if x % 2 else 0)) for x in range(200)]
    out = geo.simplify(line, 0.05)
    assert out[0] == line[0] and out[-1] == line[-1]
    assert 2 < len(out) < len(line) / 4
    # every dropped vertex lies within tolerance of the segment that replaced it
    kept = [line.index(p) for p in out]
    for i, j in zip(kept, kept[1:], strict=False):
        for k in range(i + 1, j):
            assert _seg_dist(line[k], line[i], line[j]) <= 0.05
    assert geo.simplify([(0, 0), (1, 0), (2, 0)], 0.1) == [(0, 0), (2, 0)]
    assert geo.simplify([(0, 0), (1, 5), (2, 0)], 0.1) == [(0, 0), (1, 5), (2, 0)]
    assert geo.simplify([(0, 0)], 1) == [(0, 0)]
    assert geo.simplify([], 1) == []


def test_simplify_levels_are_nested():
    rng = np.random.default_rng(1)
    line = np.cumsum(rng.normal(size=(300, 2)), axis=0).tolist()
    sizes = [len(geo.simplify(line, t)) for t in (0.1, 1, 3, 10)]
    assert sizes == sorted(sizes, reverse=True)
    assert set(map(tuple, geo.simplify(line, 10))) <= set(map(tuple, geo.simplify(line, 1)))


def test_closed_ring_simplifies():
    ring = [(math.cos(a / 50 * math.tau), math.sin(a / 50 * math.tau)) for a in range(50)]
    ring.append(ring[0])
    out = geo.simplify(ring, 0.05)
    assert out[0] == out[-1] and 4 <= len(out) < 50


@pytest.fixture(scope="module")
def basemap():
    return geo.load_basemap()


def test_basemap_peru_chile_border(basemap):
    lines = basemap.borders("Peru", "Chile")
    assert lines
    coords = [c for ln in lines for c in ln.coords]
    assert len(coords) >= 10
    for lon, lat in coords:
        assert -18.4 <= lat <= -17.2
        assert -70.5 <= lon <= -69.3
    # it meets the sea near the Concordia landmark (-18.35, -70.38)
    ends = [ln.coords[0] for ln in lines] + [ln.coords[-1] for ln in lines]
    assert min(geo.haversine_m(lon, lat, -70.3756, -18.3503) for lon, lat in ends) < 5_000


def test_basemap_lines_and_lods(basemap):
    kinds = {ln.kind for ln in basemap.lines}
    assert kinds == {"border", "coast"}
    assert any(ln.kind == "coast" and ln.countries == ("Peru",) for ln in basemap.lines)
    west, south, east, north = basemap.bbox
    assert west <= -75 and east >= -66 and south <= -24 and north >= -12
    for ln in basemap.lines:
        assert len(ln.lod) == len(ln.coords)
        assert ln.at_level(3)[0] == ln.coords[0] and ln.at_level(3)[-1] == ln.coords[-1]
        counts = [len(ln.at_level(level)) for level in range(len(geo.LOD_TOLERANCES_M))]
        assert counts == sorted(counts, reverse=True)
        assert counts[0] == len(ln.coords)
        for lon, lat in ln.coords:
            assert west <= lon <= east and south <= lat <= north
    total = [sum(len(ln.at_level(level)) for ln in basemap.lines) for level in range(4)]
    assert total[3] < total[0] / 3


def test_basemap_land(basemap):
    names = {p.name for p in basemap.land}
    assert {"Peru", "Chile", "Bolivia"} <= names
    for poly in basemap.land:
        for rings in poly.polygons:
            for ring in rings:
                assert ring[0] == ring[-1] and len(ring) >= 4


def test_basemap_places(basemap):
    by_name = {}
    for p in basemap.places:
        by_name.setdefault(p.name, []).append(p)
    for name in ("Tacna", "Arica", "Pocollay", "Calana", "Palca", "Tarata"):
        assert name in by_name, name
    tacna = next(p for p in by_name["Tacna"] if p.cc == "PE")
    arica = next(p for p in by_name["Arica"] if p.cc == "CL")
    assert (tacna.lat, tacna.lon) == pytest.approx((-18.0139, -70.2511), abs=0.01)
    assert (arica.lat, arica.lon) == pytest.approx((-18.4746, -70.2979), abs=0.001)
    assert tacna.rank == 1 and arica.rank == 2
    assert next(p for p in by_name["Pocollay"]).rank == 3
    assert basemap.attribution == "© GeoNames (CC BY 4.0), Natural Earth"
