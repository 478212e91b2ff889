"""Interface language: Qt translation catalogues for our strings and for Qt's own dialogs.

Source strings are English; ``resources/i18n/situation_room_<lang>.qm`` holds the catalogue
(built from the ``.ts`` next to it by ``pyside6-lrelease``; a test keeps them current). Spanish
is what the operators read and the default when the system language is neither.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from db.resources import resource

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
CATALOGUE = "situation_room_{lang}.qm"

_installed: list[QTranslator] = []


def system_language() -> str:
    lang = QLocale.system().name().split("_")[0]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(requested: str | None, saved: str | None) -> str:
    """``--lang`` first, then the saved setting, then the system language."""
    for lang in (requested, saved):
        if lang in LANGUAGES:
            return lang  # type: ignore[return-value]
    return system_language()


def install(lang: str) -> str:
    """Load the catalogues for ``lang`` into the running application (replacing others)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the application before installing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator()
    data = resource("i18n", CATALOGUE.format(lang=lang))
    if data.is_file() and ours.load(str(data)):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale("es_PE" if lang == "es" else "en_US"))
    return lang
