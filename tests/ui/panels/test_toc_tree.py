"""The contents tree on a chapter of hundreds of sections: following the reader into
it costs Python a handful of calls, not one per row (issue #34). That long titles still
wrap is tests/ui/test_text_size.py's."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

import reader
from reader.handbook import Handbook, load_handbook
from reader.ui.panels.toc_tree import TocTree
from tests.conftest import WriteHandbook
from tests.helpers.mkdocs_project import write_mkdocs_project

SECTIONS = 800
READER = str(Path(reader.__file__).parent)


@pytest.fixture
def huge_chapter_book(write_handbook: WriteHandbook) -> Handbook:
    """A short chapter, then one of SECTIONS sections (some titles long enough to wrap)."""
    sections = "".join(
        f"## Section {n}{' with a title long enough to wrap in a narrow panel' * (n % 7 == 0)}"
        f"\n\nText {n}.\n\n"
        for n in range(SECTIONS)
    )
    short, huge = "# Short\n\nA page.\n", f"# Huge\n\n{sections}"
    folder = write_handbook({"chapters/1-short.md": short, "chapters/2-huge.md": huge})
    return load_handbook(folder)


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def tree(qtbot: QtBot, host: QWidget, huge_chapter_book: Handbook) -> TocTree:
    """The tree beside a box that has the focus (a tree in use would not follow)."""
    box = QLineEdit(host)
    toc = TocTree(host)
    layout = QHBoxLayout(host)
    layout.addWidget(box)
    layout.addWidget(toc)
    host.resize(500, 600)
    toc.set_handbook(huge_chapter_book)
    host.show()
    qtbot.waitExposed(host)
    box.setFocus()
    return toc


@contextmanager
def calls_from_qt() -> Iterator[list[str]]:
    """The reader's Python functions that Qt (C++) calls while the block runs: each one
    waits for the interpreter, which a chapter rendering in another thread holds."""
    called: list[str] = []
    stack: list[bool] = []  # True: a C function (Qt) is running at this depth

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call":
            if stack and stack[-1] and frame.f_code.co_filename.startswith(READER):
                called.append(frame.f_code.co_qualname)
            stack.append(False)
        elif event == "c_call":
            stack.append(True)
        elif stack:  # return, c_return, c_exception
            stack.pop()

    sys.setprofile(profile)
    try:
        yield called
    finally:
        sys.setprofile(None)


def test_following_the_reader_into_a_huge_chapter_never_asks_python_per_row(
    tree: TocTree, huge_chapter_book: Handbook
) -> None:
    chapter = huge_chapter_book.reading_chapters[1]
    last = chapter.sections[-1]
    with calls_from_qt() as called:
        tree.select_section(last.id)
        QApplication.sendPostedEvents()  # the delayed layout of the opened chapter
        QApplication.processEvents()
    current = tree.currentItem()
    assert current is not None and current.data(0, Qt.ItemDataRole.UserRole) == last.id
    assert len(called) < SECTIONS // 20, sorted(set(called))


def test_an_mkdocs_navs_headings_keep_their_place_among_the_chapters_and_stay_open(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The nav's headings (rows that hold chapters) sit where the nav puts them, between
    chapters, nested as in the nav, and open, though every row is now made apart from
    the tree and put in at once."""
    book = load_handbook(write_mkdocs_project(tmp_path))
    toc = TocTree()
    qtbot.addWidget(toc)
    toc.set_handbook(book)

    def rows(parent: QTreeWidgetItem) -> list[str]:
        return [parent.child(i).text(0) for i in range(parent.childCount())]

    root = toc.invisibleRootItem()
    assert rows(root) == ["Welcome", "Using the tool", "Extensions", "Unlisted page"]
    extensions = root.child(2)
    assert rows(extensions) == ["Table of Contents", "Attribute Lists", "Deeper"]
    deeper = extensions.child(2)
    assert rows(deeper) == ["Notes deep down"]
    assert extensions.isExpanded() and deeper.isExpanded()
    assert not root.child(0).isExpanded()  # a chapter's own rows start folded
