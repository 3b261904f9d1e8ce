"""A third start-up reference, the floor: the baseline's bare window, shown only after
the reader's start-up work that comes before any of its widgets.

It makes the imports the reader's window makes before its first paint (the command
line, `reader.ui.app` and every module it brings, PySide's classes and their enums
among them), applies the same start-up tricks and loads the handbook from its folder,
then shows exactly the baseline's window (baseline_window.py). No widget of the reader
is built. The reader cannot start faster than this without importing less before its
first paint; its ratio to the baseline says how much of the start-up goal the imports
and the handbook load use up before a single part of the window exists. Run by
tests/bench/run.py as a whole process, like the app.

usage: floor_window.py CHAPTER.html REPORT_FILE
Writes the milliseconds from HANDBOOK_READER_T0 to the first paint.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.cli import parse_arguments
from reader.paths import bundled_handbook_dir
from reader.ui.startup import before_window_modules

before_window_modules()

import reader.ui.app  # noqa: E402, F401  (the window's modules, as the app imports them)
from reader.handbook import load_handbook  # noqa: E402

parse_arguments([])
load_handbook(bundled_handbook_dir())
# Then the baseline itself, unchanged: its file is run as the main module, with the same
# arguments (CHAPTER.html REPORT_FILE), so both references cannot drift apart.
runpy.run_path(str(Path(__file__).with_name("baseline_window.py")), run_name="__main__")
