"""The one object that tells every panel the store changed (docs/architecture.md §5).

It polls ``PRAGMA data_version`` on a connection of its own: the value moves when any *other*
connection commits (another window, the CLI, a sync), at a cost of microseconds. The app's own
writes reach it through the store's after-commit listeners. Either way panels hear one signal.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from db.store.store import Store

# A commit elsewhere shows within this (plus the panels' re-reading): 100 ms keeps a change
# from another station under a third of a second end to end (docs/architecture.md §12); a poll costs
# microseconds, so ten a second are nothing.
POLL_MS = 100


class StoreWatcher(QObject):
    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._closed = False
        self._conn = sqlite3.connect(str(store.path), isolation_level=None)
        self._conn.execute("PRAGMA busy_timeout = 1000")
        self._version = self._read_version()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        store.subscribe(self._own_write)

    def _read_version(self) -> int | None:
        try:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None  # busy or gone for a moment: try again on the next tick

    def _poll(self) -> None:
        version = self._read_version()
        if version is not None and version != self._version:
            self._version = version
            self.changed.emit()

    def _own_write(self) -> None:
        # Our own commit also moves data_version as seen from the watcher's connection; take
        # it now so the next poll does not announce the same change twice.
        self._version = self._read_version()
        self.changed.emit()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._store.unsubscribe(self._own_write)
        self._conn.close()
