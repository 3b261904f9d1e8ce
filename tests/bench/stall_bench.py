"""The longest UI stall (issue #34): the real window, a 10 ms heartbeat on its thread
(tests/bench/heartbeat.py), and the longest gap between beats while something happens.

usage: stall_bench.py [--chars N] [--only NAME,...]
Prints one JSON object: for each scenario its figures, `longest_stall_ms` first. The
goal is a fixed 100 ms (the window answers input within that), so this row's same-run
baseline is the goal itself, not another program.

Scenarios are a table of name -> function (SCENARIOS): each gets the open session and
returns its figures. To add one, write a function and put it in the table;
tests/bench/run.py reports every one (`--only stall`). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from reader.cli import parse_arguments
from reader.handbook import Section
from reader.paths import HOME_ENV, bundled_handbook_dir
from reader.ui.app import Session, open_session
from reader.ui.mainwindow import MainWindow
from tests.bench.heartbeat import longest_stall
from tests.helpers.long_chapter import LONG_CHAPTER, grow_chapter

#: The goal for every scenario: the window answers input within this.
GOAL_MS = 100.0

Scenario = Callable[[Session], dict[str, object]]


def page_done(window: MainWindow) -> bool:
    """The page is whole (a window without pieces shows it before navigate returns)."""
    opening: Callable[[], bool] = getattr(window.navigator, "opening", lambda: False)
    return not opening()


def open_long_chapter(session: Session) -> dict[str, object]:
    """Open the last section of the grown chapter from another chapter: first while it
    is not yet rendered (cold), then again with its page kept (warm)."""
    window = session.window
    handbook = window.handbook
    chapter = handbook.chapter(LONG_CHAPTER)
    assert chapter is not None
    target = chapter.sections[-1]
    figures: dict[str, object] = {"chapter_chars": len(chapter.markdown), "section": target.id}
    worst = 0.0

    def open_target() -> None:
        window.navigator.navigate(target.id)

    for run in ("cold", "warm"):
        window.navigator.navigate(handbook.reading_chapters[0].id)
        QApplication.processEvents()
        started = time.perf_counter()
        stall = longest_stall(open_target, lambda: page_done(window))
        figures[f"{run}_open_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures[f"{run}_stall_ms"] = round(stall, 1)
        worst = max(worst, stall)
        landed = window.navigator.current_section_id == target.id and target.anchor in (
            window.content.anchor_names()
        )
        figures[f"{run}_landed"] = landed
    return {"longest_stall_ms": round(worst, 1), **figures}


Pick = Callable[[tuple[Section, ...]], Section]


def _read_in_long_chapter(window: MainWindow, pick: Pick) -> None:
    """Open the section `pick` chooses of the grown chapter, and wait until it is whole."""
    chapter = window.handbook.chapter(LONG_CHAPTER)
    assert chapter is not None
    window.navigator.navigate(pick(chapter.sections).id)
    while not page_done(window):
        QApplication.processEvents()


def change_text_size(session: Session) -> dict[str, object]:
    """On the grown chapter's last section: the text a step larger (150%), then back to
    100%, each until the page is whole again at the paragraph that was being read."""
    window = session.window
    _read_in_long_chapter(window, lambda sections: sections[-1])
    figures: dict[str, object] = {}
    worst = 0.0
    for zoom in (150, 100):
        read = window.content.reading_mark()
        started = time.perf_counter()
        stall = longest_stall(partial(window.comfort.apply_zoom, zoom), lambda: page_done(window))
        figures[f"to_{zoom}_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures[f"to_{zoom}_stall_ms"] = round(stall, 1)
        figures[f"to_{zoom}_kept_place"] = window.content.reading_mark() == read
        worst = max(worst, stall)
    return {"longest_stall_ms": round(worst, 1), **figures}


#: A resize counts as done once the page has been whole this long after it: the tables
#: are looked at again 150 ms after a change settles (reader/ui/page_tables.py).
RESIZE_QUIET_S = 0.6


def _quiet_for(window: MainWindow) -> Callable[[], bool]:
    """Done once the page has been whole for RESIZE_QUIET_S."""
    quiet_since: list[float] = []

    def settled() -> bool:
        if not page_done(window):
            quiet_since.clear()
            return False
        if not quiet_since:
            quiet_since.append(time.monotonic())
        return time.monotonic() - quiet_since[0] >= RESIZE_QUIET_S

    return settled


def resize_window(session: Session) -> dict[str, object]:
    """Two thirds into the grown chapter (the last section is at the page's end, where
    the view cannot put its first paragraph at the top): the window made narrower (1366
    to 1024 px wide, as a side column or a second window takes room) and wide again, each
    until the page has been whole and quiet for RESIZE_QUIET_S."""
    window = session.window
    window.resize(1366, 768)
    _read_in_long_chapter(window, lambda sections: sections[len(sections) * 2 // 3])
    figures: dict[str, object] = {}
    worst = 0.0
    for width in (1024, 1366):
        read = window.content.reading_mark()
        started = time.monotonic()
        stall = longest_stall(partial(window.resize, width, 768), _quiet_for(window))
        figures[f"to_{width}_stall_ms"] = round(stall, 1)
        figures[f"to_{width}_ms"] = round((time.monotonic() - started - RESIZE_QUIET_S) * 1000, 1)
        figures[f"to_{width}_kept_place"] = window.content.reading_mark() == read
        worst = max(worst, stall)
    return {"longest_stall_ms": round(worst, 1), **figures}


def export_whole_handbook(session: Session) -> dict[str, object]:
    """Export / Print, "The whole handbook", Save as PDF: until the file is written
    (tests/bench/stall_export.py)."""
    from tests.bench.stall_export import export_from_window

    with tempfile.TemporaryDirectory(prefix="stall-export-") as folder:
        started = time.perf_counter()
        stall, size = export_from_window(session.window, Path(folder) / "handbook.pdf")
    took = round((time.perf_counter() - started) * 1000, 1)
    return {"longest_stall_ms": round(stall, 1), "export_ms": took, "pdf_bytes": size}


def switch_language(session: Session) -> dict[str, object]:
    """Language > the other language and back, each until the new window is in place,
    its page whole and its search ready (the index of a language not opened before is
    built then); the worse of the two counts."""
    first = session.window.handbook.language
    others = [code for code in session.window.handbook.languages if code != first]
    figures: dict[str, object] = {}
    worst = 0.0
    for code in [*others[:1], first]:
        in_place, took, stall = _switch_once(session, code)
        figures[f"to_{code}_in_place_ms"] = in_place
        figures[f"to_{code}_settled_ms"] = took
        figures[f"to_{code}_stall_ms"] = stall
        figures[f"to_{code}_landed"] = session.window.handbook.language == code
        worst = max(worst, stall)
    return {"longest_stall_ms": worst, **figures}


def _switch_once(session: Session, code: str) -> tuple[float, float, float]:
    """ms until the window in `code` is in place, ms until it has settled, and the
    longest stall meanwhile."""

    def switch() -> None:
        session.switch_language(code)

    return _replace_once(session, switch)


def _replace_once(session: Session, replace: Callable[[], None]) -> tuple[float, float, float]:
    """ms until `replace()` has put a new window in place, ms until it has settled, and
    the longest stall meanwhile."""
    in_place: list[float] = []
    started = time.perf_counter()

    def replaced(_window: object) -> None:
        in_place.append(round((time.perf_counter() - started) * 1000, 1))

    def settled() -> bool:
        window = session.window
        ready = window.search_panel.index is not None and window.after_first_paint.ran
        return bool(in_place) and page_done(window) and ready

    session.signals.window_replaced.connect(replaced)
    stall = longest_stall(replace, settled)
    session.signals.window_replaced.disconnect(replaced)
    took = round((time.perf_counter() - started) * 1000, 1)
    return in_place[0], took, round(stall, 1)


def open_packed_handbook(session: Session) -> dict[str, object]:
    """File > Open Handbook File on a .handbook packed from the bundled folder: until
    the new window is in place, its page whole and its search ready (its index is
    built then, as for a handbook never opened before)."""
    from reader.handbook.packing import archive_bytes, folder_files
    from reader.ui.window.open_handbook import HandbookOpener

    opener = session.window.findChild(HandbookOpener, "handbookOpener")
    assert opener is not None, "the desktop window opens files"
    with tempfile.TemporaryDirectory(prefix="stall-pack-") as folder:
        packed = Path(folder) / "handbook.handbook"
        packed.write_bytes(archive_bytes(folder_files(bundled_handbook_dir()).files, None))
        size = packed.stat().st_size
        in_place, took, stall = _replace_once(session, lambda: opener.open_path(packed))
    landed = session.window.handbook.root != bundled_handbook_dir()
    return {
        "longest_stall_ms": stall,
        "in_place_ms": in_place,
        "settled_ms": took,
        "landed": landed,
        "pack_bytes": size,
    }


#: Scenario name -> what it measures (tests/bench/run.py makes one row of each).
SCENARIOS: dict[str, Scenario] = {
    "open a section of a 1 MB chapter": open_long_chapter,
    "change the text size on a 1 MB chapter": change_text_size,
    "resize the window on a 1 MB chapter": resize_window,
    "export the whole handbook from the window": export_whole_handbook,
    "switch language": switch_language,
    "open a packed .handbook file": open_packed_handbook,
}


def wait_until_settled(session: Session, timeout_s: float = 120.0) -> None:
    """The first paint, the work put off until then, and the search index: all done, so
    their threads do not share the measured time."""
    window = session.window
    deadline = time.monotonic() + timeout_s
    while window.search_panel.index is None or not window.after_first_paint.ran:
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not settle")
        QApplication.processEvents()
        time.sleep(0.005)


def run(chars: int, names: list[str]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ.setdefault(HOME_ENV, str(work / "home"))
        grown = work / "handbook"
        grow_chapter(bundled_handbook_dir(), grown, chars)
        session = open_session(parse_arguments([]), grown)
        assert isinstance(session, Session)
        wait_until_settled(session)
        results: dict[str, object] = {"goal_ms": GOAL_MS}
        for name in names:
            results[name] = SCENARIOS[name](session)
        session.window.close()
        session.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=1_000_000, help="the grown chapter's size")
    parser.add_argument("--only", help="comma-separated scenario names")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(SCENARIOS)
    print(json.dumps(run(args.chars, names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
