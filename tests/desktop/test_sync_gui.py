"""File → Import bundle as an operator uses it: preview, confirm, summary."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from db.store.store import Store
from db.sync.exchange import export_bundle
from desktop.dialogs.sync_dialogs import ConflictsDialog, import_bundle_dialog
from tests import gui_helpers
from tests.conftest import lima

Yes, Ok = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok


def test_import_bundle_through_the_dialog(qtbot, tmp_path):
    field = Store.open(tmp_path / "field.db", operator="Equipo 1")
    site = field.add_site(name="Puesto Palca", kind="checkpoint", lat=-17.78, lon=-69.96)
    field.add_event(
        kind="patrol",
        title="Patrulla en Palca",
        occurred_at=lima(2025, 12, 2, 9),
        lat=-17.78,
        lon=-69.96,
    )
    export_bundle(field, tmp_path / "field.srbundle", since="all")
    post = Store.open(tmp_path / "post.db", operator="Ana")
    gui_helpers.SEEN.clear()
    gui_helpers.answer_boxes(Yes, Ok)
    summary = import_bundle_dialog(post, None, str(tmp_path / "field.srbundle"))
    assert summary is not None and not summary.dry_run
    assert [s.name for s in post.sites()] == ["Puesto Palca"] and post.get(site.id)
    assert "Records added" in gui_helpers.SEEN[0]  # the preview said what would come in
    # The same file again: nothing to add, the operator is told it came in before.
    gui_helpers.answer_boxes(Ok)
    again = import_bundle_dialog(post, None, str(tmp_path / "field.srbundle"))
    assert again is not None and sum(again.added.values()) == 0
    assert "already imported" in gui_helpers.SEEN[-1]


def test_refused_bundle_is_a_message_and_writes_nothing(qtbot, tmp_path):
    bad = tmp_path / "bad.srbundle"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    post = Store.open(tmp_path / "post.db", operator="Ana")
    before = post.counts()
    gui_helpers.SEEN.clear()
    gui_helpers.answer_boxes(Ok)
    assert import_bundle_dialog(post, None, str(bad)) is None
    assert "refused" in gui_helpers.SEEN[0] and post.counts() == before


def test_conflict_is_settled_in_the_dialog(qtbot, tmp_path):
    a = Store.open(tmp_path / "a.db", operator="A")
    site = a.add_site(name="Santa Rosa", kind="crossing", lat=-18.32, lon=-70.31)
    export_bundle(a, tmp_path / "a0.srbundle", since="all")
    b = Store.open(tmp_path / "b.db", operator="B")
    from db.sync.exchange import import_bundle

    import_bundle(b, tmp_path / "a0.srbundle")
    a.correct(site.id, name="Complejo Santa Rosa")
    b.correct(site.id, name="CAF Santa Rosa")
    export_bundle(b, tmp_path / "b1.srbundle", since="all")
    import_bundle(a, tmp_path / "b1.srbundle")
    dialog = ConflictsDialog(a)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    row = next(r for r in range(2) if "CAF Santa Rosa" in dialog.table.item(r, 3).text())
    dialog.table.selectRow(row)
    dialog.keep_selected()
    assert dialog.table.rowCount() == 0
    assert [s.name for s in a.sites()] == ["CAF Santa Rosa"]
