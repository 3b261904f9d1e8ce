"""The main window on the real handbook: contents, reading, links, history, keys."""

from __future__ import annotations

import argparse
import linecache
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTextBrowser, QTreeWidget
from pytestqt.qtbot import QtBot

from reader.content import pages
from reader.handbook import Handbook, load_handbook
from reader.preferences import Preferences
from reader.ui import startup
from reader.ui.app import Session, open_session
from reader.ui.mainwindow import MainWindow


def _middle_section(handbook: Handbook, chapter_id: str) -> str:
    chapter = handbook.chapter(chapter_id)
    assert chapter is not None and len(chapter.sections) >= 3
    return chapter.sections[len(chapter.sections) // 2].id


def _click_toc(qtbot: QtBot, window: MainWindow, section_id: str) -> None:
    item = window.toc._items[section_id]
    parent = item.parent()
    if parent is not None:
        parent.setExpanded(True)
    window.toc.scrollToItem(item)
    rect = window.toc.visualItemRect(item)
    qtbot.mouseClick(window.toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_named_widgets_have_accessible_names(window: MainWindow) -> None:
    for kind, name in ((QTreeWidget, "tocTree"), (QTextBrowser, "contentView"),
                       (QLineEdit, "searchBox")):  # fmt: skip
        widget = window.findChild(kind, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_window_opens_at_the_start_page(window: MainWindow, handbook: Handbook) -> None:
    assert window.navigator.current_section_id == handbook.start_section_id
    assert handbook.title in window.windowTitle()


def test_toc_click_shows_that_section(qtbot: QtBot, window: MainWindow, handbook: Handbook) -> None:
    target = _middle_section(handbook, "how-it-works")
    _click_toc(qtbot, window, target)
    section = handbook.section(target)
    assert section is not None
    assert window.navigator.current_section_id == target
    assert section.anchor in window.content.anchor_names()
    assert window.content.verticalScrollBar().value() > 0
    assert window.toc.currentItem() is window.toc._items[target]


def test_scrolling_moves_the_toc_selection(window: MainWindow, handbook: Handbook) -> None:
    chapter = handbook.chapter("how-it-works")
    assert chapter is not None
    window.navigator.navigate(chapter.id)
    bar = window.content.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert window.navigator.current_section_id != chapter.id
    assert window.navigator.current_section_id.startswith(chapter.id + "/")
    assert window.toc.currentItem() is window.toc._items[window.navigator.current_section_id]


def test_back_and_forward_return_to_the_same_place(
    qtbot: QtBot, window: MainWindow, handbook: Handbook
) -> None:
    start = window.navigator.current_section_id
    first = _middle_section(handbook, "how-it-works")
    second = _middle_section(handbook, "history")
    window.navigator.navigate(first)
    scroll_at_first = window.content.verticalScrollBar().value()
    window.navigator.navigate(second)
    qtbot.keyClick(window.content, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current_section_id == first
    assert window.content.verticalScrollBar().value() == scroll_at_first
    window.navigator.go_back()
    assert window.navigator.current_section_id == start
    assert not window.action_set["back"].isEnabled()
    qtbot.keyClick(window.content, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current_section_id == first


def test_next_and_previous_section_keys(
    qtbot: QtBot, window: MainWindow, handbook: Handbook
) -> None:
    ids = [s.id for s in handbook.sections()]
    qtbot.keyClick(window.content, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current_section_id == ids[1]
    qtbot.keyClick(window.content, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current_section_id == ids[0]


def test_link_to_another_chapter_opens_it(
    qtbot: QtBot,
    make_window,
    write_handbook,  # type: ignore[no-untyped-def]
) -> None:
    root: Path = write_handbook({
        "1-one.md": "# One\n\nSee [the second part](2-two.md#second-part).\n",
        "2-two.md": "# Two\n\n" + "Filler.\n\n" * 80 + "## Second part\n\nHere.\n",
    })  # fmt: skip
    window = make_window(load_handbook(root))
    window.content.anchorClicked.emit(QUrl("section:two/second-part"))
    assert window.navigator.current_section_id == "two/second-part"
    assert window.content.verticalScrollBar().value() > 0
    window.navigator.go_back()
    assert window.navigator.current_section_id == "one"


def test_external_link_asks_before_opening(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    asked: list[str] = []

    def answer_no(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    before = window.navigator.current_section_id
    window.content.anchorClicked.emit(QUrl("https://example.org/page"))
    assert asked and "https://example.org/page" in asked[0]
    assert window.navigator.current_section_id == before


def test_zoom_keys_change_the_text_size(qtbot: QtBot, window: MainWindow) -> None:
    size = window.content.point_size()
    assert size == 12.0
    qtbot.keyClick(window.content, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = window.content.point_size()
    assert larger > size
    qtbot.keyClick(window.content, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.content.point_size() == size
    qtbot.keyClick(window.content, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.content.point_size() < size


def test_pictures_load_from_the_handbook_only(window: MainWindow, handbook: Handbook) -> None:
    from PySide6.QtGui import QTextDocument

    image_kind = QTextDocument.ResourceType.ImageResource.value
    svg = next(handbook.root.glob("pictures/*.svg"))
    loaded = window.content.loadResource(image_kind, QUrl(f"picture:pictures/{svg.name}"))
    assert loaded is not None and not loaded.isNull()
    for url in ("picture:../../etc/passwd", "https://example.org/x.png", "file:///etc/hosts",
                f"file://{svg}"):  # fmt: skip
        assert window.content.loadResource(image_kind, QUrl(url)) is None


def test_every_heading_is_laid_out_after_coming_back_to_a_chapter(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Regression: underlining glossary words while walking the fragments left blocks
    with zero height, so headings and pictures vanished on a revisited chapter."""
    window.navigator.navigate("how-it-works")
    window.navigator.navigate("history")
    window.navigator.navigate("how-it-works/where-the-new-gene-goes")
    qtbot.wait(50)
    document = window.content.document()
    layout = document.documentLayout()
    block = document.begin()
    empty = []
    while block.isValid():
        if block.blockFormat().headingLevel() and layout.blockBoundingRect(block).height() == 0:
            empty.append(block.text())
        block = block.next()
    assert empty == []


def test_pictures_follow_the_column_width_when_the_window_narrows(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1400, 800)
    window.navigator.navigate("how-it-works/where-the-new-gene-goes")
    qtbot.wait(200)
    window.resize(1000, 800)
    qtbot.waitUntil(lambda: window.content.horizontalScrollBar().maximum() == 0, timeout=2000)
    width = window.content.document().documentLayout().documentSize().width()
    assert width <= window.content.viewport().width()


def test_a_window_never_painted_still_prepares_search(
    qtbot: QtBot, handbook: Handbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Minimised at start, or hidden behind a kiosk shell: search must not wait forever."""
    monkeypatch.setattr(startup, "FIRST_PAINT_LATEST_MS", 50)
    window = MainWindow(handbook, Preferences())
    qtbot.addWidget(window)
    window.start()  # never shown, so never painted
    with qtbot.waitSignal(window.search_index.ready, timeout=10_000):
        pass
    window.search_index.shut_down()


def test_the_first_paint_lets_go_of_the_source_text_imports_left(
    qtbot: QtBot, gene_book: Path, user_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide makes Python keep every imported module's source (reader/ui/startup.py);
    once the first page is painted, the app drops it."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_session installs its own
    kept = str(Path(pages.__file__))
    linecache.getlines(kept)
    assert kept in linecache.cache
    session = open_session(argparse.Namespace(lang="en", kiosk=False, idle_timeout=None), gene_book)
    assert isinstance(session, Session)
    qtbot.addWidget(session.window)
    still_kept: list[bool] = []  # read by a slot that runs just after the app's own
    session.window.after_first_paint.done.connect(
        lambda: still_kept.append(kept in linecache.cache)
    )
    try:
        qtbot.waitUntil(lambda: bool(still_kept), timeout=5000)
        assert still_kept == [False]
        assert session.window.content.toPlainText().startswith("One")
    finally:
        session.close()


def test_the_search_field_keeps_the_application_style_sheet(
    qtbot: QtBot, window: MainWindow
) -> None:
    """It has a style of its own (for its magnifier); the app's sheet must still reach it:
    11 pt text and a 30 px field (resources/styles/app.qss)."""
    window.show()
    qtbot.waitExposed(window)
    box = window.search_box
    assert box.font().pointSizeF() == 11
    assert box.height() >= 30
    assert box.icon_size() == box.fontMetrics().height()


def test_the_first_chapter_ends_with_the_review_month(qtbot: QtBot, handbook_dir: Path) -> None:
    """Families see when the facts were last checked (#18), on screen as on paper."""
    from reader.handbook import load_handbook
    from reader.ui.window.review import review_note

    handbook = load_handbook(handbook_dir)
    window = MainWindow(handbook, Preferences())
    qtbot.addWidget(window)
    window.navigator.navigate(handbook.reading_chapters[0].id)
    note = "Third edition. Reviewed December 2026: check with your care team."
    assert review_note(handbook) == note
    assert window.content.toPlainText().rstrip().endswith(note)
    window.navigator.navigate(handbook.reading_chapters[1].id)
    assert note not in window.content.toPlainText()
    window.search_index.shut_down()
