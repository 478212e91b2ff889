"""A file that will not open: the operator is told why and offered a way out; the file is untouched."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import StoreUnavailable
from db.safety.backup import backup_now
from db.store.store import Store
from desktop.dialogs.backup_dialogs import BackupPicker, recover_from_open_error


def _press(text_of_button: str, seen: list[str], tries: int = 100) -> None:
    """Click ``text_of_button`` on the message box, then accept a backup picker if one opens."""

    def press(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and not seen:
            seen.append(box.text())
            next(b for b in box.buttons() if b.text() == text_of_button).click()
        elif isinstance(box, BackupPicker):
            box.accept()
            return
        if left:
            QTimer.singleShot(50, lambda: press(left - 1))

    QTimer.singleShot(50, lambda: press(tries))


def test_damaged_file_is_explained_and_left_alone(qtbot, tmp_path):
    path = tmp_path / "post.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        Store.open(path)
    except StoreUnavailable as exc:
        message = str(exc)
    seen: list[str] = []
    _press("Close", seen)
    assert recover_from_open_error(path, message) is None
    assert "restore a backup" in seen[0] or "backup" in seen[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_restore_a_backup_when_the_file_will_not_open(qtbot, tmp_path):
    path = tmp_path / "post.db"
    store = Store.open(path, operator="Ana")
    store.add_site(name="Santa Rosa", kind="crossing", lat=-18.32, lon=-70.31)
    backup_now(store)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        p = path.with_name(path.name + suffix)
        if p.exists():
            p.unlink()
    path.write_bytes(b"not a database at all, a damaged copy")
    seen: list[str] = []
    _press("Restore a backup…", seen)
    assert recover_from_open_error(path, "cannot be opened") == path
    assert [s.name for s in Store.open(path).sites()] == ["Santa Rosa"]
