"""The printed briefing as a commander gets it: the PDF read back, from the CLI and the GUI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.clock import Clock
from db.flows.counted import counted, counted_before
from tests.conftest import lima

ROOT = Path(__file__).resolve().parents[2]
NOTES = "Coordinar con Cancillería.\nRevisar el albergue."


def brief(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "brief", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def page_texts(path: Path) -> list[str]:
    """Each page's text, normalised: NFKC (ligatures) and single spaces."""
    return [
        " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
        for page in PdfReader(path).pages
    ]


def page_images(path: Path) -> list[tuple[int, int]]:
    """(width, height) in pixels of every image drawn on any page."""
    found = []
    for page in PdfReader(path).pages:
        for obj in (page["/Resources"].get("/XObject") or {}).values():
            obj = obj.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append((int(obj["/Width"]), int(obj["/Height"])))
    return found


def without_generation_time(text: str) -> str:
    return re.sub(r"(Generado|Generated): \S+ \S+ UTC\S+", r"\1: —", text)


@pytest.fixture(scope="module")
def spanish_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.pdf"
    r = brief("--demo", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "2025-12-01" in r.stdout
    return out


def test_demo_briefing_is_a4_with_numbered_pages(spanish_pdf):
    reader = PdfReader(spanish_pdf)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - 595) <= 1
        assert abs(float(page.mediabox.height) - 842) <= 1
    texts = page_texts(spanish_pdf)
    n = len(texts)
    for i, text in enumerate(texts, start=1):
        assert f"Página {i} de {n}" in text
        assert "USO OFICIAL" in text and "Informe diario de situación" in text
        assert "Lunes, 1 de diciembre de 2025" in text


def test_decree_line_and_a_figure_match_the_store(spanish_pdf, demo):
    text = " ".join(page_texts(spanish_pdf))
    assert "Día 3 de 60" in text and "DS N° 135-2025-PCM" in text
    cutoff = lima(2025, 12, 1, 7)
    figures = counted(demo, lima(2025, 11, 30, 7), cutoff, known_at=cutoff)
    regular = figures.by_category["crossed_regular"]
    # The day before as it was known a day earlier (docs/architecture.md §4).
    before = counted_before(demo, lima(2025, 11, 30, 7), cutoff, known_at=cutoff)
    previous = before.by_category["crossed_regular"]
    assert f"Cruzaron regularmente {regular:,} {previous:,} " in text
    # The table by crossing agrees, each crossing with what the integrated control processes
    # there: into Peru at Santa Rosa, into Chile at Chacalluta.
    sites = {demo.get(sid).name: by for sid, by in figures.by_site.items()}
    chacalluta = sites["Complejo Chacalluta"]["crossed_regular"]
    santa_rosa = sites["Complejo Santa Rosa"]["crossed_regular"]
    assert chacalluta + santa_rosa == regular and chacalluta > 0 and santa_rosa > 0
    assert f"Complejo Chacalluta {chacalluta:,}" in text
    assert f"Complejo Santa Rosa {santa_rosa:,}" in text
    assert "Cifras ilustrativas" in text  # the demo's counts are invented: the page says so
    assert "GeoNames" in text and "Natural Earth" in text


def test_the_context_box_prints_the_sourced_figures(spanish_pdf):
    text = " ".join(page_texts(spanish_pdf))
    assert "Contexto (cifras públicas)" in text
    assert "Fuente: latercera.com; elmostrador.cl" in text
    assert "Entre 5.000 y 6.000 extranjeros salen de Chile" in text


def test_chart_and_map_are_printed_at_print_resolution(spanish_pdf):
    images = page_images(spanish_pdf)
    assert len(images) >= 2
    assert all(width >= 1000 for width, _height in images)
    # 180 mm wide at ≥ 200 dpi
    assert all(width >= 180 / 25.4 * 200 for width, _height in images)


def test_the_shipped_font_is_embedded(spanish_pdf):
    page = PdfReader(spanish_pdf).pages[0]
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts)


