"""The log file where no error is lost (docs/architecture.md §10).

An unexpected error reaches the operator as one line (the command line) or a dialog (the
window); its traceback goes here, and that line or dialog names this file. Python's logging,
rotated (a few files of a megabyte each, so a post running for months never fills its disk),
in the platform's user log folder; ``SITUATION_ROOM_LOG_DIR`` puts it elsewhere (tests, a post
that keeps its logs on a particular disk).
"""

from __future__ import annotations

import contextlib
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_DIR_ENV = "SITUATION_ROOM_LOG_DIR"
LOG_NAME = "situation-room.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOGGER = "situation_room"

_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    """Where the log is kept: ``SITUATION_ROOM_LOG_DIR`` if set, else the user log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_log_path  # only when something is logged: it costs an import

    return user_log_path("situation-room", appauthor=False)


def log_path() -> Path:
    return log_dir() / LOG_NAME


def logger() -> logging.Logger:
    """The application's logger, writing to ``log_path()`` (set up on first use, and again if
    the folder changed since: a test, or the variable set while the program runs)."""
    global _handler
    log = logging.getLogger(LOGGER)
    path = log_path()
    if _handler is None or Path(_handler.baseFilename) != path.absolute():
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
        )
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s pid %(process)d %(name)s: %(message)s")
        )
        if _handler is not None:
            log.removeHandler(_handler)
            _handler.close()
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
        _handler = handler
    return log


def log_exception(
    exc: BaseException,
    message: str = "unexpected error",
    tb: TracebackType | None = None,
) -> Path | None:
    """Write ``exc`` with its traceback to the log; its path, or None if the log itself could
    not be written (a full disk, a read-only home): the caller then says so some other way."""
    try:
        log = logger()
        log.error(message, exc_info=(type(exc), exc, tb or exc.__traceback__))
        for handler in log.handlers:
            handler.flush()
        return log_path()
    except Exception:  # the log is the last resort: it must never raise in its turn
        return None


def log_line(level: int, message: str) -> None:
    """One line in the log (a refusal, a Qt warning); never raises."""
    with contextlib.suppress(Exception):
        logger().log(level, message)
