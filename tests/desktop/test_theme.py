import pytest

from desktop.theme import THEMES, contrast


@pytest.mark.parametrize("name", sorted(THEMES))
def test_text_meets_wcag_aa(name):
    t = THEMES[name]
    for fg in (t.text, t.muted, t.label):
        for bg in (t.window, t.panel):
            assert contrast(fg, bg) >= 4.5, (name, fg, bg)
    for fill in (t.ok, t.critical):
        assert contrast(t.on_state, fill) >= 3.0, (name, fill)  # large bold state text


def test_contrast_maths():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


def test_the_application_wears_fusion_whatever_the_environment_asks():
    """The palette's colours assume Fusion: a style picked by the desktop (here through
    ``QT_STYLE_OVERRIDE``) must not replace it (a fresh process: one QApplication each)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    probe = (
        "from desktop.app import application\n"
        "from desktop.theme import DAY, apply_theme\n"
        "app = application()\n"
        "apply_theme(DAY, app)\n"
        "print(app.style().name())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"}
    env["PYTHONPATH"] = str(root)
    r = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=root, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "fusion"
