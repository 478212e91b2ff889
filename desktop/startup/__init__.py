"""Start-up machinery: what makes the window paint sooner, each piece with what it buys.

Measured on the 2-core benchmark machine (offscreen, the demo database), each piece taken away
alone, paired runs, median of 12 rounds (first paint ≈ 0.30 s, every panel ≈ 0.70 s):

- ``scheduler``: the first paint shows the countdown alone; the key figures, the panels in
  sight, the menus, a panel in a tab and each panel's ``after_start`` follow, one turn of the
  event loop each. Without it the first paint comes ~400 ms later (with every panel).
- ``pyqtgraph_loader``: pyqtgraph without copying every Qt class and without the parts the
  chart never uses: ~130 ms sooner to every panel drawn.
- ``pyside_import_scan``: PySide6 no longer reads the source of every module imported after it:
  ~20 ms sooner to the first paint, ~55 ms to every panel.
- ``gc_pause``: no cyclic garbage collection until the start is over: ~55 ms sooner to every
  panel (a few ms to the first paint).

The rule for adding one: only with a measured gain on ``python tests/perf/run.py --only start``,
applied from the entry point (``desktop.cli.main``; the scheduler from the composition root,
``desktop/app.py``), never as a side effect of an import, and listed here with its figure.
"""
