"""The panel contract (docs/architecture.md §6): what every panel of desktop/panels/ (map, decree
countdown, flow chart, records) is given and what it offers. The main window and the wall
display use a panel through it and through nothing else; a panel keeps it by its shape alone
(it never imports this module), and tests/desktop/test_panel_contract.py checks that each does.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtGui import QAction

from desktop.context import AppContext


@runtime_checkable
class Panel(Protocol):
    """A ``QWidget`` built as ``SomePanel(ctx)`` and kept current by itself.

    What it gets: ``ctx``, the window's ``AppContext``: the store it reads, the clock it shows,
    the watcher's ``changed`` and the clock's ``moved`` signals (it connects both to its
    ``refresh``), the language and the theme it draws in. The wall display builds panels of
    its own on the same context seen in its theme, with ``read_only=True``: no actions, no
    entry, only the picture.
    """

    ctx: AppContext

    @property
    def ready(self) -> bool:
        """True once it shows what the store holds (the start and ``--screenshot`` wait)."""
        ...

    def refresh(self) -> None:
        """Read the store at the clock's time and show it; items are fed, never rebuilt."""
        ...

    def actions(self) -> list[QAction]:
        """Its menu actions; the property ``menu`` of each names the window's menu for it
        ("file", "edit", "view"), else it goes in the panel's own menu. None when read-only."""
        ...

    def after_start(self) -> None:
        """What it put off until its window is whole (the chart's earlier years, the map's
        panning margin); called once, after every panel in the window is built."""
        ...
