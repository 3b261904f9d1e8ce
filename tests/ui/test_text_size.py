"""One text size: zoom keeps the reader's place and every part of the window grows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.ui.mainwindow import MainWindow
from reader.ui.text_size import SYSTEM_FONT_PROPERTY, scale_points, system_font


def top_text(window: MainWindow) -> str:
    """The first words of the paragraph at the top of the page."""
    position, _fraction = window.content.top_paragraph()
    cursor = QTextCursor(window.content.document())
    cursor.setPosition(position)
    return cursor.block().text()[:40]


def test_zoom_keeps_the_top_paragraph_and_the_section(
    qtbot: QtBot, window: MainWindow, handbook: Handbook
) -> None:
    section = next(s for c in handbook.chapters for s in c.sections
                   if s.title == "A transplant from a donor")  # fmt: skip
    window.resize(1366, 768)
    window.navigator.navigate(section.id)
    first = top_text(window)
    assert first
    for _step in range(8):
        window.action_set["zoom_in"].trigger()
        assert top_text(window) == first
        assert window.navigator.current_section_id == section.id
        assert section.title in window.status_label.text()
        assert window.toc.currentItem().text(0) == section.title
    assert window.preferences.zoom == 300
    for _step in range(4):
        window.action_set["zoom_out"].trigger()
        assert top_text(window) == first
    assert window.navigator.current_section_id == section.id


def test_fonts_of_every_panel_grow_with_the_text_size(window: MainWindow) -> None:
    window.glossary_panel.show()
    widgets = {
        "contents": window.toc,
        "search results": window.search_panel,
        "bookmarks": window.bookmarks_panel,
        "glossary": window.glossary_panel,
        "menu": window.menus["view"],
        "status": window.status_label,
        "search box": window.search_box,
        "toolbar": window.toolbar,
        "panel title": window.dock_titles[0].label,
    }
    before = {name: w.font().pointSizeF() for name, w in widgets.items()}
    page_before = window.content.point_size()
    tip_before = QToolTip.font().pointSizeF()
    window.comfort.apply_zoom(200)
    for name, widget in widgets.items():
        assert widget.font().pointSizeF() >= before[name] * 1.9, name
    assert window.content.point_size() >= page_before * 1.9
    assert QToolTip.font().pointSizeF() >= tip_before * 1.9
    window.comfort.apply_zoom(100)
    assert QApplication.font().pointSizeF() == before["contents"]


def test_fixed_style_sheet_sizes_follow_the_text_size() -> None:
    assert scale_points("QWidget { font-size: 14pt; }", 200) == "QWidget { font-size: 28.0pt; }"


def test_at_300_percent_on_a_small_screen_nothing_is_cut(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1366, 768)
    window.comfort.apply_zoom(300)
    QApplication.sendPostedEvents()
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert window.toolbar.iconSize().width() >= 40
    for dock in (window.toc_dock, window.glossary_panel):
        assert dock.width() <= window.width() * 0.3, dock.objectName()
    assert window.content.viewport().width() >= window.width() * 0.4
    chapter = window.toc.topLevelItem(0)
    one_line = window.toc.fontMetrics().height()
    long_row = max(
        (chapter.child(i) for i in range(chapter.childCount())),
        key=lambda item: window.toc.fontMetrics().horizontalAdvance(item.text(0)),
    )
    chapter.setExpanded(True)
    assert window.toc.fontMetrics().horizontalAdvance(long_row.text(0)) > (
        window.toc.viewport().width()
    ), "the test needs a title too long for one line"
    # the rows are measured once the window's changes stop coming (row_heights.py)
    qtbot.waitUntil(
        lambda: window.toc.visualItemRect(long_row).height() > one_line * 1.5, timeout=5000
    )
    window.comfort.apply_zoom(100)
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon


def test_the_text_size_follows_the_systems_own_size(window: MainWindow) -> None:
    """100% means the desktop's size: a desktop set to large text starts large."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    system = system_font(app)
    larger = QFont(system)
    larger.setPointSizeF(system.pointSizeF() * 1.5)
    app.setProperty(SYSTEM_FONT_PROPERTY, larger)
    try:
        window.comfort.apply_zoom(100)
        assert QApplication.font().pointSizeF() == round(larger.pointSizeF(), 1)
        window.comfort.apply_zoom(200)
        assert QApplication.font().pointSizeF() == round(larger.pointSizeF() * 2, 1)
    finally:
        app.setProperty(SYSTEM_FONT_PROPERTY, system)
        window.comfort.apply_zoom(100)
    assert QApplication.font().pointSizeF() == system.pointSizeF()


def test_the_text_size_message_never_overlaps_the_status(qtbot: QtBot, window: MainWindow) -> None:
    window.action_set["zoom_in"].trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Text size"))
    assert not window.status_label.isVisible()
    window.comfort.apply_zoom(100, announce=False)


def test_a_larger_text_keeps_the_contents_current_row_in_view(
    qtbot: QtBot, window: MainWindow, handbook: Handbook
) -> None:
    """The rows grow with the text: the section being read stays in the contents' view
    (it was pushed below the tree's edge, so the reader lost their place there)."""
    window.resize(1366, 768)
    section = handbook.reading_chapters[-1].sections[-1]
    window.navigator.navigate(section.id)
    toc = window.toc
    qtbot.waitUntil(lambda: toc.currentItem() is not None)
    current = toc.currentItem()
    toc.scrollToItem(current, toc.ScrollHint.PositionAtBottom)
    assert toc.visualItemRect(current).intersects(toc.viewport().rect())
    before = toc.visualItemRect(current).height()
    window.comfort.apply_zoom(200)
    qtbot.waitUntil(lambda: toc.visualItemRect(current).height() > before * 1.5, timeout=5000)
    QApplication.processEvents()
    assert toc.currentItem() is current
    assert toc.visualItemRect(current).intersects(toc.viewport().rect()), "scrolled away"
    window.comfort.apply_zoom(100)
