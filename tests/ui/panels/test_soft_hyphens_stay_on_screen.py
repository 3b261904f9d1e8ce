"""The soft hyphens a narrow pane puts into long words (reader/ui/panels/long_words.py)
never leave the screen: the real Spanish handbook at 300% on a 1024x768 window, the
glossary's definition of "Inmunodeficiencia combinada grave". A copy carries the words
as written, and a screen reader (Qt's accessibility interfaces, as the AT-SPI bridge asks
them) reads them as written, never "Inmu\u00adnodefi\u00adciencia"."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.content.hyphenation import break_points, load
from reader.handbook import Handbook
from reader.handbook.glossary import Term
from reader.handbook.languages import load_handbook_in
from reader.ui.mainwindow import MainWindow
from reader.ui.panels.glossary_panel import SLUG_ROLE
from reader.ui.panels.long_words import SOFT_HYPHEN
from tests.helpers.interface_language import speaking
from tests.support import REPO, run_x11_module
from tests.ui.conftest import MakeWindow


@pytest.fixture
def spanish_interface(qapp: QApplication) -> Iterator[str]:
    yield from speaking(qapp, "es")


@pytest.fixture
def spanish_window(
    qtbot: QtBot, spanish_interface: str, make_window: MakeWindow, handbook: Handbook
) -> Iterator[tuple[MainWindow, Term]]:
    """The Spanish window at 300% on 1024x768, the definition of SCID shown with its
    long words broken between syllables."""
    load("es")  # the patterns at once: the words break between syllables first time
    spanish = load_handbook_in(handbook.root, spanish_interface)
    window = make_window(spanish)
    window.resize(1024, 768)
    window.comfort.apply_zoom(300)
    window.action_set["show_glossary"].trigger()
    (scid,) = [t for t in spanish.glossary.terms if t.term.startswith("Inmunodeficiencia c")]
    panel = window.glossary_panel
    assert panel.show_term(scid.slug)
    definition = panel.definition
    qtbot.waitUntil(lambda: definition.isVisible() and definition.viewport().width() > 50)
    qtbot.waitUntil(lambda: break_points("", "es") is not None)
    qtbot.waitUntil(lambda: SOFT_HYPHEN in definition.document().begin().text())
    yield window, scid
    window.search_index.shut_down()


def test_copying_the_definition_gives_the_words_without_soft_hyphens(
    qtbot: QtBot, spanish_window: tuple[MainWindow, Term]
) -> None:
    """Before: the clipboard held "Inmu\u00adnodefi\u00adciencia combi\u00adnada grave
    ...", and the word pasted into the search box or a note was not the word."""
    window, scid = spanish_window
    definition = window.glossary_panel.definition
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    definition.setFocus()
    definition.selectAll()
    qtbot.keyClick(definition, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    gc.collect()  # the copy outlives the Python object that made it
    copied = clipboard.text()
    assert copied.startswith(scid.term + "\n")
    assert SOFT_HYPHEN not in copied
    assert SOFT_HYPHEN not in (clipboard.mimeData().html() or "")
    dragged = definition.createMimeDataFromSelection()  # a drag carries the same
    assert dragged.text() == copied and "&shy;" not in dragged.html()

    window.search_box.clear()
    window.search_box.paste()
    assert window.search_box.text().startswith(scid.term)


def _accessible_text(widget: QObject) -> str:
    """All the text a screen reader can read from `widget` through its text interface."""
    text = QAccessible.queryAccessibleInterface(widget).textInterface()
    return text.text(0, text.characterCount())


def test_a_screen_reader_reads_the_definitions_words_without_soft_hyphens(
    qtbot: QtBot, spanish_window: tuple[MainWindow, Term]
) -> None:
    """Before: the text Orca read (and put on a braille display) was "Inmu\u00adnodefi\u00ad
    ciencia combi\u00adnada grave"; word by word it stopped at each soft hyphen."""
    window, scid = spanish_window
    panel = window.glossary_panel
    definition = panel.definition
    (other,) = [t for t in panel.handbook.glossary.terms if t.slug == "bone-marrow"]
    try:
        QAccessible.setActive(True)  # what a screen reader's first question does
        definition.setFocus()  # the reader comes to the definition: it is looked at again
        qtbot.waitUntil(lambda: SOFT_HYPHEN not in definition.toPlainText())
        read = _accessible_text(definition)
        assert read.startswith(scid.term + "\n")
        assert SOFT_HYPHEN not in read
        document = QAccessible.queryAccessibleInterface(definition.viewport())
        assert document.child(0).text(QAccessible.Text.Name) == scid.term
        heading = definition.document().begin().layout()
        assert heading.lineCount() > 1  # still narrower than the word: it wraps, never cut
        room = definition.viewport().width()
        assert all(heading.lineAt(i).naturalTextWidth() <= room for i in range(heading.lineCount()))

        panel.show_term(other.slug)  # another word, then back: none come back
        panel.show_term(scid.slug)
        assert SOFT_HYPHEN not in _accessible_text(definition)
    finally:
        QAccessible.setActive(False)
    panel.show_term(other.slug)  # no screen reader: the syllables are back on screen
    panel.show_term(scid.slug)
    assert SOFT_HYPHEN in definition.document().begin().text()


def _rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item is not None:
            found.append(item)
            stack += [item.child(i) for i in range(item.childCount())]
    return found


def test_copying_a_glossary_or_contents_row_gives_its_words_as_written(
    qtbot: QtBot, spanish_window: tuple[MainWindow, Term]
) -> None:
    """Before: Ctrl+C on the glossary row copied "Inmunodefi\u00adciencia combinada
    grave (IDCG)" (Qt copies the row's shown text)."""
    window, scid = spanish_window
    clipboard = QGuiApplication.clipboard()
    terms = window.glossary_panel.list
    (row,) = [
        terms.item(r) for r in range(terms.count()) if terms.item(r).data(SLUG_ROLE) == scid.slug
    ]
    qtbot.waitUntil(lambda: SOFT_HYPHEN in row.text())
    terms.setCurrentItem(row)
    terms.setFocus()
    qtbot.keyClick(terms, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == f"{scid.term} (IDCG)"

    window.glossary_panel.close()
    window.toc_dock.show()
    tree = window.toc
    qtbot.waitUntil(lambda: tree.isVisible() and tree.viewport().width() > 50)
    qtbot.waitUntil(lambda: any(SOFT_HYPHEN in item.text(0) for item in _rows(tree)))
    broken = next(item for item in _rows(tree) if SOFT_HYPHEN in item.text(0))
    tree.setCurrentItem(broken)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == broken.text(0).replace(SOFT_HYPHEN, "")
    assert clipboard.text() == broken.toolTip(0)  # the title as written


def test_selecting_a_word_on_x11_fills_the_middle_click_selection_without_soft_hyphens() -> None:
    """Runs tests/x11/test_copy_on_x11.py under Xvfb (offscreen has no PRIMARY
    selection); skips without xvfb-run, fails when HANDBOOK_READER_REQUIRE_TOOLS=1."""
    run_x11_module(REPO / "tests" / "x11" / "test_copy_on_x11.py")
