"""How the window and the commands find their database: ``--db``, ``--demo`` or the
operational default (where that lives: db/store/locate.py), and which clock they run on."""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

from db.clock import Clock
from db.demo import demo_copy
from db.errors import InvalidRecord, StoreUnavailable
from db.input_path import path_exists
from db.names import name_problem, normalise_name
from db.store.locate import default_db_path, demo_template_dir
from db.store.store import DEFAULT_OPERATOR, Store
from desktop.i18n import translate

OPERATOR_ENV = "SITUATION_ROOM_OPERATOR"


def operator_name(*, strict: bool = True) -> str:
    """The name on the records a command writes: ``$SITUATION_ROOM_OPERATOR``, else the login
    name, else "operador"; normalised (``db.names``).

    A ``$SITUATION_ROOM_OPERATOR`` that other stations would refuse in a bundle raises
    ``InvalidRecord`` naming the variable; not ``strict``, it gives way to the login name (the
    window then asks for a valid name: ``desktop.app.ensure_operator``).
    """
    given = os.environ.get(OPERATOR_ENV)
    if given:
        problem = name_problem(given, OPERATOR_ENV)
        if problem is None:
            return normalise_name(given)
        if strict:
            raise InvalidRecord([problem])
    login = os.environ.get("USER") or ""
    return normalise_name(login) if name_problem(login) is None else DEFAULT_OPERATOR


def open_store(
    args: argparse.Namespace,
    *,
    must_exist: bool = True,
    check: bool = True,
    operator: str | None = None,
) -> Store:
    """The store the arguments name; a fresh demo copy for ``--demo``.

    ``check=False``: the caller runs ``quick_check`` itself, soon after (the window does, in a
    thread: see ``db.store.connection.connect``). ``operator``: the name on records written
    (default: ``operator_name()``). On an exercise database, records written (an import) are
    reported at its stored clock; the window's own clock replaces it (desktop/context.py)."""
    store = _open_store(args, must_exist=must_exist, check=check, operator=operator)
    if store.exercise_clock is not None:
        store.report_clock = Clock(store.exercise_clock, frozen=True)
    return store


def _open_store(
    args: argparse.Namespace, *, must_exist: bool, check: bool, operator: str | None
) -> Store:
    operator = operator_name() if operator is None else operator
    if getattr(args, "demo", False):
        folder = Path(tempfile.mkdtemp(prefix="situation-room-demo-"))
        # A scratch copy for this run: it goes with the process, or a demo started every day
        # would leave a copy and its backups in the temporary folder each time.
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return demo_copy(folder / "demo.db", demo_template_dir(), operator=operator, check=check)
    path = Path(args.db) if getattr(args, "db", None) else default_db_path()
    if getattr(args, "db", None) is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        must_exist = False
    if not path_exists(path, StoreUnavailable) and must_exist:
        raise StoreUnavailable(
            translate(
                "CLI", "{path}: no such database (create one with 'situation-room init {path}')"
            ).format(path=path)
        )
    store = Store.open(path, operator=operator, check=check)
    for problem in store.setting_problems():  # opened with the default, said so
        print(f"situation-room: {path}: {problem}", file=sys.stderr)
    if store.read_only:
        message = translate(
            "CLI", "{path}: the file is read-only: opened for viewing, nothing can be saved to it"
        )
        print(f"situation-room: {message.format(path=path)}", file=sys.stderr)
    return store


def clock_for(store: Store, args: argparse.Namespace, *, running: bool = True) -> Clock:
    """``--at`` wins; else an exercise database runs on its stored clock; else live time.

    The window lets an exercise clock run on from its start (``running``); a one-shot command
    reads the picture at exactly that instant.
    """
    at = getattr(args, "at", None) or store.exercise_clock
    return Clock(at, frozen=not running)
