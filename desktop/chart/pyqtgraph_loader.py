"""Import pyqtgraph without making every Qt class at once (issue 10: start-up).

``pyqtgraph.Qt`` mirrors PySide6's ``QtCore``, ``QtGui`` and ``QtWidgets`` into modules of its
own by copying every name that ``dir()`` lists. PySide6 creates its classes, and their Python
enums, lazily on first use; that copy touches all of them (about a thousand classes) and costs
more start-up than the rest of pyqtgraph's import together (~0.17 s of ~0.42 s on the 2-core
benchmark machine, ``python tests/perf/run.py``).

While pyqtgraph is imported here, the three PySide6 modules list nothing to copy, and each
mirror instead answers a name it lacks from its PySide6 module (PEP 562 ``__getattr__``), so
a class is made when pyqtgraph or the app first uses it. Every name stays reachable through
the mirror, exactly as after a full copy; only when the work happens changes.

If pyqtgraph was imported before this module, or a version of it no longer lists the modules,
nothing here takes effect and the import is pyqtgraph's own. Import pyqtgraph through this
module: ``from desktop.chart.pyqtgraph_loader import pg``.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore
import PySide6.QtGui
import PySide6.QtWidgets

_MIRRORS = {
    PySide6.QtCore: "pyqtgraph.Qt.QtCore",
    PySide6.QtGui: "pyqtgraph.Qt.QtGui",
    PySide6.QtWidgets: "pyqtgraph.Qt.QtWidgets",
}


def _lazy_listing(source: ModuleType, mirror_name: str):
    def listing() -> list[str]:
        mirror = sys.modules.get(mirror_name)
        if mirror is None:  # not pyqtgraph asking: the full list
            return sorted(source.__dict__)

        def forward(name: str) -> object:
            return getattr(source, name)

        mirror.__getattr__ = forward  # type: ignore[attr-defined]
        return []

    return listing


def _import_pyqtgraph() -> ModuleType:
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    for source, mirror_name in _MIRRORS.items():
        source.__dir__ = _lazy_listing(source, mirror_name)  # type: ignore[attr-defined]
    try:
        import pyqtgraph
    finally:
        for source in _MIRRORS:
            source.__dict__.pop("__dir__", None)
    return pyqtgraph


pg = _import_pyqtgraph()
