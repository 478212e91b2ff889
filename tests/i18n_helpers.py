"""Reading translation catalogues and the code's translatable strings, for the i18n tests."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET

from resources.i18n import build_catalogues

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def read_ts(path: Path) -> dict[tuple[str, str], Message]:
    out = {}
    for context in SafeET.parse(str(path)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            text = (translation.text or "") if translation is not None else ""
            out[(name, source)] = Message(name, source, text, kind is None and bool(text))
    return out


def extract(folder: Path) -> dict[tuple[str, str], Message]:
    """What lupdate finds in the code now, in a fresh catalogue under ``folder``."""
    target = folder / "fresh_es.ts"
    build_catalogues.lupdate([target], ROOT)
    return read_ts(target)


@dataclass(frozen=True)
class Call:
    where: str
    context: str | None  # None: the class could not be told (not a self.tr in a class)
    source: str


def translate_calls() -> tuple[list[Call], list[str]]:
    """Every literal string the code hands to a translation call, with the context Qt will
    look it up in at run time; and the calls lupdate would misread (``x.tr`` on another
    object, ``self.tr`` in a class that others subclass: PySide looks those up under the
    subclass's name)."""
    calls: list[Call] = []
    hazards: list[str] = []
    subclassed: set[str] = set()
    trees = {}
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        trees[path] = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(trees[path]):
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    subclassed.add(base.id if isinstance(base, ast.Name) else ast.unparse(base))
    for path, tree in trees.items():
        rel = path.relative_to(ROOT)
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if _is_self_tr(node) and _literal(node.args, 0) is not None:
                    calls.append(Call(f"{rel}:{node.lineno}", cls.name, _literal(node.args, 0)))
                    if cls.name in subclassed:
                        hazards.append(f"{rel}:{node.lineno}: self.tr in {cls.name}, a base class")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "translate" and _literal(node.args, 1) is not None:
                calls.append(
                    Call(f"{rel}:{node.lineno}", _literal(node.args, 0), _literal(node.args, 1))
                )
            elif name == "tr" and not _is_self_tr(node):
                hazards.append(f"{rel}:{node.lineno}: {ast.unparse(func)}(...) is not self.tr")
            elif name.endswith("_tr") or name in ("_", "_t"):
                hazards.append(f"{rel}:{node.lineno}: {name}(...) hides its string from lupdate")
    return calls, hazards


def _is_self_tr(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "self"
    )


def _literal(args: list[ast.expr], i: int) -> str | None:
    if len(args) > i and isinstance(args[i], ast.Constant) and isinstance(args[i].value, str):
        return args[i].value
    return None
