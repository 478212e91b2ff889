"""Interface language: Qt translation catalogues for our strings and for Qt's own dialogs.

Source strings are English; ``resources/i18n/situation_room_<lang>.qm`` holds the catalogue
(built from the ``.ts`` next to it by ``pyside6-lrelease``; a test keeps them current). Spanish
is what the operators read and the default when the system language is neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from db.resources import resource

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
SOURCE_LANGUAGE = "en"  # what shows while no catalogue is installed
CATALOGUE = "situation_room_{lang}.qm"

# Every string of the window and of the command line is looked up in Qt's catalogues; the short
# name reads well in modules without a QObject, and lupdate finds ``translate("Ctx", "text")``.
translate = QCoreApplication.translate

_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE


@dataclass
class _Command:
    """While a command runs: its catalogue, the application made to hold it (None when one
    was running) and the language spoken before."""

    translator: QTranslator | None
    made: QCoreApplication | None
    before: str


_command: _Command | None = None


def language() -> str:
    """The language the interface speaks now (the source language until one is installed)."""
    return _language


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


def _command_catalogue(lang: str) -> QTranslator | None:
    translator = QTranslator()
    data = resource("i18n", CATALOGUE.format(lang=lang))
    if not (data.is_file() and translator.load(str(data))):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def install_standalone(lang: str) -> str:
    """Speak ``lang`` on the command line. Qt looks catalogues up through an application
    object, so a bare ``QCoreApplication`` is made when none runs (never a GUI one: most
    commands draw nothing; ``brief`` asks ``gui_application`` for one)."""
    global _command, _language
    clear_standalone()
    made = QCoreApplication(["situation-room"]) if QCoreApplication.instance() is None else None
    _command = _Command(_command_catalogue(lang), made, _language)
    _language = lang
    return lang


def clear_standalone() -> None:
    """Undo ``install_standalone``: its catalogue out, its application gone, the language back."""
    global _command, _language
    if _command is None:
        return
    command, _command = _command, None
    _language = command.before
    app = QCoreApplication.instance()
    if command.translator is not None and app is not None:
        QCoreApplication.removeTranslator(command.translator)
    if command.made is not None and app is command.made:
        command.made.shutdown()


def gui_application() -> QGuiApplication:
    """An application that can draw: the running one, or a ``QGuiApplication`` made in place of
    the command line's bare one (with the command's catalogue again: it still prints)."""
    from PySide6.QtGui import QGuiApplication  # only for a command that draws

    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        app.shutdown()  # takes every QObject with it, the command's catalogue too
    gui = QGuiApplication(["situation-room"])
    if _command is not None:  # the new application outlives the command, as the window does
        _command.translator = _command_catalogue(_language)
    return gui


def uninstall() -> None:
    """Remove our catalogues and Qt's (the source strings show again); tests use it."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _language = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale.system())


def install(lang: str) -> str:
    """Load the catalogues for ``lang`` into the running application (replacing others)."""
    global _language
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
    _language = lang
    return lang
