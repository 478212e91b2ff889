"""What every panel and dialog is handed: the store, the clock, the watcher, the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from db.clock import Clock
from db.store import Store
from desktop.watcher import StoreWatcher


class ClockSignals(QObject):
    """Emitted when an operator sets, steps or releases the exercise clock."""

    moved = Signal()


@dataclass
class AppContext:
    store: Store
    clock: Clock
    watcher: StoreWatcher
    lang: str = "es"
    clock_signals: ClockSignals = field(default_factory=ClockSignals)
    tz: str = field(init=False)

    def __post_init__(self) -> None:
        # Read once and on each store change: tickers format times every second and must not
        # query the store to do it.
        self._read_meta()
        self.watcher.changed.connect(self._read_meta)

    def _read_meta(self) -> None:
        self.tz = self.store.timezone

    @property
    def exercise(self) -> bool:
        return not self.clock.live
