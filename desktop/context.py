"""What every panel and dialog is handed: the store, the clock, the watcher, the settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from db.clock import Clock
from db.store.store import Store
from desktop.theme import DAY, Theme
from desktop.watcher import StoreWatcher


class ClockSignals(QObject):
    """Emitted when an operator sets, steps or releases the exercise clock."""

    moved = Signal()


@dataclass
class AppContext:
    """What every panel is given: the store, the clock, the watcher, language and theme."""

    store: Store
    clock: Clock
    watcher: StoreWatcher
    lang: str = "es"
    clock_signals: ClockSignals = field(default_factory=ClockSignals)
    theme: Theme = DAY  # what the panels draw in (the map's and the chart's colours)
    tz: str = field(init=False)

    def __post_init__(self) -> None:
        # Read once and on each store change: tickers format times every second and must not
        # query the store to do it.
        self._released = False
        # Under an exercise clock, what is entered here is reported at the exercise time.
        self.store.report_clock = self.clock
        self._read_meta()
        self.watcher.changed.connect(self._read_meta)

    def _read_meta(self) -> None:
        self.tz = self.store.timezone

    def view(self, *, lang: str | None = None, theme: Theme | None = None) -> AppContext:
        """The same store, clock and signals, seen in another language or theme (the wall
        display's night view beside a day window). ``release()`` it when its panels close."""
        return AppContext(
            store=self.store,
            clock=self.clock,
            watcher=self.watcher,
            lang=lang or self.lang,
            clock_signals=self.clock_signals,
            theme=theme or self.theme,
        )

    def release(self) -> None:
        """Stop following the store (a view whose panels are gone)."""
        if not self._released:
            self._released = True
            self.watcher.changed.disconnect(self._read_meta)

    @property
    def exercise(self) -> bool:
        return not self.clock.live
