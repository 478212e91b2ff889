"""Import pyqtgraph without making every Qt class at once (docs/architecture.md §12).

``pyqtgraph.Qt`` mirrors PySide6's ``QtCore``, ``QtGui`` and ``QtWidgets`` into modules of its
own by copying every name that ``dir()`` lists. PySide6 creates its classes, and their Python
enums, lazily on first use; that copy touches all of them (about a thousand classes) and costs
more start-up than the rest of pyqtgraph's import together (~0.17 s of ~0.42 s on the 2-core
benchmark machine, ``python tests/perf/run.py``).

While pyqtgraph is imported here, the three PySide6 modules list nothing to copy, and each
mirror instead answers a name it lacks from its PySide6 module (PEP 562 ``__getattr__``), so
a class is made when pyqtgraph or the app first uses it. Every name stays reachable through
the mirror, exactly as after a full copy; only when the work happens changes.

pyqtgraph's ``__init__`` also star-imports every part it has: image views, parameter trees,
remote processes, a dozen widgets (about 40 modules, ~30 ms). The chart uses none of them. They
load as empty modules while pyqtgraph is imported, are forgotten afterwards, and the package
answers any of their names by importing the real module then (PEP 562 ``__getattr__``), so
``pg.ImageView`` or ``import pyqtgraph.parametertree`` still work. Should a pyqtgraph version
need one of them while it imports, the import is simply done again in full.

The entry point calls ``install()``; from then on the first ``import pyqtgraph``, wherever it
is written, goes this way (the chart's modules import pyqtgraph as usual, and load it after the
first paint). If pyqtgraph is loaded before ``install()``, or a version of it no longer lists
the modules, nothing here takes effect and the import is pyqtgraph's own.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Loader

# PySide6's modules and the names of pyqtgraph's mirrors of them.
_MIRRORS = {
    "PySide6.QtCore": "pyqtgraph.Qt.QtCore",
    "PySide6.QtGui": "pyqtgraph.Qt.QtGui",
    "PySide6.QtWidgets": "pyqtgraph.Qt.QtWidgets",
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


# Parts of pyqtgraph its __init__ star-imports and the app never uses (pyqtgraph 0.13–0.14).
DEFERRED = tuple(
    f"pyqtgraph.{name}"
    for name in (
        "imageview",
        "parametertree",
        *(
            f"widgets.{w}"
            for w in [
                "BusyCursor",
                "CheckTable",
                "ColorButton",
                "ColorMapWidget",
                "ComboBox",
                "DataFilterWidget",
                "DataTreeWidget",
                "DiffTreeWidget",
                "FeedbackButton",
                "GradientWidget",
                "HistogramLUTWidget",
                "JoystickButton",
                "LayoutWidget",
                "ProgressDialog",
                "RawImageWidget",
                "ScatterPlotWidget",
                "SpinBox",
                "TableWidget",
                "TreeWidget",
                "ValueLabel",
                "VerticalLabel",
            ]
        ),
        *(
            f"graphicsItems.{g}"
            for g in [
                "ArrowItem",
                "BoxplotItem",
                "ColorBarItem",
                "CurvePoint",
                "ErrorBarItem",
                "GradientEditorItem",
                "GradientLegend",
                "GraphItem",
                "HistogramLUTItem",
                "ImageItem",
                "IsocurveItem",
                "PColorMeshItem",
                "ROI",
                "ScaleBar",
                "TargetItem",
                "VTickGroup",
            ]
        ),
    )
)


# The finders and loaders below keep importlib's protocols by their methods alone: importing
# importlib.abc for its base classes would cost every start a millisecond.


class _EmptyWhileImporting:
    """Serves the DEFERRED modules as empty ones (nothing for ``import *`` to take)."""

    def find_spec(self, name, path=None, target=None):
        if name in DEFERRED:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__all__ = []
        module.__path__ = []


def _forget_stand_ins() -> None:
    for name in DEFERRED:
        module = sys.modules.get(name)
        if module is not None and isinstance(module.__spec__.loader, _EmptyWhileImporting):
            del sys.modules[name]
            parent, _, child = name.rpartition(".")
            if getattr(sys.modules.get(parent), child, None) is module:
                delattr(sys.modules[parent], child)


def _answer_deferred_names(pyqtgraph: ModuleType) -> None:
    def deferred(name: str) -> object:
        # What ``from .part import *`` would have put in the package: the part's __all__,
        # else its public names. (Never a private or special name: hasattr probes for those
        # must not load forty modules.)
        if name.startswith("_"):
            raise AttributeError(f"module 'pyqtgraph' has no attribute {name!r}")
        for part in DEFERRED:
            module = importlib.import_module(part)
            public = getattr(module, "__all__", None)
            if public is None:
                public = [n for n in vars(module) if not n.startswith("_")]
            if name in public:
                value = getattr(module, name)
                setattr(pyqtgraph, name, value)
                return value
        raise AttributeError(f"module 'pyqtgraph' has no attribute {name!r}")

    pyqtgraph.__getattr__ = deferred  # type: ignore[attr-defined]


def _run_lazily(pyqtgraph: ModuleType, loader: Loader) -> None:
    """Run pyqtgraph's ``__init__`` (``loader``) into ``pyqtgraph`` the lazy way."""
    # Imported by name, and only now: ``install()`` runs on every command, most draw nothing.
    sources = {importlib.import_module(name): mirror for name, mirror in _MIRRORS.items()}
    for source, mirror_name in sources.items():
        source.__dir__ = _lazy_listing(source, mirror_name)  # type: ignore[attr-defined]
    stand_ins = _EmptyWhileImporting()
    sys.meta_path.insert(0, stand_ins)
    try:
        try:
            loader.exec_module(pyqtgraph)
        except (ImportError, AttributeError):
            # This version needs a deferred part while it imports: import it all, as usual.
            sys.meta_path.remove(stand_ins)
            for name in [n for n in sys.modules if n.startswith("pyqtgraph.")]:
                del sys.modules[name]
            loader.exec_module(pyqtgraph)
        else:
            _answer_deferred_names(pyqtgraph)
    finally:
        if stand_ins in sys.meta_path:
            sys.meta_path.remove(stand_ins)
        _forget_stand_ins()
        for source in sources:
            source.__dict__.pop("__dir__", None)


class _LazyLoader:
    """pyqtgraph's own loader, its ``__init__`` run through ``_run_lazily``; once loaded, the
    module and its spec name the own loader again, as after any import."""

    def __init__(self, spec: importlib.machinery.ModuleSpec) -> None:
        assert spec.loader is not None
        self.spec, self.loader = spec, spec.loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.spec.loader = module.__loader__ = self.loader
        _run_lazily(module, self.loader)


class _FirstImport:
    """Answers the first ``import pyqtgraph`` (only that one) with a ``_LazyLoader``."""

    def find_spec(self, name, path=None, target=None):
        if name != "pyqtgraph":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)  # as the other finders see it
        if spec is not None and spec.loader is not None:
            spec.loader = _LazyLoader(spec)
        return spec


def install() -> None:
    """Let the first ``import pyqtgraph`` from now on load it the lazy way (see the module
    doc); a no-op when pyqtgraph is loaded already or this is installed."""
    if "pyqtgraph" in sys.modules or any(isinstance(f, _FirstImport) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _FirstImport())