@pytest.mark.slow
def test_english_on_letter(tmp_path):
    out = tmp_path / "brief-en.pdf"
    r = brief(
        "--demo", "--date", "2025-12-01", "--lang", "en", "--paper", "letter", "--out", str(out)
    )
    assert r.returncode == 0, r.stderr
    reader = PdfReader(out)
    assert abs(float(reader.pages[0].mediabox.width) - 612) <= 1
    assert abs(float(reader.pages[0].mediabox.height) - 792) <= 1
    texts = page_texts(out)
    assert f"Page 1 of {len(texts)}" in texts[0]
    joined = " ".join(texts)
    assert "Day 3 of 60" in joined and "Daily situation briefing" in joined
    assert "Crossed regularly" in joined and "Monday, 1 December 2025" in joined


def test_notes_from_a_file_are_printed(tmp_path):
    notes = tmp_path / "notas.txt"
    notes.write_text("Relevo de guardia a las 19:00 en Santa Rosa.", encoding="utf-8")
    out = tmp_path / "brief.pdf"
    r = brief("--demo", "--notes-file", str(notes), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "Relevo de guardia a las 19:00 en Santa Rosa." in " ".join(page_texts(out))


@pytest.mark.parametrize("bad", ["2025-13-01", "01/12/2025", "mañana"])
def test_bad_date_is_one_line_and_no_file(tmp_path, bad):
    out = tmp_path / "brief.pdf"
    r = brief("--demo", "--date", bad, "--out", str(out))
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "--date" in r.stderr
    assert "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing/brief.pdf", "a-file.txt/brief.pdf", "."])
def test_unwritable_path_is_one_line_and_no_file(tmp_path, where):
    (tmp_path / "a-file.txt").write_text("not a folder")
    before = sorted(tmp_path.rglob("*"))
    r = brief("--demo", "--out", str(tmp_path / where))
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert sorted(tmp_path.rglob("*")) == before


def test_a_failed_write_leaves_nothing_behind(qapp, demo, tmp_path, monkeypatch):
    from db.briefing.content import compose_briefing
    from db.safety.output import OutputNotWritten
    from desktop.briefing import pdf
    from desktop.briefing.images import chart_image
    from desktop.briefing.pdf import render_briefing_pdf

    b = compose_briefing(demo, lima(2025, 12, 1).date(), operator="Ana")
    chart = chart_image(b)

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf, "paint_briefing", disk_full)
    out = tmp_path / "brief.pdf"
    with pytest.raises(OutputNotWritten, match="No space left"):
        render_briefing_pdf(b, out, chart=chart, map_image=chart)
    assert not out.exists()
    assert not any(p.suffix == ".part" or p.suffix == ".pdf" for p in tmp_path.iterdir())


# -- the GUI path ------------------------------------------------------------------------------
@pytest.fixture
def ctx(qtbot, demo):
    from desktop.context import AppContext
    from desktop.watcher import StoreWatcher

    watcher = StoreWatcher(demo)
    yield AppContext(demo, Clock(lima(2025, 12, 1, 8), frozen=True), watcher, "en")
    watcher.close()


@pytest.fixture
def dialog(qtbot, ctx):
    from desktop.briefing.dialog import BriefingDialog

    d = BriefingDialog(ctx)
    qtbot.addWidget(d)
    return d


def test_print_action_is_ctrl_p(qtbot, ctx):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QWidget

    from desktop.briefing.actions import briefing_actions

    parent = QWidget()
    qtbot.addWidget(parent)
    (action,) = briefing_actions(ctx, parent)
    assert action.text() == "Print briefing…"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert action.shortcut().toString() == "Ctrl+P"


def test_dialog_defaults_to_the_latest_period(dialog):
    assert dialog.day == lima(2025, 12, 1).date()
    assert dialog.paper == "a4" and dialog.lang == "en"
    assert dialog.cutoff_spin.value() == 7
    assert dialog.classification_edit.text() == "USO OFICIAL"


