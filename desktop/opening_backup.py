"""The backup taken when a database is opened, made in a thread of its own.

``db.backup.backup_now`` copies the database through SQLite's backup API and verifies the copy:
for years of records that is seconds of work, nearly all of it inside SQLite (which lets other
threads run). The window starts it once its panels are built and carries on; the thread opens
its own read-only connection (a connection stays on the thread that opened it), and only the
note of when the last backup was taken is written, afterwards, through the window's store.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from db.clock import to_iso, utc_now
from db.errors import SituationRoomError
from db.store import Store


class OpeningBackup(QObject):
    """``start()`` backs up ``store``'s file; ``failed(message)`` says why it could not."""

    failed = Signal(str)
    # From the worker thread; queued to this object's (the window's) thread.
    _finished = Signal(str)  # the UTC time of the backup
    _failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._thread: threading.Thread | None = None
        self._finished.connect(self._record)
        self._failed.connect(self._report)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="opening-backup", daemon=True)
            self._thread.start()

    def wait(self) -> None:
        """Until the backup is written (or has failed): called before the window closes."""
        if self._thread is not None:
            self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        from db.backup import backup_now

        at = utc_now()
        try:
            backup_now(self.store.path, now=at)
        except SituationRoomError as exc:
            self._failed.emit(str(exc))
            return
        self._finished.emit(to_iso(at))

    def _report(self, message: str) -> None:
        self.failed.emit(message)

    def _record(self, at: str) -> None:
        # What backup_now records when handed the store itself: when the last one was taken.
        try:
            self.store.set_meta(last_backup_at=at)
        except SituationRoomError as exc:
            self.failed.emit(str(exc))
