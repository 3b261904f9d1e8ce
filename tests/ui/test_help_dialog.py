"""Help > How to Use This Reader shows the reader's own help, with the keys from the
action table, in the interface's language (#37); it used to open chapter 1, whose
"finding your way" section sends readers to the Help menu: a circle."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QTextBrowser
from pytestqt.qtbot import QtBot

from reader.handbook.languages import load_handbook_in
from reader.paths import bundled_handbook_dir
from reader.pdf.language import print_language
from reader.ui.actions import Actions
from reader.ui.mainwindow import MainWindow
from reader.ui.window.help_dialog import help_html


def test_help_opens_a_help_page_not_the_first_chapter(window: MainWindow, qtbot: QtBot) -> None:
    window.navigator.navigate("risks")
    window.action_set["help"].trigger()
    dialog = window.findChild(QDialog, "helpDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    page = dialog.findChild(QTextBrowser, "helpText")
    assert page is not None
    text = page.toPlainText()
    assert "How to use this reader" in text
    assert "Search: type a word" in text and "Ctrl+F" in text  # the action table's keys
    assert "Ctrl+D" in text and "Ctrl+P" in text
    assert window.navigator.current_section_id.startswith("risks"), "the page being read stays"
    dialog.reject()


def test_help_page_in_spanish(qtbot: QtBot) -> None:
    owner = QObject()
    with print_language("es"):
        text = help_html(Actions(owner))
    assert "Cómo usar este lector" in text and "Todas las teclas" in text
    assert "Buscar: escriba una palabra" in text
    assert "Texto más grande" in text  # the action's own Spanish name, from the table
    assert "Search:" not in text


def test_the_handbook_points_to_the_help_page_by_its_menu_name() -> None:
    """The one sentence in "Finding your way" names the menu item as it reads."""
    names = {"en": ("Help", "How to Use This Reader"), "es": ("Ayuda", "Cómo usar este lector")}
    for language, (menu, item) in names.items():
        handbook = load_handbook_in(bundled_handbook_dir(), language)
        section = handbook.section("about-this-handbook/finding-your-way")
        assert section is not None
        assert f"choose {menu}, then {item}" in section.markdown or (
            f"elija {menu} y luego {item}" in section.markdown
        ), language


def test_the_help_page_grows_with_the_text_size_within_the_screen(
    window: MainWindow, qtbot: QtBot
) -> None:
    """A fixed 560 x 520 px dialog held five words a line at 300%."""
    window.action_set["help"].trigger()
    normal = window.findChild(QDialog, "helpDialog")
    assert normal is not None
    qtbot.waitUntil(normal.isVisible)
    normal_size = normal.size()
    normal.close()
    normal.deleteLater()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "helpDialog") is None)
    window.comfort.apply_zoom(300)
    window.action_set["help"].trigger()
    large = window.findChild(QDialog, "helpDialog")
    assert large is not None
    qtbot.waitUntil(large.isVisible)
    screen = large.screen().availableGeometry()
    assert large.width() > normal_size.width() * 1.3
    assert large.width() <= screen.width() and large.height() <= screen.height()
    large.close()
