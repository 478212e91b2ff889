"""Fixtures shared by every test: a fresh store, the demo, and no touching the user's files."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LIMA = ZoneInfo("America/Lima")


def pytest_addoption(parser: pytest.Parser) -> None:
    # The db/ tests also run where Qt and pytest-qt are not installed (.ci/run proves db/ needs
    # no Qt); pytest-qt's ini key must still be a known one there, or the run stops.
    if importlib.util.find_spec("pytestqt") is None:
        parser.addini("qt_api", "the Qt binding pytest-qt would use (not installed here)")


def lima(*args: int) -> datetime:
    """An aware instant given in Lima time (the post's zone)."""
    return datetime(*args, tzinfo=LIMA)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Settings, the default database and backups must never be the user's own.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("SITUATION_ROOM_OPERATOR", "Tester")
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # the db/ tests also run where Qt is not installed
        return
    # QSettings resolves its folder once per process: point it at this test's folder each time.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))


@pytest.fixture
def store(tmp_path: Path):
    from db.store.store import Store

    s = Store.open(tmp_path / "post.db", operator="Tester")
    yield s
    s.close()


@pytest.fixture
def reported_at(monkeypatch: pytest.MonkeyPatch):
    """``reported_at(t)``: records written from then on carry the report time ``t`` (the post's
    clock when they were entered), so a test can build a past that a reader as of a later
    instant knows (docs/architecture.md §4)."""

    def report(instant: datetime) -> None:
        monkeypatch.setattr("db.store.store.utc_now", lambda: instant)

    return report


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.scenario import init_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    init_database(str(path), demo=True).close()
    return path


@pytest.fixture
def demo_path(_demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo exercise database (built once per session, copied per test)."""
    target = tmp_path / "demo.db"
    src, dst = sqlite3.connect(_demo_template), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def demo(demo_path: Path):
    from db.store.store import Store

    s = Store.open(demo_path, operator="Tester")
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _no_stray_children():
    """Worker processes of a failed safety test are ended with it, never left to later tests."""
    yield
    import sys

    workers = sys.modules.get("tests.safety_workers")
    if workers is not None:
        workers.end_all()


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 2 MB tmpfs mounted for the test (root only; skipped elsewhere): a disk that fills."""
    mount = shutil.which("mount")
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a small file system needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk])
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    yield disk
    subprocess.run(["umount", "-l", disk], check=True)
