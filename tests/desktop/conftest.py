"""Fixtures for the tests that build Qt widgets."""

from __future__ import annotations

import pytest


@pytest.fixture
def restore_appearance():
    """For tests that switch the language or the theme: the next test starts plain again."""
    yield
    from PySide6.QtWidgets import QApplication

    from desktop import i18n

    i18n.uninstall()
    app = QApplication.instance()
    if app is not None:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
