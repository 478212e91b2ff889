"""Render the countdown panel on the demo exercise to a PNG, to look at it without a window.

``python -m desktop.panels.countdown_preview [--at ISO] [--size 700x600] [--out FILE.png]``
(works with ``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--at", default="2025-12-03T12:00:00-05:00")
    parser.add_argument("--size", default="700x600")
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "countdown.png"))
    parser.add_argument("--lang", default="en", choices=("es", "en"))
    parser.add_argument("--late-extension", action="store_true", help="start DS 013 on 30 Jan")
    parser.add_argument("--second-chain", action="store_true", help="add another zone's decree")
    parser.add_argument("--manager", action="store_true", help="render the manager dialog too")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from db.clock import Clock, parse_instant
    from db.scenario import init_database
    from desktop.context import AppContext
    from desktop.panels.countdown_panel import CountdownPanel
    from desktop.watcher import StoreWatcher

    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="countdown-preview-"))
    store = init_database(str(folder / "demo.db"), demo=True, operator="preview")
    if args.late_extension:
        ext = next(d for d in store.decrees() if d.extends)
        store.correct(ext.id, starts_on="2026-01-30")
    if args.second_chain:
        store.add_decree(
            number="DS N° 140-2025-PCM",
            title="Estado de emergencia en Desaguadero (ilustrativo)",
            zone="Desaguadero (Puno)",
            published_on="2025-12-05",
            starts_on="2025-12-06",
            days=30,
        )
    ctx = AppContext(
        store, Clock(parse_instant(args.at), frozen=True), StoreWatcher(store), args.lang
    )
    width, height = (int(v) for v in args.size.split("x"))
    panel = CountdownPanel(ctx)
    panel.resize(width, height)
    panel.show()
    app.processEvents()
    panel.grab().save(args.out)
    print(args.out)
    if args.manager:
        from desktop.dialogs.decrees_manager import DecreesManagerDialog

        dialog = DecreesManagerDialog(ctx)
        dialog.resize(900, 500)
        dialog.show()
        app.processEvents()
        out = str(Path(args.out).with_name(Path(args.out).stem + "-manager.png"))
        dialog.grab().save(out)
        print(out)
    ctx.watcher.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
