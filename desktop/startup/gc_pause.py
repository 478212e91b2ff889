"""The garbage collector held off while the window starts (docs/architecture.md §12).

Opening the window makes hundreds of thousands of objects (Qt's enums and classes, the
modules, the panels) and almost no garbage: a few hundred objects in cycles. The collector
still walked the growing heap some 130 times before the last panel was drawn (about 35 ms on
the 2-core benchmark machine). So the entry point (desktop/cli.py) pauses it before it loads the
window and ends the pause when the window's start is over. (Nothing is frozen: a panel replaced
later, on a change of theme or language, must stay collectable.)
"""

from __future__ import annotations

import gc
from types import TracebackType


class CollectorPause:
    """Cyclic collection held off from entering the ``with`` block until ``end()`` or the
    block's end, whichever comes first. A collector someone else had turned off stays off."""

    def __init__(self) -> None:
        self._paused = False

    def __enter__(self) -> CollectorPause:
        if gc.isenabled():
            gc.disable()
            self._paused = True
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.end()

    def end(self) -> None:
        """Collect as usual again (a no-op the second time, or if nothing was paused)."""
        if self._paused:
            self._paused = False
            gc.enable()
