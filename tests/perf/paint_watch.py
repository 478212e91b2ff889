"""Knowing when a window has *finished* painting, for the start-up and refresh benchmarks.

A top-level widget paints when its native window is exposed (the first show) and on each
``UpdateRequest`` that ``update()`` calls post. An event filter sees those events just before
Qt handles them; a zero-delay timer started there fires once the paint and the flush are done.
Used by the probes that ``run.py`` starts; nothing here is part of the application.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

PAINT_EVENTS = (QEvent.Type.UpdateRequest, QEvent.Type.Expose, QEvent.Type.Paint)


class AfterPaint(QObject):
    """Calls ``callback()`` after each paint of ``window`` (once per paint, however many events)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        self._pending = False
        window.installEventFilter(self)
        self._window = window
        self._handle_watched = False

    def watch_native_window(self) -> None:
        """Also watch the native window (it exists once the widget was shown): the first paint
        happens while Qt handles its Expose event."""
        handle = self._window.windowHandle()
        if handle is not None and not self._handle_watched:
            handle.installEventFilter(self)
            self._handle_watched = True

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() in PAINT_EVENTS and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._after)
        return False

    def _after(self) -> None:
        self._pending = False
        self._callback()
