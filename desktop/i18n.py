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
_standalone: QTranslator | None = None  # the command line's catalogue (no application object)


def system_language() -> str:
    lang = QLocale.system().name().split("_")[0]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(requested: str | None, saved: str | None) -> str:
    """``--lang`` first, then the saved setting, then the system language."""
    for lang in (requested, saved):
        if lang in LANGUAGES:
            return lang  # type: ignore[return-value]
    return system_language()


def cli_language(requested: str | None) -> str:
    """The command line's language: ``--lang``, else the system's when it is Spanish or
    English, else English (a bare ``C`` locale on a server or in a script)."""
    if requested in LANGUAGES:
        return requested  # type: ignore[return-value]
    lang = QLocale.system().name().split("_")[0]
    return lang if lang in LANGUAGES else "en"


def install_standalone(lang: str) -> str:
    """Load our catalogue for ``lang`` without creating a Qt application (the command line
    must not: a later command may need a GUI application of its own, e.g. to draw a PDF)."""
    global _standalone
    translator = QTranslator()
    data = resource("i18n", CATALOGUE.format(lang=lang))
    _standalone = translator if data.is_file() and translator.load(str(data)) else None
    return lang


def clear_standalone() -> None:
    global _standalone
    _standalone = None


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` that also works before any Qt application exists (the
    command line). lupdate extracts ``translate("Context", "text")`` calls like Qt's own."""
    if QCoreApplication.instance() is not None and _installed:
        return QCoreApplication.translate(context, text)
    if _standalone is not None:
        return _standalone.translate(context, text) or text
    return QCoreApplication.translate(context, text)


def uninstall() -> None:
    """Remove our catalogues and Qt's (the source strings show again); tests use it."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale.system())


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
