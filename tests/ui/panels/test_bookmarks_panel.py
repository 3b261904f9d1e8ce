"""The bookmarks dock and its controller: rows, jumps, edits as signals, undoable
changes through a real store file, stale sections, and errors as plain messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QUndoStack
from PySide6.QtWidgets import QInputDialog, QLabel, QListWidget, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from reader.bookmarks.store import DATABASE_NAME, Bookmark, BookmarkStore, handbook_key
from reader.handbook import Handbook, load_handbook
from reader.paths import UserDirs
from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.panels.bookmark_list import ROW_ROLE, BookmarkRow
from reader.ui.panels.bookmarks_panel import BookmarksPanel
from tests.conftest import WriteHandbook

CHAPTER = """# How it works

Opening words.

## Collecting stem cells

Cells are collected.

## Adding the gene

A lentivirus carries the gene.

## Giving the cells back

The cells go back.
"""
COLLECTING = "how-it-works/collecting-stem-cells"
ADDING = "how-it-works/adding-the-gene"
GIVING = "how-it-works/giving-the-cells-back"


@pytest.fixture(autouse=True)
def english_dates() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def small_handbook(write_handbook: WriteHandbook) -> Handbook:
    return load_handbook(write_handbook({"how-it-works.md": CHAPTER}))


@pytest.fixture
def panel(qtbot: QtBot) -> BookmarksPanel:
    widget = BookmarksPanel()
    qtbot.addWidget(widget)
    widget.resize(320, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def bookmark(number: int, section_id: str, title: str, note: str = "") -> Bookmark:
    return Bookmark(
        id=number,
        handbook="hb",
        section_id=section_id,
        title=title,
        note=note,
        created="2026-11-28T12:00:00+00:00",
        position=number - 1,
    )


def rows(panel: BookmarksPanel) -> list[BookmarkRow]:
    return [panel.list.item(i).data(ROW_ROLE) for i in range(panel.list.count())]


def click_row(qtbot: QtBot, panel: BookmarksPanel, row: int) -> None:
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# ------------------------------------------------------------------- panel


def test_panel_widgets_have_names_for_tests_and_screen_readers(panel: BookmarksPanel) -> None:
    assert panel.objectName() == "bookmarksPanel"
    assert panel.accessibleName()
    assert panel.findChild(QListWidget, "bookmarksList") is panel.list
    assert panel.list.accessibleName()
    for button in panel.findChildren(QPushButton):
        assert button.objectName().startswith("bookmarks_")
        assert button.accessibleName()


def test_empty_panel_explains_how_to_add_a_bookmark(
    panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([], small_handbook)
    empty = panel.findChild(QLabel, "bookmarksEmpty")
    assert empty is not None and empty.isVisible()
    assert "Ctrl+D" in empty.text()
    assert not panel.list.isVisible()
    assert not panel.buttons["delete"].isVisible()
    panel.set_bookmarks([bookmark(1, COLLECTING, "C")], small_handbook)
    assert not empty.isVisible()
    assert panel.list.isVisible() and panel.buttons["delete"].isVisible()


def test_set_bookmarks_shows_title_location_note_and_date(
    panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks(
        [bookmark(1, ADDING, "The virus part", "ask Dr Lee"), bookmark(2, "how-it-works", "Intro")],
        small_handbook,
    )
    assert panel.list.isVisible()
    first, second = rows(panel)
    assert first.lines() == [
        "The virus part",
        "How it works › Adding the gene",
        "ask Dr Lee",
        "28 Nov 2026",
    ]
    assert second.location == "How it works"
    assert "The virus part" in panel.list.item(0).text()
    assert (
        panel.list.item(0)
        .data(Qt.ItemDataRole.AccessibleTextRole)
        .startswith("The virus part, How it works › Adding the gene")
    )
    height = panel.list.visualItemRect(panel.list.item(0)).height()
    assert height > panel.list.visualItemRect(panel.list.item(1)).height()


def test_long_titles_and_notes_wrap_instead_of_being_cut(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    """At a large text size in a narrow dock every part of a row gets the lines it
    needs, laid out by Qt's own text layout at the row's width (they were cut to one
    line each: "Sobre este…" at 300% on 1024x768)."""
    note = "Ask the nurse whether we can stay in the family room the night before"
    panel.set_bookmarks(
        [bookmark(1, ADDING, "Adding the gene to the stem cells", note), bookmark(2, GIVING, "B")],
        small_handbook,
    )
    font = panel.list.font()
    font.setPointSizeF(font.pointSizeF() * 2.5)
    panel.list.setFont(font)
    panel.resize(260, 600)
    first, second = (panel.list.item(i) for i in range(2))

    def needed(row: BookmarkRow, width: int) -> int:
        """The height Qt's text layout gives the row's parts, wrapped at `width`."""
        bold, small, italic = QFont(font), QFont(font), QFont(font)
        bold.setBold(True)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        italic.setItalic(True)
        fonts = [bold, small, italic, small]
        texts = [row.title, row.location, row.note, row.date]
        box = QRect(0, 0, width, 100_000)
        wrap = Qt.TextFlag.TextWordWrap
        parts = zip(fonts, texts, strict=True)
        return sum(QFontMetrics(f).boundingRect(box, wrap, t).height() for f, t in parts)

    def fits() -> bool:
        """The first row has the height its wrapped parts need, and the second starts
        below it (the list lays its rows out again after each change)."""
        rect = panel.list.visualItemRect(first)
        below = panel.list.visualItemRect(second).top() > rect.bottom()
        return below and rect.height() >= needed(first.data(ROW_ROLE), rect.width() - 12)

    qtbot.waitUntil(fits)
    one_line_each = sum(QFontMetrics(f).lineSpacing() for f in (font, font, font, font))
    assert panel.list.visualItemRect(first).height() > one_line_each  # it did wrap
    panel.resize(600, 600)  # wider again: the rows get shorter
    qtbot.waitUntil(
        lambda: panel.list.visualItemRect(first).height() < needed(first.data(ROW_ROLE), 230)
    )


def test_clicking_a_row_emits_its_section(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(1, COLLECTING, "C"), bookmark(2, ADDING, "A")], small_handbook)
    with qtbot.waitSignal(panel.activated) as signal:
        click_row(qtbot, panel, 1)
    assert signal.args == [ADDING]


def test_enter_on_a_row_emits_its_section(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(1, COLLECTING, "C")], small_handbook)
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    with qtbot.waitSignal(panel.activated) as signal:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert signal.args == [COLLECTING]


def test_stale_row_is_flagged_cannot_jump_but_can_be_deleted(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(7, "how-it-works/gone", "Old section")], small_handbook)
    [row] = rows(panel)
    assert row.stale
    assert row.location == "Section no longer in this handbook"
    with qtbot.assertNotEmitted(panel.activated):
        click_row(qtbot, panel, 0)
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    with qtbot.waitSignal(panel.delete_requested) as signal:
        qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert signal.args == [7]


def test_delete_key_and_button_emit_delete_requested(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(1, COLLECTING, "C"), bookmark(2, ADDING, "A")], small_handbook)
    assert not panel.buttons["delete"].isEnabled()
    panel.list.setCurrentRow(1)
    with qtbot.waitSignal(panel.delete_requested) as signal:
        qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert signal.args == [2]
    with qtbot.waitSignal(panel.delete_requested) as signal:
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert signal.args == [2]


def test_alt_arrows_and_move_buttons_ask_to_reorder(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks(
        [bookmark(1, COLLECTING, "C"), bookmark(2, ADDING, "A"), bookmark(3, GIVING, "G")],
        small_handbook,
    )
    panel.list.setCurrentRow(1)
    with qtbot.waitSignal(panel.move_requested) as signal:
        qtbot.keyClick(panel.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert signal.args == [2, 2]
    with qtbot.waitSignal(panel.move_requested) as signal:
        qtbot.keyClick(panel.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert signal.args == [2, 0]
    with qtbot.waitSignal(panel.move_requested) as signal:
        qtbot.mouseClick(panel.buttons["move_up"], Qt.MouseButton.LeftButton)
    assert signal.args == [2, 0]
    panel.list.setCurrentRow(2)
    assert not panel.buttons["move_down"].isEnabled()
    with qtbot.assertNotEmitted(panel.move_requested):
        qtbot.keyClick(panel.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)


def test_dropping_a_row_elsewhere_asks_to_move_it(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks(
        [bookmark(1, COLLECTING, "C"), bookmark(2, ADDING, "A"), bookmark(3, GIVING, "G")],
        small_handbook,
    )
    # What an internal drop does to the list's model: move row 0 to the end.
    with qtbot.waitSignal(panel.move_requested) as signal:
        panel.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert signal.args == [1, 2]


def test_rename_and_note_dialogs_emit_the_new_texts(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(4, ADDING, "A", "old note")], small_handbook)
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.buttons["rename"], Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QInputDialog, "bookmarkRenameDialog")
    assert dialog is not None and dialog.textValue() == "A"
    dialog.setTextValue("  Our question  ")
    with qtbot.waitSignal(panel.rename_requested) as signal:
        dialog.accept()
    assert signal.args == [4, "Our question"]

    qtbot.mouseClick(panel.buttons["note"], Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QInputDialog, "bookmarkNoteDialog")
    assert dialog is not None and dialog.textValue() == "old note"
    dialog.setTextValue("Ask about\nfertility")
    with qtbot.waitSignal(panel.note_requested) as signal:
        dialog.accept()
    assert signal.args == [4, "Ask about\nfertility"]


def test_cancelled_rename_emits_nothing(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(4, ADDING, "A")], small_handbook)
    panel.list.setCurrentRow(0)
    panel.ask_rename()
    dialog = panel.findChild(QInputDialog, "bookmarkRenameDialog")
    assert dialog is not None
    dialog.setTextValue("Something")
    with qtbot.assertNotEmitted(panel.rename_requested):
        dialog.reject()


def test_touch_mode_has_no_context_menu_no_drag_and_taller_rows(
    panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(1, COLLECTING, "C")], small_handbook)
    normal = panel.list.visualItemRect(panel.list.item(0)).height()
    panel.set_touch_mode(True)
    assert panel.list.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert not panel.list.item(0).flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert panel.list.visualItemRect(panel.list.item(0)).height() > normal
    assert panel.buttons["delete"].minimumHeight() >= 44


def test_context_menu_offers_the_row_actions(
    qtbot: QtBot, panel: BookmarksPanel, small_handbook: Handbook
) -> None:
    panel.set_bookmarks([bookmark(1, COLLECTING, "C"), bookmark(2, ADDING, "A")], small_handbook)
    center = panel.list.visualItemRect(panel.list.item(1)).center()
    panel.list.customContextMenuRequested.emit(center)
    menu = panel.findChild(QMenu, "bookmarksMenu")
    assert menu is not None and menu.accessibleName()
    assert [action.objectName() for action in menu.actions()] == [
        "bookmarksMenu_rename",
        "bookmarksMenu_note",
        "bookmarksMenu_move_up",
        "bookmarksMenu_move_down",
        "bookmarksMenu_delete",
    ]
    assert panel.list.currentRow() == 1
    assert not menu.actions()[3].isEnabled()
    with qtbot.waitSignal(panel.delete_requested) as signal:
        menu.actions()[-1].trigger()
    assert signal.args == [2]
    menu.close()


# -------------------------------------------------------------- controller


@pytest.fixture
def db_path(user_dirs: UserDirs) -> Path:
    return user_dirs.data / DATABASE_NAME


@pytest.fixture
def store(db_path: Path) -> Iterator[BookmarkStore]:
    opened = BookmarkStore.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def controller(
    store: BookmarkStore, small_handbook: Handbook, panel: BookmarksPanel, undo_stack: QUndoStack
) -> BookmarksController:
    return BookmarksController(store, small_handbook, panel, undo_stack)


def listed(controller: BookmarksController) -> list[str]:
    return [row.section_id for row in rows(controller.panel)]


def test_toggle_adds_then_removes_and_both_undo_and_redo(
    qtbot: QtBot, controller: BookmarksController, undo_stack: QUndoStack
) -> None:
    with qtbot.waitSignal(controller.changed):
        controller.toggle(ADDING)
    assert controller.is_bookmarked(ADDING)
    assert listed(controller) == [ADDING]
    first_id = controller.bookmarks()[0].id

    controller.toggle(ADDING)
    assert not controller.is_bookmarked(ADDING)
    assert listed(controller) == []

    undo_stack.undo()
    assert listed(controller) == [ADDING]
    assert controller.bookmarks()[0].id == first_id
    undo_stack.undo()
    assert listed(controller) == []
    undo_stack.redo()
    assert listed(controller) == [ADDING]
    assert controller.bookmarks()[0].id == first_id
    undo_stack.redo()
    assert not controller.is_bookmarked(ADDING)


def test_panel_edits_reach_the_store_and_each_can_be_undone(
    qtbot: QtBot, controller: BookmarksController, undo_stack: QUndoStack, store: BookmarkStore
) -> None:
    for section in (COLLECTING, ADDING, GIVING):
        controller.toggle(section)
    key = controller.key
    giving = store.find(key, GIVING)
    assert giving is not None
    panel = controller.panel

    panel.rename_requested.emit(giving.id, "Back in the body")
    panel.note_requested.emit(giving.id, "Two weeks in hospital")
    panel.select_bookmark(giving.id)
    qtbot.keyClick(panel.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert listed(controller) == [COLLECTING, GIVING, ADDING]
    selected = panel.selected_row()
    assert selected is not None and selected.section_id == GIVING
    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert listed(controller) == [COLLECTING, ADDING]

    undo_stack.undo()  # delete
    assert listed(controller) == [COLLECTING, GIVING, ADDING]
    undo_stack.undo()  # move
    assert listed(controller) == [COLLECTING, ADDING, GIVING]
    undo_stack.undo()  # note
    undo_stack.undo()  # rename
    restored = store.find(key, GIVING)
    assert restored is not None
    assert (restored.title, restored.note) == ("Giving the cells back", "")
    undo_stack.redo()
    undo_stack.redo()
    renamed = store.find(key, GIVING)
    assert renamed is not None
    assert (renamed.title, renamed.note) == ("Back in the body", "Two weeks in hospital")


def test_two_app_instances_share_bookmarks_through_the_file(
    qtbot: QtBot, db_path: Path, small_handbook: Handbook
) -> None:
    def app_instance() -> tuple[BookmarkStore, BookmarksController]:
        panel = BookmarksPanel()
        qtbot.addWidget(panel)
        store = BookmarkStore.open(db_path)
        return store, BookmarksController(store, small_handbook, panel, QUndoStack())

    first_store, first = app_instance()
    second_store, second = app_instance()
    first.toggle(ADDING)
    second.toggle(GIVING)
    first.refresh()
    assert listed(first) == listed(second) == [ADDING, GIVING]
    first_store.close()
    second_store.close()

    third_store, third = app_instance()
    assert listed(third) == [ADDING, GIVING]
    third_store.close()


def test_reloaded_handbook_without_the_section_keeps_a_stale_bookmark(
    qtbot: QtBot, write_handbook: WriteHandbook, store: BookmarkStore, panel: BookmarksPanel
) -> None:
    root = write_handbook({"how-it-works.md": CHAPTER})
    controller = BookmarksController(store, load_handbook(root), panel, QUndoStack())
    controller.toggle(COLLECTING)
    controller.toggle(ADDING)
    (root / "how-it-works.md").write_text(CHAPTER.replace("## Adding the gene", ""))

    controller.set_handbook(load_handbook(root))

    assert [(row.section_id, row.stale) for row in rows(panel)] == [
        (COLLECTING, False),
        (ADDING, True),
    ]
    with qtbot.assertNotEmitted(panel.activated):
        click_row(qtbot, panel, 1)


def test_handbooks_do_not_mix_in_the_panel(
    write_handbook: WriteHandbook, controller: BookmarksController, small_handbook: Handbook
) -> None:
    controller.toggle(ADDING)
    other = load_handbook(write_handbook({"how-it-works.md": CHAPTER}))
    assert handbook_key(other) != handbook_key(small_handbook)
    controller.set_handbook(other)
    assert listed(controller) == []
    assert not controller.is_bookmarked(ADDING)
    controller.set_handbook(small_handbook)
    assert listed(controller) == [ADDING]


def test_full_disk_becomes_an_error_message_not_an_exception(
    qtbot: QtBot, controller: BookmarksController, store: BookmarkStore, undo_stack: QUndoStack
) -> None:
    controller.toggle(COLLECTING)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    with qtbot.waitSignal(controller.error) as signal:
        controller.set_note(store.list(controller.key)[0].id, "x" * 200_000)
    assert "disk is full" in signal.args[0]
    assert undo_stack.count() == 1
    assert store.list(controller.key)[0].note == ""


def test_failed_undo_is_reported_and_dropped(
    qtbot: QtBot, controller: BookmarksController, store: BookmarkStore, undo_stack: QUndoStack
) -> None:
    controller.toggle(COLLECTING)
    store.close()  # e.g. the app is shutting down while an undo arrives
    with qtbot.waitSignal(controller.error) as signal:
        undo_stack.undo()
    assert "could not be saved" in signal.args[0]
    assert undo_stack.count() == 0


def test_unknown_section_cannot_be_bookmarked(
    qtbot: QtBot, controller: BookmarksController
) -> None:
    with qtbot.waitSignal(controller.error):
        controller.toggle("no-such/section")
    assert listed(controller) == []


def test_export_and_import_return_plain_messages(
    qtbot: QtBot, controller: BookmarksController, tmp_path: Path
) -> None:
    controller.toggle(COLLECTING)
    controller.toggle(ADDING)
    exported = tmp_path / "ours.json"
    assert controller.export_to(exported) == "Saved 2 bookmark(s) to “ours.json”."
    controller.toggle(ADDING)
    assert controller.import_from(exported) == "Added 1 new bookmark(s) from “ours.json”."
    assert listed(controller) == [COLLECTING, ADDING]
    assert controller.import_from(exported) == "Every bookmark in “ours.json” was already here."

    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    with qtbot.waitSignal(controller.error) as signal:
        message = controller.import_from(bad)
    assert message == signal.args[0]
    assert "not valid JSON" in message
    assert listed(controller) == [COLLECTING, ADDING]


def test_last_place_comes_back_only_while_the_section_exists(
    write_handbook: WriteHandbook, store: BookmarkStore, panel: BookmarksPanel
) -> None:
    root = write_handbook({"how-it-works.md": CHAPTER})
    controller = BookmarksController(store, load_handbook(root), panel, QUndoStack())
    assert controller.last_place() is None
    controller.remember_place(ADDING, 0.25)
    assert controller.last_place() == (ADDING, 0.25)
    (root / "how-it-works.md").write_text(CHAPTER.replace("## Adding the gene", ""))
    controller.set_handbook(load_handbook(root))
    assert controller.last_place() is None


def test_kiosk_reset_forgets_bookmarks_and_undo_history(
    small_handbook: Handbook, panel: BookmarksPanel
) -> None:
    stack = QUndoStack()
    kiosk = BookmarksController(BookmarkStore.in_memory(), small_handbook, panel, stack)
    panel.set_touch_mode(True)
    kiosk.toggle(ADDING)
    kiosk.remember_place(ADDING)
    kiosk.reset()
    assert listed(kiosk) == []
    assert stack.count() == 0
    assert kiosk.last_place() is None
