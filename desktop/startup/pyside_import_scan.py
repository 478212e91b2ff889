"""Spare every later import PySide6's scan of its source (docs/architecture.md §12).

Importing PySide6 replaces ``__import__`` with a hook that, after each module loads, reads the
module's whole source file (``inspect.getsource``) to see whether it names PySide6; the answer
only matters to modules that opt into ``from __feature__ import snake_case, true_property``,
which this application never does. Across the ~600 modules the window imports (pyqtgraph and
numpy among them) that reading costs tens of milliseconds of start-up.

Instead, a module counts as using PySide6 when its namespace holds a PySide6 module or class:
the same answer for every module that imports from PySide6, with no file read. Modules that
import ``__feature__`` are registered by PySide6's own ``feature_import`` as before. If a
PySide6 release moves or renames this internal hook, nothing here applies.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 (installs the hook this module adjusts)

_FEATURE_MODULE = "shibokensupport.feature"
_STANDARD_LIBRARY = sys.stdlib_module_names


def _uses_pyside(module: ModuleType) -> bool:
    """Whether the module holds anything of PySide6's: what the source read approximates,
    read from the namespace instead (a module that uses PySide6 imported something of it).
    The standard library never does, and its modules have the largest namespaces."""
    if str(getattr(module, "__name__", "")).partition(".")[0] in _STANDARD_LIBRARY:
        return False
    for value in list(vars(module).values()):
        name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", "")
        if isinstance(name, str) and name.startswith(("PySide6", "shiboken6")):
            return True
    return False


def skip_source_scan() -> bool:
    """Stop the per-import source read; True if PySide6's hook was found and adjusted."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True
