"""Why a value was refused, in the operator's language: worded from the problem's code and
its values (the value typed, a limit), numbers written the way the language writes them."""

from __future__ import annotations

import pytest

from db import problems
from db.errors import InvalidRecord, Problem
from db.store.post_settings import set_post_settings
from desktop import i18n
from desktop.cli import main
from desktop.problem_text import error_text, problem_text
from tests.chart_fixtures import make_ctx


@pytest.fixture
def ctx(demo, restore_appearance):
    context = make_ctx(demo)
    yield context
    context.watcher.close()


def test_a_count_refused_in_spanish_shows_what_was_typed(qtbot, ctx):
    from desktop.dialogs.observation_dialog import ObservationDialog

    i18n.install("es")
    dialog = ObservationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.count.setText("12x")
    dialog.accept()
    assert dialog.errors["count"].text() == "'12x' no es un número entero"
    assert ctx.store.observations(entered_by="Tester") == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [("es", "tiene más de 2,000 caracteres"), ("en", "is longer than 2,000 characters")],
)
def test_a_name_too_long_shows_the_limit_as_the_language_writes_it(qtbot, ctx, lang, said):
    from desktop.dialogs.site_dialog import SiteDialog

    i18n.install(lang)
    dialog = SiteDialog(ctx, lon=-70.3, lat=-18.0)
    qtbot.addWidget(dialog)
    dialog.name.setText("x" * 2001)
    dialog.accept()
    assert dialog.error("name").text() == said


def test_a_threshold_out_of_range_says_the_bounds_and_the_value_in_spanish(
    demo, qtbot, restore_appearance
):
    i18n.install("es")
    with pytest.raises(InvalidRecord) as refused:
        set_post_settings(demo, warn_days=1500)
    assert (
        error_text(refused.value) == "alerta ámbar: debe estar entre 0 y 365 días (se indicó 1,500)"
    )


def test_every_problem_reads_in_english_as_the_command_line_prints_it(qtbot, restore_appearance):
    """The form and the command line word a problem alike; in Spanish it is translated, with
    every value in place."""
    for lang in ("en", "es"):
        i18n.install(lang)
        for code in problems.TEMPLATES:
            problem = Problem("f", code, dict.fromkeys(problems.param_names(code), 7))
            shown = problem_text(problem)
            assert "{" not in shown and shown.count("7") == problem.message.count("7"), code
            if lang == "en":
                assert shown == problem.message, code


def test_a_code_only_db_knows_shows_its_english(qtbot, restore_appearance, monkeypatch):
    monkeypatch.setitem(problems.TEMPLATES, "from_the_future", "cannot {verb} yet")
    i18n.install("es")
    assert problem_text(Problem("x", "from_the_future", {"verb": "fly"})) == "cannot fly yet"


def test_the_command_line_words_a_refusal_from_its_values(demo_path, capsys):
    long_name = "Estación " + "x" * 80
    assert main(["--lang", "es", "station", "--db", str(demo_path), "--name", long_name]) == 1
    assert capsys.readouterr().err.strip() == "situation-room: nombre: tiene más de 80 caracteres"
    assert main(["--lang", "en", "station", "--db", str(demo_path), "--name", long_name]) == 1
    assert capsys.readouterr().err.strip() == "situation-room: name: is longer than 80 characters"
    assert i18n.language() == "en"  # the command's language ends with it
