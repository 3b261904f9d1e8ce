"""Explained words in the real window: dotted underline, tooltip text, click to panel."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCharFormat

from reader.handbook import Handbook
from reader.ui.mainwindow import MainWindow


def _term_fragments(window: MainWindow) -> list[tuple[str, QTextCharFormat, str]]:
    found = []
    block = window.content.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref()
            if href.startswith("glossary:"):
                found.append((href, fragment.charFormat(), fragment.text()))
            iterator += 1
        block = block.next()
    return found


def test_terms_have_a_dotted_underline_and_their_short_definition(
    window: MainWindow, handbook: Handbook
) -> None:
    window.navigator.navigate("how-it-works/where-the-new-gene-goes")
    fragments = _term_fragments(window)
    assert fragments
    slugs = {href.split(":", 1)[1] for href, _, _ in fragments}
    assert "episome" in slugs
    _, char_format, _ = next(f for f in fragments if f[0] == "glossary:episome")
    assert char_format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    term = handbook.glossary.find("episome")
    assert term is not None
    assert char_format.toolTip() == term.short_definition


def test_no_term_is_marked_inside_a_heading(window: MainWindow) -> None:
    window.navigator.navigate("how-it-works")
    assert _term_fragments(window)
    block = window.content.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            iterator = block.begin()
            while not iterator.atEnd():
                assert not iterator.fragment().charFormat().anchorHref().startswith("glossary:")
                iterator += 1
        block = block.next()


def test_clicking_a_term_opens_its_entry_without_leaving_the_page(window: MainWindow) -> None:
    window.navigator.navigate("how-it-works/where-the-new-gene-goes")
    window.glossary_panel.hide()
    before = window.navigator.current_section_id
    window.content.anchorClicked.emit(QUrl("glossary:episome"))
    assert window.glossary_panel.isVisible()
    assert window.glossary_panel.current_slug() == "episome"
    assert window.navigator.current_section_id == before


def test_marking_can_be_turned_off_from_the_view_menu(window: MainWindow) -> None:
    window.navigator.navigate("how-it-works/where-the-new-gene-goes")
    assert _term_fragments(window)
    window.action_set["mark_terms"].trigger()
    assert not window.action_set["mark_terms"].isChecked()
    assert _term_fragments(window) == []
    assert window.navigator.current_section_id == "how-it-works/where-the-new-gene-goes"


def test_appears_in_link_navigates(window: MainWindow) -> None:
    window.glossary_panel.section_requested.emit("history/strimvelis")
    assert window.navigator.current_section_id == "history/strimvelis"
