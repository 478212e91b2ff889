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

    @property
    def tz(self) -> str:
        return self.store.timezone

    @property
    def exercise(self) -> bool:
        return not self.clock.live
