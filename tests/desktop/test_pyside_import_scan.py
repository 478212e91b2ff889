"""desktop/startup/pyside_import_scan.py, applied by the entry point: imports after it are not read
for their source, and PySide6's ``__feature__`` still works for a module that opts in; importing
the package alone changes nothing (a fresh process each)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MODULES = {
    "early_mod.py": "VALUE = 0\n",
    "plain_mod.py": "VALUE = 1\n",
    "qt_mod.py": "from PySide6.QtCore import QObject\n",
    "snake_mod.py": (
        "from __feature__ import snake_case  # noqa\n"
        "from PySide6.QtCore import QObject\n"
        "def name_of():\n"
        "    o = QObject()\n"
        "    o.set_object_name('x')\n"
        "    return o.object_name()\n"
    ),
}

PROBE = """
import contextlib, io, linecache, sys
import desktop.cli
import early_mod  # imported before the entry point ran: PySide6 read its source
assert any(name.endswith("early_mod.py") for name in linecache.cache)
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    desktop.cli.main(["--help"])
import plain_mod, qt_mod, wave
feature = sys.modules["shibokensupport.feature"]
assert feature.pyside_feature_dict["plain_mod"] == -1
assert feature.pyside_feature_dict["wave"] == -1  # the standard library, by its name
assert feature.pyside_feature_dict["qt_mod"] == 0
assert not any(name.endswith("plain_mod.py") for name in linecache.cache)
import snake_mod
assert snake_mod.name_of() == "x"
print("ok")
"""


def test_imports_are_filed_without_reading_their_source(tmp_path):
    for name, text in MODULES.items():
        (tmp_path / name).write_text(text)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path)]),
    }
    r = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
