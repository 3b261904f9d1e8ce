"""Feedback and steady controls: a saved PDF can be opened, dialogs have real buttons
with one default, and nothing moves when a state changes or while the reader points."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.ui.mainwindow import MainWindow


def test_after_a_save_the_pdf_can_be_opened_or_shown_in_its_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "section.pdf"
    window.printing.save_target = lambda: out
    window.navigator.navigate("history/strimvelis")
    dialog = window.printing.open_dialog()
    opened: list[QUrl] = []
    dialog.open_url = opened.append
    qtbot.waitExposed(dialog)
    assert not dialog.open_button.isVisible() and not dialog.folder_button.isVisible()
    before = dialog.size(), dialog.save_button.geometry()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)  # saving runs off the UI thread (#34)
    assert out.is_file()
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    dialog.layout().activate()
    assert (dialog.size(), dialog.save_button.geometry()) == before, "the dialog moved"
    dialog.open_button.click()
    dialog.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(out), str(tmp_path)]
    dialog.close()


def test_dialog_buttons_are_real_buttons_with_one_default(window: MainWindow) -> None:
    dialog = window.printing.open_dialog()
    buttons = dialog.findChildren(QPushButton)
    assert len(buttons) >= 4
    assert [b.objectName() for b in buttons if b.isDefault()] == ["savePdfButton"]
    dialog.close()


def test_the_toolbar_does_not_move_when_the_star_changes(window: MainWindow) -> None:
    toolbar = window.toolbar

    def places() -> list[tuple[str, int, int, int]]:
        found = []
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is not None:
                g = widget.geometry()
                found.append((widget.objectName(), g.x(), g.width(), g.height()))
        return found

    before = places()
    window.bookmark_commands.toggle()
    assert window.action_set["bookmark"].isChecked()
    assert places() == before
    window.bookmark_commands.toggle()
    assert places() == before


def test_the_contents_never_scroll_or_open_while_in_use(
    qtbot: QtBot, window: MainWindow, handbook: Handbook
) -> None:
    tree = window.toc
    window.navigator.navigate(handbook.chapters[0].id)
    tree.activateWindow()
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    scroll = tree.verticalScrollBar().value()
    expanded = [tree.topLevelItem(i).isExpanded() for i in range(tree.topLevelItemCount())]
    far = handbook.chapters[-2].sections[-1].id
    window.navigator.navigate(far)
    assert tree.verticalScrollBar().value() == scroll
    assert [tree.topLevelItem(i).isExpanded() for i in range(tree.topLevelItemCount())] == expanded
    window.content.setFocus()  # the reader is done with the contents: they catch up
    qtbot.waitUntil(lambda: not tree.hasFocus())
    assert tree.currentItem() is not None
    assert tree.currentItem().text(0) == handbook.section(far).title
