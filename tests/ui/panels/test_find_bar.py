"""The find bar keeps room to type a word at any text size, in either language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow
from reader.ui.panels.find_bar import BOX_CHARACTERS, FindBar
from tests.helpers.interface_language import speaking


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[str]:
    yield from speaking(qapp, "es")


def open_find_bar(qtbot: QtBot, handbook: Handbook, width: int, zoom: int) -> FindBar:
    window = MainWindow(handbook, Preferences())
    qtbot.addWidget(window)
    window.start()
    window.show()
    qtbot.waitExposed(window)
    window.resize(width, 768)
    window.comfort.apply_zoom(zoom)
    window.action_set["find_in_page"].trigger()
    qtbot.waitUntil(lambda: window.find_bar.isVisible())
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    return window.find_bar


def same_row(one: QWidget, other: QWidget) -> bool:
    return one.geometry().top() < other.geometry().bottom() and other.geometry().top() < (
        one.geometry().bottom()
    )


def box_room(bar: FindBar) -> int:
    """The box's width in characters of its own font."""
    return bar.box.width() // bar.box.fontMetrics().averageCharWidth()


def test_at_300_percent_in_spanish_the_label_gives_the_box_its_row(
    qtbot: QtBot, handbook: Handbook, spanish: str
) -> None:
    # Before: "Buscar en la página:" beside the box left it 150 px, the hint read "Palabr…".
    bar = open_find_bar(qtbot, load_handbook_in(handbook.root, spanish), 1024, 300)
    assert bar.label_above
    assert not same_row(bar.label, bar.box)
    assert bar.label.geometry().bottom() < bar.box.geometry().top()
    assert box_room(bar) >= BOX_CHARACTERS
    assert bar.label.width() >= bar.label.sizeHint().width()  # the label is whole
    width = bar.box.width()
    bar.box.setText("zzqqxx")  # "Sin resultados": the count never takes the box's room
    QApplication.processEvents()
    assert bar.count.text() and bar.box.width() == width
    bar.close_bar()


def test_at_100_percent_the_label_stays_beside_the_box(qtbot: QtBot, handbook: Handbook) -> None:
    bar = open_find_bar(qtbot, handbook, 1366, 100)
    assert not bar.label_above
    assert same_row(bar.label, bar.box) and same_row(bar.box, bar.close_button)
    assert box_room(bar) >= BOX_CHARACTERS
    width = bar.box.width()
    bar.box.setText("zzqqxx")
    QApplication.processEvents()
    assert bar.count.text() == "No matches" and bar.box.width() == width
    bar.close_bar()