@pytest.mark.slow
def test_gui_and_cli_print_the_same_briefing(dialog, demo_path, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    dialog.language_box.setCurrentIndex(0)  # Español
    dialog.notes_edit.setPlainText(NOTES)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # as the preview dialog hands it
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    gui_pdf = tmp_path / "gui.pdf"
    printer.setOutputFileName(str(gui_pdf))
    from desktop.briefing.pages import page_layout

    printer.setPageLayout(page_layout("a4"))
    pages = dialog.paint_on(printer)
    del printer
    cli_pdf = tmp_path / "cli.pdf"
    r = brief(
        "--db", str(demo_path), "--date", "2025-12-01", "--notes", NOTES, "--out", str(cli_pdf)
    )
    assert r.returncode == 0, r.stderr
    gui, cli = page_texts(gui_pdf), page_texts(cli_pdf)
    assert len(gui) == len(cli) == pages
    assert [without_generation_time(t) for t in gui] == [without_generation_time(t) for t in cli]
    assert "Coordinar con Cancillería. Revisar el albergue." in " ".join(gui)
    assert len(page_images(gui_pdf)) == len(page_images(cli_pdf)) >= 2


def test_save_as_pdf_from_the_dialog(dialog, tmp_path):
    dialog.paper_box.setCurrentIndex(1)  # Letter
    out = tmp_path / "saved.pdf"
    pages = dialog.save_pdf(out)
    texts = page_texts(out)
    assert len(texts) == pages >= 2
    assert f"Page 1 of {pages}" in texts[0] and "Day 3 of 60" in " ".join(texts)
    assert abs(float(PdfReader(out).pages[0].mediabox.width) - 612) <= 1


def test_preview_shows_the_pages(qtbot, dialog):
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    seen: dict[str, int] = {}

    def look_and_close() -> None:
        preview = QApplication.activeModalWidget()
        if preview is None or preview.objectName() != "briefingPreview":
            QTimer.singleShot(20, look_and_close)
            return
        widget = preview.findChild(QPrintPreviewWidget)
        seen["pages"] = widget.pageCount()
        preview.reject()

    QTimer.singleShot(0, look_and_close)
    dialog.preview()
    assert seen["pages"] >= 2


def test_reprint_period_is_stated(dialog, tmp_path):
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-2))
    out = tmp_path / "old.pdf"
    dialog.save_pdf(out)
    text = " ".join(page_texts(out))
    assert dialog.day == lima(2025, 11, 29).date()
    assert "Period: 28 Nov 2025 07:00 – 29 Nov 2025 07:00" in text
    assert "Day 1 of 60" in text  # the decree came into force that day


def test_cutoff_hour_out_of_range_is_refused(tmp_path):
    r = brief("--demo", "--cutoff-hour", "24", "--out", str(tmp_path / "b.pdf"))
    assert r.returncode == 1 and "--cutoff-hour" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_reprint_of_a_past_day_shows_the_figures_as_held_then(tmp_path):
    """An operational database: a count corrected the next week does not change the reprint."""
    from db.clock import to_iso_precise
    from db.store.store import Store

    path = tmp_path / "post.db"
    store = Store.open(path, operator="Ana")
    entered = to_iso_precise(lima(2025, 11, 30, 22))
    site = store.prepare(
        "sites", dict(name="Santa Rosa", kind="crossing", country="PE", lat=-18.3, lon=-70.3)
    )
    store.insert_rows("sites", [{**site, "entered_at": entered}])
    count = store.prepare(
        "observations",
        dict(
            site_id=site["id"],
            period_start=lima(2025, 11, 30, 9),
            period_end=lima(2025, 11, 30, 21),
            direction="into_peru",
            category="turned_back",
            count=4321,
        ),
    )
    store.insert_rows("observations", [{**count, "entered_at": entered}])
    store.correct(count["id"], count=1234)  # entered now, long after that morning
    store.close()
    out = tmp_path / "reprint.pdf"
    r = brief("--db", str(path), "--date", "2025-12-01", "--lang", "en", "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = " ".join(page_texts(out))
    assert "Turned back (did not enter) 4,321" in text and "1,234" not in text
    assert "Figures as recorded by 1 Dec 2025 07:00" in text
