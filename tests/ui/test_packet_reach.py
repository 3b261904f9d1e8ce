"""The take-home packet's list of sections: Tab reaches it whatever is chosen (ticking a
section there chooses the packet), and a bookmarked chapter is ticked whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.pdf.request import Scope
from reader.ui.print_dialog import PrintDialog
from tests.conftest import WriteHandbook
from tests.ui.test_print_dialog import CHAPTERS, MANIFEST  # the same small book


@pytest.fixture
def book(write_handbook: WriteHandbook) -> Handbook:
    return load_handbook(write_handbook(CHAPTERS, manifest=MANIFEST))


def _dialog(qtbot: QtBot, book: Handbook, bookmarked: list[str]) -> PrintDialog:
    dialog = PrintDialog(
        book,
        bookmarked=bookmarked,
        current_section_id="one/hops",
        locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_tab_reaches_the_section_list_before_a_packet_is_chosen(
    qtbot: QtBot, book: Handbook
) -> None:
    dialog = _dialog(qtbot, book, ["one/naps"])
    assert dialog.scope() == Scope.SECTIONS
    dialog.scope_buttons[Scope.SECTIONS].setFocus()
    reached = []
    for _ in range(12):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
        reached.append(dialog.focusWidget())
    assert dialog.tree in reached


def test_ticking_a_section_chooses_the_packet(qtbot: QtBot, book: Handbook) -> None:
    dialog = _dialog(qtbot, book, [])
    two = dialog.tree.topLevelItem(1)
    assert two is not None
    walks = two.child(1)
    assert walks is not None and walks.text(0).strip() == "Walks"
    walks.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.scope() == Scope.PACKET
    assert dialog.request().section_ids == ("two/walks",)


def test_a_bookmarked_chapter_is_ticked_whole(qtbot: QtBot, book: Handbook) -> None:
    chapter = book.chapter("one")
    assert chapter is not None
    dialog = _dialog(qtbot, book, [chapter.intro.id, "two/walks"])
    assert dialog.picked_section_ids() == [*(s.id for s in chapter.sections), "two/walks"]
