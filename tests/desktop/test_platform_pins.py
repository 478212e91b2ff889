"""docs/architecture.md §11: PySide6 6.12.0 on Python 3.11 crashes ("none_dealloc"). Keep it impossible."""

from __future__ import annotations

import gc
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
BAD = Version("6.12.0")
CALLS = 10_000


def _pyside_requirements() -> list[Requirement]:
    deps = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    reqs = [Requirement(d) for d in deps]
    return [r for r in reqs if r.name.lower().startswith("pyside6")]


@pytest.mark.parametrize("python", ["3.11", "3.12", "3.13"])
def test_pip_cannot_pick_the_crashing_combination(python):
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    active = [r for r in _pyside_requirements() if r.marker is None or r.marker.evaluate(env)]
    assert active, f"no PySide6 requirement applies on Python {python}"
    if python == "3.11":
        for req in active:
            assert not req.specifier.contains(BAD), f"{req} admits {BAD} on 3.11"
            assert not req.specifier.contains("6.12.1"), "6.12.x on 3.11 is unproven: keep < 6.12"


def test_installed_combination_is_safe():
    import PySide6

    if sys.version_info < (3, 12):
        assert Version(PySide6.__version__) < Version("6.12"), PySide6.__version__


def test_void_qt_calls_keep_none_alive(qapp):
    # The 6.12.0 bug drops a reference to None on each void call: 10,000 calls would lose 10,000.
    from PySide6.QtGui import QImage, QPainter, QPen

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen()
    gc.collect()
    gc.disable()  # a collection mid-loop frees unrelated references to None
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            painter.setPen(pen)
        after = sys.getrefcount(None)
    finally:
        gc.enable()
        painter.end()
    assert before - after < CALLS // 10, f"{before - after} references to None lost"
