"""What the window checks and saves once a database is open, in a thread of its own.

Opening must stay quick, but two things read the whole file: ``quick_check`` (is the file
sound? docs/architecture.md §10) and the backup taken on opening (copied through SQLite's backup API and
verified). For years of records each takes a second or more, nearly all of it inside SQLite,
which lets other threads run. So the window opens with ``check=False`` and, once its panels are
built, starts ``OpeningChecks``: the thread opens its own read-only connection (a connection
stays on the thread that opened it), checks, then backs up; the window hears of a damaged file
(``damaged``) or a backup that failed (``failed``), and only the note of when the last backup
was taken is written, afterwards, through the window's store.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from db.clock import to_iso, utc_now
from db.errors import SituationRoomError
from db.store.connection import connect
from db.store.store import Store


class OpeningChecks(QObject):
    """``start()`` checks ``store``'s file, then backs it up unless ``back_up`` is False."""

    damaged = Signal(str)
    failed = Signal(str)
    # From the worker thread; queued to this object's (the window's) thread.
    _damaged = Signal(str)
    _failed = Signal(str)
    _backed_up = Signal(str)  # the UTC time of the backup

    def __init__(self, store: Store, *, back_up: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.back_up = back_up and not store.read_only
        self._thread: threading.Thread | None = None
        self._damaged.connect(self.damaged)
        self._failed.connect(self.failed)
        self._backed_up.connect(self._record)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="opening-checks", daemon=True)
            self._thread.start()

    def wait(self) -> None:
        """Until the checks and the backup are done: called before the window closes, so no
        half-written backup is left behind."""
        if self._thread is not None:
            self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        from db.safety.backup import backup_now  # here, in the thread: not before the first paint

        try:
            connect(self.store.path, readonly=True).close()  # identity, then quick_check
        except SituationRoomError as exc:
            self._damaged.emit(str(exc))
            return
        if not self.back_up:
            return
        at = utc_now()
        try:
            backup_now(self.store.path, now=at)
        except SituationRoomError as exc:
            self._failed.emit(str(exc))
            return
        self._backed_up.emit(to_iso(at))

    def _record(self, at: str) -> None:
        # What backup_now records when handed the store itself: when the last one was taken.
        try:
            self.store.set_meta(last_backup_at=at)
        except SituationRoomError as exc:
            self.failed.emit(str(exc))
