"""Rebuild the interface's translation catalogues from the code.

    python resources/i18n/build_catalogues.py            # update the .ts, then build the .qm
    python resources/i18n/build_catalogues.py update     # only refresh the .ts from the code
    python resources/i18n/build_catalogues.py release    # only build the .qm from the .ts

Source strings are English, written in the code as ``self.tr("...")``,
``QCoreApplication.translate("Context", "...")`` or ``translate("Context", "...")``.
``pyside6-lupdate`` collects them from ``desktop/`` into ``situation_room_<lang>.ts`` (XML that
Qt Linguist edits; existing translations are kept, strings no longer in the code dropped, new
ones arrive marked unfinished). Spanish is translated by people, in Linguist or in the XML; the
English catalogue is the source text itself and is filled in here. ``pyside6-lrelease`` then
compiles each ``.ts`` into the ``.qm`` the application loads. Both are committed; the tests
fail when a string has no finished Spanish translation or a ``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import defusedxml.ElementTree as SafeET

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ("desktop",)
LANGUAGES = {"es": "es_PE", "en": "en_US"}  # catalogue → the locale it is written for
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    """``pyside6-<name>`` next to this Python (a venv's bin), else on the PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (it ships the tool)")
    return found


def ts_path(lang: str, folder: Path = HERE) -> Path:
    return folder / f"situation_room_{lang}.ts"


def qm_path(lang: str, folder: Path = HERE) -> Path:
    return folder / f"situation_room_{lang}.qm"


def lupdate(targets: list[Path], root: Path = ROOT, language: str | None = None) -> None:
    """Collect the strings of ``SOURCES`` into ``targets`` (created or merged)."""
    subprocess.run(
        [
            tool("lupdate"),
            "-extensions",
            "py",
            "-locations",
            "none",  # line numbers would churn the files on every edit
            "-no-obsolete",
            "-silent",
            *(["-target-language", language] if language else []),
            *(str(root / s) for s in SOURCES),
            "-ts",
            *(str(t) for t in targets),
        ],
        check=True,
        cwd=root,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def fill_source_language(ts: Path) -> None:
    """The English catalogue says what the code says: each translation is its source."""
    tree = ElementTree.ElementTree(SafeET.parse(str(ts)).getroot())
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ElementTree.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        translation.text = source
    write_ts(tree, ts)


def write_ts(tree: ElementTree.ElementTree, path: Path) -> None:
    ElementTree.indent(tree, space="    ")
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update() -> None:
    for lang, locale in LANGUAGES.items():
        lupdate([ts_path(lang)], language=locale)
    fill_source_language(ts_path(SOURCE_LANGUAGE))


def release(folder: Path = HERE, out: Path = HERE) -> None:
    for lang in LANGUAGES:
        lrelease(ts_path(lang, folder), qm_path(lang, out))


def main(argv: list[str]) -> int:
    step = argv[0] if argv else "all"
    if step not in ("all", "update", "release"):
        print(__doc__)
        return 2
    if step in ("all", "update"):
        update()
    if step in ("all", "release"):
        release()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
