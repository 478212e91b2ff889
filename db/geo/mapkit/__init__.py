"""Map kits: the operational geography, from OpenStreetMap, in one OGC GeoPackage file.

Built before deployment where there is internet (``build``), read at the post (``kit``); see
docs/architecture.md §9. Nothing here imports Qt.
"""
