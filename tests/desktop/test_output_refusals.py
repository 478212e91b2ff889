"""Every command and window action that writes a file: never over the post's database or any
other place a file must not go, and never a file cut short (a full disk, a failed check)."""

from __future__ import annotations

import os
import shutil
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox

from db.store.store import Store
from desktop.cli import main
from tests import gui_helpers
from tests.chart_fixtures import build_chart, make_ctx
from tests.output_targets import KINDS, leftovers, make, state

# command -> (the extension its file takes, its arguments given the database and the target)
COMMANDS = {
    "brief": (".pdf", lambda db, out: ["brief", "--db", db, "--out", out]),
    "export observations": (".csv", lambda db, out: ["export", "observations", out, "--db", db]),
    "export events": (".geojson", lambda db, out: ["export", "events", out, "--db", db]),
    "export sites": (".kml", lambda db, out: ["export", "sites", out, "--db", db]),
    "bundle export": (".zip", lambda db, out: ["bundle", "export", out, "--all", "--db", db]),
    "backup --to": (".db", lambda db, out: ["backup", "--db", db, "--to", out]),
    "init": (".db", lambda db, out: ["init", out]),
    "--screenshot": (".png", lambda db, out: ["--db", db, "--screenshot", out]),
}


@pytest.fixture
def post(demo):
    """The demo post, open (as a window holds it) with an entry still in its -wal."""
    demo.add_site(name="Albergue Norte", kind="shelter", country="PE", lat=-18.0, lon=-70.2)
    return demo


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", COMMANDS)
def test_no_command_writes_where_a_file_must_not_go(post, tmp_path, capsys, command, kind):
    ext, arguments = COMMANDS[command]
    target = make(kind, tmp_path, post.path, ext)
    before, counts = state(target), post.counts()

    assert main(arguments(str(post.path), str(target))) == 1

    line = _one_line(capsys.readouterr().err)
    assert str(target) in line or str(target.parent) in line
    assert state(target) == before
    assert leftovers(tmp_path) == []
    assert post.counts() == counts
    reopened = Store.open(post.path)
    assert reopened.counts() == counts
    reopened.close()


# -- a full disk: nothing half-written, the old file kept ------------------------------------
ON_DISK = ("brief", "export observations", "export events", "export sites", "bundle export")


@pytest.mark.parametrize("command", [*ON_DISK, "backup --to"])
def test_a_full_disk_leaves_no_partial_file_and_the_old_one_whole(
    qapp, restore_appearance, post, tiny_disk, capsys, command
):
    ext, arguments = COMMANDS[command]
    target = tiny_disk / f"informe{ext}"
    if command != "backup --to":  # a backup never replaces a file
        target.write_bytes(b"yesterday's file")
    filler = tiny_disk / "other-program.bin"
    filler.write_bytes(b"\0" * (shutil.disk_usage(tiny_disk).free - 4096))
    before = state(target)

    assert main(arguments(str(post.path), str(target))) == 1

    line = _one_line(capsys.readouterr().err)
    assert str(target) in line
    assert state(target) == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == sorted(
        ["other-program.bin", *([target.name] if target.exists() else [])]
    )


def test_a_pdf_cut_short_is_not_written_and_the_old_one_stays(
    qapp, restore_appearance, post, tmp_path, capsys, monkeypatch
):
    from desktop.briefing import pdf

    made: list[str] = []
    real_writer, real_paint = pdf.pdf_writer, pdf.paint_briefing

    def writer(path, paper, title):
        made.append(path)
        return real_writer(path, paper, title)

    def paint_then_lose_the_end(device, *args):
        pages = real_paint(device, *args)
        os.truncate(made[-1], os.path.getsize(made[-1]) // 2)  # as a full disk leaves it
        return pages

    monkeypatch.setattr(pdf, "pdf_writer", writer)
    monkeypatch.setattr(pdf, "paint_briefing", paint_then_lose_the_end)
    target = tmp_path / "informe.pdf"
    target.write_bytes(b"%PDF-1.4 yesterday's briefing %%EOF")

    assert main(["brief", "--db", str(post.path), "--out", str(target)]) == 1

    line = _one_line(capsys.readouterr().err)
    assert str(target) in line and "cut short" in line
    assert target.read_bytes() == b"%PDF-1.4 yesterday's briefing %%EOF"
    assert leftovers(tmp_path) == []


# -- the window's actions say so in a message box, and write nothing -------------------------
def _choose(monkeypatch, module, target) -> None:
    fake = SimpleNamespace(getSaveFileName=lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(module, "QFileDialog", fake)


def _export_observations(qtbot, ctx, target, monkeypatch):
    from desktop.dialogs.csv_dialogs import export_observations_dialog

    export_observations_dialog(ctx, None, path=str(target))


def _export_bundle(qtbot, ctx, target, monkeypatch):
    from desktop.dialogs import sync_dialogs

    _choose(monkeypatch, sync_dialogs, target)
    sync_dialogs.export_bundle_dialog(ctx.store)


def _save_briefing(qtbot, ctx, target, monkeypatch):
    from desktop.briefing import dialog

    _choose(monkeypatch, dialog, target)
    briefing = dialog.BriefingDialog(ctx)
    qtbot.addWidget(briefing)
    briefing.ask_save_pdf()


def _chart_png(qtbot, ctx, target, monkeypatch):
    from desktop.panels.chart import panel_files

    _choose(monkeypatch, panel_files, target)
    chart = build_chart(qtbot, ctx)
    chart.export_png_action.trigger()


def _chart_csv(qtbot, ctx, target, monkeypatch):
    from desktop.panels.chart import panel_files

    _choose(monkeypatch, panel_files, target)
    chart = build_chart(qtbot, ctx)
    chart.export_csv_action.trigger()


GUI_ACTIONS = {
    "export observations": (".csv", _export_observations),
    "export bundle": (".srbundle", _export_bundle),
    "save briefing": (".pdf", _save_briefing),  # names without .pdf get it: never the database
    "chart png": (".png", _chart_png),
    "chart csv": (".csv", _chart_csv),
}
GUI_CASES = [
    (action, kind)
    for action in GUI_ACTIONS
    for kind in ("database", "sqlite", "folder", "fifo", "no_folder")
    if not (kind == "database" and action == "save briefing")
]


@pytest.fixture
def ctx(post):
    context = make_ctx(post)
    yield context
    context.watcher.close()


@pytest.mark.gui
@pytest.mark.parametrize(("action", "kind"), GUI_CASES)
def test_no_window_action_writes_where_a_file_must_not_go(
    qtbot, ctx, post, tmp_path, monkeypatch, action, kind
):
    ext, act = GUI_ACTIONS[action]
    target = make(kind, tmp_path, post.path, ext)
    before, counts = state(target), post.counts()
    gui_helpers.SEEN.clear()
    gui_helpers.answer_boxes(QMessageBox.StandardButton.Ok)

    act(qtbot, ctx, target, monkeypatch)

    qtbot.waitUntil(lambda: bool(gui_helpers.SEEN), timeout=10_000)
    assert str(target) in gui_helpers.SEEN[0]  # what, and where
    assert state(target) == before
    assert leftovers(tmp_path) == []
    assert post.counts() == counts
