"""The map panel: offline basemap, operational layers from the store, field maps (MBTiles)."""
