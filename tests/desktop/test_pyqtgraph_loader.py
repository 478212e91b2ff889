"""pyqtgraph imported after the entry point installed desktop/startup/pyqtgraph_loader.py: every
Qt name still reachable, each Qt class made only when first used, PySide6's modules left as
they were; the parts the app does not use load only when asked for (a fresh process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import contextlib, io, sys
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
import desktop.cli
from desktop.startup.pyqtgraph_loader import DEFERRED
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    desktop.cli.main(["--help"])
import pyqtgraph as pg
assert pg.__spec__.loader is pg.__loader__ and "Lazy" not in type(pg.__loader__).__name__
# The parts the chart never uses were not loaded, and no empty stand-in is left behind...
assert not [name for name in DEFERRED if name in sys.modules]
assert "SpinBox" not in vars(pg) and not any(f is not None and "pyqtgraph" in repr(f) for f in sys.meta_path)
# No part of pyqtgraph that did load holds on to an empty stand-in.
from types import ModuleType
for mod_name, mod in list(sys.modules.items()):
    if mod_name.startswith("pyqtgraph"):
        for value in vars(mod).values():
            assert not (isinstance(value, ModuleType) and value.__name__ in DEFERRED), mod_name
assert pg.RemoteGraphicsView.__name__ == "RemoteGraphicsView"
# ...yet each is there when asked for, by name or by import.
assert pg.SpinBox.__module__ == "pyqtgraph.widgets.SpinBox"
assert pg.ImageView.__name__ == "ImageView" and hasattr(pg, "ROI")
import pyqtgraph.parametertree
assert pyqtgraph.parametertree.ParameterTree.__name__ == "ParameterTree"
try:
    pg.NoSuchThing
except AttributeError:
    pass
else:
    raise AssertionError("pg.NoSuchThing")
from PySide6.QtWidgets import QApplication
mirror = pg.Qt.QtWidgets
# A class pyqtgraph never uses was not copied, yet it is there when asked for.
assert "QWizard" not in vars(mirror)
assert mirror.QWizard is PySide6.QtWidgets.QWizard
assert pg.QtCore.QPointF is PySide6.QtCore.QPointF and pg.QtGui.QColor is PySide6.QtGui.QColor
# PySide6's own listings are whole again.
assert "QWizard" in dir(PySide6.QtWidgets) and "QPointF" in dir(PySide6.QtCore)
assert "__dir__" not in vars(PySide6.QtWidgets)
app = QApplication([])
plot = pg.PlotWidget()
plot.plot([1, 2, 3], [3, 1, 2])
plot.resize(200, 100)
image = plot.grab().toImage()
assert image.width() == 200
print("ok")
"""


def test_pyqtgraph_works_through_the_loader():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
