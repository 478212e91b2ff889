"""The imported overlays as the map needs them, read from ``db.geo.overlays`` only when they change."""

from __future__ import annotations

from db.geo import overlays as overlay_db
from db.store.store import Store


class OverlaySource:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.layers: list[tuple[str, list]] = []  # (overlay id, features)
        self.summary: list[tuple[str, str, int]] = []  # (id, name, feature count)
        self._signature: tuple | None = None

    def reload(self) -> bool:
        """Re-read if the set of overlays changed; True when it did."""
        overlays = overlay_db.overlays(self.store)
        signature = tuple((o.id, str(o.imported_at)) for o in overlays)
        if signature == self._signature:
            return False
        self._signature = signature
        self.layers = [(o.id, overlay_db.overlay_features(self.store, o.id)) for o in overlays]
        self.summary = [(o.id, o.name, o.feature_count) for o in overlays]
        return True

    def import_file(self, path: str) -> object:
        return overlay_db.import_overlay(self.store, path)

    def remove(self, overlay_id: str, reason: str) -> object:
        return overlay_db.remove_overlay(self.store, overlay_id, reason)

    def name_of(self, overlay_id: str) -> str:
        return next((name for oid, name, _ in self.summary if oid == overlay_id), overlay_id)
