"""Overlay files shaped like the ones field teams bring: Google Earth KML/KMZ, GeoJSON."""

from __future__ import annotations

import io
import json
import zipfile

# As Google Earth Pro saves "My Places" folders: shared styles, StyleMaps with normal and
# highlight pairs, nested folders, LookAt, gx: extensions, CDATA descriptions.
GOOGLE_EARTH_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"
     xmlns:kml="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
<Document>
\t<name>Tacna campo.kmz</name>
\t<Style id="s_ruta">
\t\t<LineStyle><color>ff0000ff</color><width>4</width></LineStyle>
\t</Style>
\t<Style id="s_ruta_hl">
\t\t<LineStyle><color>ff00ffff</color><width>6</width></LineStyle>
\t</Style>
\t<StyleMap id="m_ruta">
\t\t<Pair><key>normal</key><styleUrl>#s_ruta</styleUrl></Pair>
\t\t<Pair><key>highlight</key><styleUrl>#s_ruta_hl</styleUrl></Pair>
\t</StyleMap>
\t<Style id="s_zona">
\t\t<LineStyle><color>ff00aa00</color><width>2</width></LineStyle>
\t\t<PolyStyle><color>4d00ff00</color></PolyStyle>
\t</Style>
\t<Style id="s_hueco">
\t\t<LineStyle><color>ff000000</color></LineStyle>
\t\t<PolyStyle><fill>0</fill></PolyStyle>
\t</Style>
\t<gx:CascadingStyle kml:id="__managed_style_1A2B">
\t\t<Style><IconStyle><color>ff1400ff</color><scale>1.2</scale></IconStyle></Style>
\t</gx:CascadingStyle>
\t<StyleMap id="__managed_style_map">
\t\t<Pair><key>normal</key><styleUrl>#__managed_style_1A2B</styleUrl></Pair>
\t</StyleMap>
\t<Schema name="puestos" id="S_puestos">
\t\t<SimpleField type="string" name="responsable"></SimpleField>
\t\t<SimpleField type="int" name="capacidad"></SimpleField>
\t</Schema>
\t<Folder>
\t\t<name>Zona fronteriza</name>
\t\t<open>1</open>
\t\t<Folder>
\t\t\t<name>Albergues</name>
\t\t\t<Placemark>
\t\t\t\t<name>Albergue Pocollay</name>
\t\t\t\t<description><![CDATA[<b>Capacidad</b> 120 personas]]></description>
\t\t\t\t<LookAt><longitude>-70.22</longitude><latitude>-18.0</latitude><range>900</range></LookAt>
\t\t\t\t<styleUrl>#__managed_style_map</styleUrl>
\t\t\t\t<ExtendedData>
\t\t\t\t\t<Data name="capacidad"><displayName>Capacidad</displayName><value>120</value></Data>
\t\t\t\t\t<Data name="contacto"><value>Cruz Roja</value></Data>
\t\t\t\t</ExtendedData>
\t\t\t\t<Point><gx:drawOrder>1</gx:drawOrder><coordinates>-70.2212,-18.0011,0</coordinates></Point>
\t\t\t</Placemark>
\t\t\t<Placemark>
\t\t\t\t<name>Puesto de salud</name>
\t\t\t\t<TimeStamp><when>2025-11-30T14:00:00Z</when></TimeStamp>
\t\t\t\t<ExtendedData>
\t\t\t\t\t<SchemaData schemaUrl="#S_puestos">
\t\t\t\t\t\t<SimpleData name="responsable">MINSA</SimpleData>
\t\t\t\t\t\t<SimpleData name="capacidad">30</SimpleData>
\t\t\t\t\t</SchemaData>
\t\t\t\t</ExtendedData>
\t\t\t\t<Style><IconStyle><color>8000ff00</color></IconStyle></Style>
\t\t\t\t<Point><coordinates>-70.2501, -18.0123</coordinates></Point>
\t\t\t</Placemark>
\t\t</Folder>
\t\t<Placemark>
\t\t\t<name>Ruta de evacuación</name>
\t\t\t<styleUrl>#m_ruta</styleUrl>
\t\t\t<LineString>
\t\t\t\t<tessellate>1</tessellate>
\t\t\t\t<coordinates>
\t\t\t\t\t-70.3228,-18.1503,0 -70.30,-18.12,0
\t\t\t\t\t-70.28,-18.08,0
\t\t\t\t</coordinates>
\t\t\t</LineString>
\t\t</Placemark>
\t\t<Placemark>
\t\t\t<name>Zona de espera</name>
\t\t\t<styleUrl>#s_zona</styleUrl>
\t\t\t<ExtendedData><Data name="turno"><value>noche</value></Data></ExtendedData>
\t\t\t<MultiGeometry>
\t\t\t\t<Polygon>
\t\t\t\t\t<outerBoundaryIs><LinearRing><coordinates>
\t\t\t\t\t\t-70.33,-18.16,0 -70.31,-18.16,0 -70.31,-18.14,0 -70.33,-18.14,0 -70.33,-18.16,0
\t\t\t\t\t</coordinates></LinearRing></outerBoundaryIs>
\t\t\t\t\t<innerBoundaryIs><LinearRing><coordinates>
\t\t\t\t\t\t-70.325,-18.155,0 -70.315,-18.155,0 -70.315,-18.145,0 -70.325,-18.155,0
\t\t\t\t\t</coordinates></LinearRing></innerBoundaryIs>
\t\t\t\t</Polygon>
\t\t\t\t<Point><coordinates>-70.32,-18.15,0</coordinates></Point>
\t\t\t\t<LineString><coordinates>-70.33,-18.16 -70.34,-18.17</coordinates></LineString>
\t\t\t</MultiGeometry>
\t\t</Placemark>
\t\t<Placemark>
\t\t\t<name>Sin relleno</name>
\t\t\t<styleUrl>#s_hueco</styleUrl>
\t\t\t<Polygon><outerBoundaryIs><LinearRing><coordinates>
\t\t\t\t-70.40,-18.20 -70.39,-18.20 -70.39,-18.19
\t\t\t</coordinates></LinearRing></outerBoundaryIs></Polygon>
\t\t</Placemark>
\t\t<Placemark>
\t\t\t<name>Solo una nota, sin geometría</name>
\t\t</Placemark>
\t\t<NetworkLink><name>Capa en línea</name><Link><href>http://example.org/x.kml</href></Link></NetworkLink>
\t</Folder>
</Document>
</kml>
"""


def kml_with_placemark(geometry: str, name: str = "P") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n'
        f"<Placemark><name>{name}</name>\n{geometry}\n</Placemark>\n"
        "</Document></kml>\n"
    )


def kmz_bytes(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _ring(x: float, y: float, d: float) -> list[list[float]]:
    return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]


ALL_GEOMETRIES_GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": "p1",
            "geometry": {"type": "Point", "coordinates": [-70.25, -18.01, 560.0]},
            "properties": {"name": "Tacna", "marker-color": "#00f", "poblacion": 300000},
        },
        {
            "type": "Feature",
            "geometry": {"type": "MultiPoint", "coordinates": [[-70.3, -18.2], [-70.31, -18.21]]},
            "properties": {"name": "Hitos"},
        },
        {
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[-70.32, -18.15], [-70.31, -18.2]]},
            "properties": {"name": "Panamericana", "stroke": "#ff8800", "stroke-width": 5},
        },
        {
            "type": "Feature",
            "geometry": {
                "type": "MultiLineString",
                "coordinates": [[[-70.1, -18.0], [-70.0, -18.1]], [[-70.2, -18.0], [-70.2, -18.1]]],
            },
            "properties": {"title": "Trochas"},
        },
        {
            "type": "Feature",
            "geometry": {
                "type": "Polygon",
                "coordinates": [_ring(-70.4, -18.3, 0.1), _ring(-70.38, -18.28, 0.02)],
            },
            "properties": {
                "name": "Zona con hueco",
                "fill": "#00ff00",
                "fill-opacity": 0.3,
                "nested": {"a": [1, 2]},
            },
        },
        {
            "type": "Feature",
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[_ring(-70.5, -18.4, 0.01)], [_ring(-70.6, -18.4, 0.01)]],
            },
            "properties": None,
        },
        {
            "type": "Feature",
            "geometry": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Point", "coordinates": [-70.0, -17.9]},
                    {"type": "LineString", "coordinates": [[-70.0, -17.9], [-69.9, -17.8]]},
                ],
            },
            "properties": {"name": "Colección"},
        },
        {"type": "Feature", "geometry": None, "properties": {"name": "sin lugar"}},
    ],
}


def geojson_bytes(doc: object) -> bytes:
    return json.dumps(doc).encode("utf-8")
