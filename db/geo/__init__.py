"""Geography: projection, the shipped basemap, sites, map layers, overlays, KML/GeoJSON, MBTiles."""
