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
