"""The order in which a window's parts are built after its first paint (docs/architecture.md §12).

The first paint shows the countdown and nothing else waits for it. Then one part per turn of
the event loop, so the window paints in between: the key figures, the panels in sight (the map,
the chart and their libraries), the menus (no one can open one in the half second before), a
panel in a tab behind another (at once if its tab is opened first); last, each panel's
``after_start``. The composition root (desktop/app.py) hands a ``StartScheduler`` to the window;
the window arranges its parts and tells the scheduler when it painted and when a dock came into
view, and the scheduler decides what is built when.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer


class KeyFigures(Protocol):
    ready: bool

    def refresh(self) -> None: ...


class StartingWindow(Protocol):
    """What the scheduler asks of the window it starts (desktop/window/main_window.py)."""

    strip: KeyFigures

    @property
    def waiting_panels(self) -> list[str]:
        """The panels still to build, in the window's order."""
        ...

    @property
    def menus_built(self) -> bool: ...

    def in_sight(self, key: str) -> bool: ...

    def panel(self, key: str) -> object:
        """The panel ``key``, built now if it is still waiting."""
        ...

    def build_menus(self) -> None: ...

    def finish_start(self) -> None:
        """Each panel's ``after_start``."""
        ...


class StartScheduler(QObject):
    """Builds what a window left for after its first paint, one part per turn of the loop.

    ``when_over`` is called once the start is over, whole or broken off by an error (the entry
    point resumes the garbage collector with it); ``after_start`` calls wait for the whole start.
    """

    def __init__(self, when_over: Callable[[], None] | None = None) -> None:
        super().__init__()
        self._window: StartingWindow | None = None
        self._begun = False
        self._whole = False
        self._over = False
        self._when_over = when_over
        self._after_start: list[Callable[[], None]] = []

    def attach(self, window: StartingWindow) -> None:
        """Start ``window`` (the window calls it as it is made, before its first paint);
        the scheduler, and what it has pending, go with the window."""
        self._window = window
        if isinstance(window, QObject):
            self.setParent(window)

    def painted(self) -> None:
        """The window painted: the first time, the rest of the start begins."""
        if not self._begun and self._window is not None:
            self._begun = True
            QTimer.singleShot(0, self, self._step)

    def shown(self, key: str) -> None:
        """The dock of panel ``key`` came into view: a panel the operator opens is built at
        once, ahead of its turn (not before the first paint: the window's own first show makes
        docks visible too)."""
        window = self._window
        if self._begun and window is not None and key in window.waiting_panels:
            window.panel(key)

    def after_start(self, call: Callable[[], None]) -> None:
        """``call()`` once every part is built (now, if they are)."""
        if self._whole:
            call()
        else:
            self._after_start.append(call)

    def _step(self) -> None:
        window = self._window
        assert window is not None
        try:
            self._build_next(window)
        except BaseException:
            self._end()  # a start that fails part-way still ends
            raise
        if self._starting(window):
            QTimer.singleShot(0, self, self._step)  # the loop paints in between
            return
        self._whole = True
        for call in self._after_start:
            call()
        self._after_start = []
        window.finish_start()
        self._end()

    @staticmethod
    def _build_next(window: StartingWindow) -> None:
        shown = [key for key in window.waiting_panels if window.in_sight(key)]
        if not window.strip.ready:
            window.strip.refresh()
        elif shown:
            window.panel(shown[0])
        elif not window.menus_built:
            window.build_menus()  # with the actions of every panel built so far
        elif window.waiting_panels:
            window.panel(window.waiting_panels[0])

    @staticmethod
    def _starting(window: StartingWindow) -> bool:
        return bool(window.waiting_panels) or not window.menus_built or not window.strip.ready

    def _end(self) -> None:
        if not self._over:
            self._over = True
            if self._when_over is not None:
                self._when_over()
