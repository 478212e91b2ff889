"""The garbage collector held off while the window starts (docs/architecture.md §12).

Opening the window makes hundreds of thousands of objects (Qt's enums and classes, the
modules, the panels) and almost no garbage: a few hundred objects in cycles. The collector
still walked the growing heap some 130 times before the last panel was drawn (about 35 ms on
the 2-core benchmark machine). So the command line pauses it before loading the window, and
the window resumes it once every panel is built. (Nothing is frozen: a panel replaced later,
on a change of theme or language, must stay collectable.)
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Hold off cyclic collection until ``resume`` (a no-op if the collector is off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect as usual again; a no-op unless ``pause`` paused."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
