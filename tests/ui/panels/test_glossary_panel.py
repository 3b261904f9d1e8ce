"""The glossary panel, driven for real: typing, letter buttons and clicks on links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QListWidget, QTextBrowser, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook, load_handbook
from reader.ui.panels.glossary_panel import GlossaryPanel
from tests.conftest import WriteHandbook

GLOSSARY = """
[[terms]]
term = "Graft-versus-host disease"
aliases = ["GVHD", "graft versus host disease"]
definition = "A problem after a donor transplant. The new cells attack the body."
see_also = ["Stem cell transplant"]

[[terms]]
term = "Stem cell transplant"
aliases = ["HSCT"]
definition = "Healthy stem cells from a donor."
see_also = ["Graft-versus-host disease"]

[[terms]]
term = "Episome"
aliases = ["episomes"]
definition = "A tiny circle of DNA."

[[terms]]
term = "Gene"
definition = "A part of the DNA."
"""

CHAPTERS = {
    "chapters/1-transplants.md": (
        "# Transplants\n\nA stem cell transplant.\n\n## Risks\n\nGVHD can happen.\n"
    ),
    "chapters/2-vectors.md": "# Vectors\n\nAn episome and a gene.\n",
}


@pytest.fixture
def small(write_handbook: WriteHandbook) -> Handbook:
    return load_handbook(write_handbook({**CHAPTERS, "glossary.toml": GLOSSARY}))


@pytest.fixture
def panel(qtbot: QtBot, small: Handbook) -> GlossaryPanel:
    widget = GlossaryPanel(small)
    qtbot.addWidget(widget)
    widget.resize(360, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def part(panel: GlossaryPanel, kind: type[QWidget], name: str) -> QWidget:
    found = panel.findChild(kind, name)
    assert found is not None, name
    return found


def click_link(qtbot: QtBot, browser: QTextBrowser, href: str) -> None:
    """Click, with the mouse, the first link in the browser that points at `href`."""
    cursor = QTextCursor(browser.document())
    for position in range(1, browser.document().characterCount()):
        cursor.setPosition(position)  # the format is the one of the character before
        if cursor.charFormat().anchorHref() == href:
            cursor.setPosition(position + 1)
            point = browser.cursorRect(cursor).center()
            point.setX(point.x() - 2)  # inside the link's second character
            assert browser.anchorAt(point) == href
            qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
            return
    raise AssertionError(f"no link to {href} in: {browser.toPlainText()}")


def test_parts_have_object_and_accessible_names(panel: GlossaryPanel) -> None:
    assert panel.objectName() == "glossaryPanel"
    assert panel.accessibleName() == "Glossary"
    for kind, name in [
        (QLineEdit, "glossaryFilter"),
        (QWidget, "glossaryLetters"),
        (QListWidget, "glossaryList"),
        (QTextBrowser, "glossaryDefinition"),
    ]:
        assert part(panel, kind, name).accessibleName(), name
    buttons = panel.findChildren(QToolButton)
    assert all(b.objectName() and b.accessibleName() for b in buttons if b.text().isalpha())
    assert panel.minimumWidth() >= 250


def test_list_shows_terms_a_to_z_with_abbreviations(panel: GlossaryPanel) -> None:
    terms = part(panel, QListWidget, "glossaryList")
    assert isinstance(terms, QListWidget)
    texts = [terms.item(row).text() for row in range(terms.count())]
    assert texts == [
        "Episome",
        "Gene",
        "Graft-versus-host disease (GVHD)",
        "Stem cell transplant (HSCT)",
    ]


def test_typing_in_the_filter_keeps_only_matching_terms(qtbot: QtBot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(part(panel, QLineEdit, "glossaryFilter"), "gv")
    assert panel.visible_slugs() == ["graft-versus-host-disease"]
    assert panel.no_match.isHidden()


def test_filter_matches_aliases_and_clearing_shows_all(qtbot: QtBot, panel: GlossaryPanel) -> None:
    box = part(panel, QLineEdit, "glossaryFilter")
    assert isinstance(box, QLineEdit)
    qtbot.keyClicks(box, "HSC")
    assert panel.visible_slugs() == ["stem-cell-transplant"]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert panel.current_slug() == "stem-cell-transplant"
    box.clear()
    assert len(panel.visible_slugs()) == 4


def test_filter_with_no_match_says_so(qtbot: QtBot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(part(panel, QLineEdit, "glossaryFilter"), "zebra")
    assert panel.visible_slugs() == []
    assert panel.no_match.isVisible()


def test_letters_without_terms_are_disabled(panel: GlossaryPanel) -> None:
    enabled = {b.text() for b in panel.letter_buttons.values() if b.isEnabled()}
    assert enabled == {"E", "G", "S"}
    assert len(panel.letter_buttons) == 26


def test_clicking_a_letter_shows_its_first_term(qtbot: QtBot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(part(panel, QLineEdit, "glossaryFilter"), "episome")
    qtbot.mouseClick(panel.letter_buttons["G"], Qt.MouseButton.LeftButton)
    assert panel.current_slug() == "gene"
    assert len(panel.visible_slugs()) == 4  # the letter index clears the filter
    assert "A part of the DNA." in panel.definition.toPlainText()


def test_clicking_a_list_row_shows_the_definition(qtbot: QtBot, panel: GlossaryPanel) -> None:
    terms = panel.list
    item = terms.item(0)
    with qtbot.waitSignal(panel.term_shown) as shown:
        qtbot.mouseClick(
            terms.viewport(), Qt.MouseButton.LeftButton, pos=terms.visualItemRect(item).center()
        )
    assert shown.args == ["episome"]
    text = panel.definition.toPlainText()
    assert "Episome" in text and "A tiny circle of DNA." in text and "episomes" in text


def test_definition_shows_names_related_terms_and_where_it_appears(
    panel: GlossaryPanel,
) -> None:
    assert panel.show_term("graft-versus-host-disease")
    text = panel.definition.toPlainText()
    assert "Also called: GVHD, graft versus host disease" in text
    assert "The new cells attack the body." in text
    assert "Related words: Stem cell transplant" in text
    assert "Transplants › Risks" in text
    assert "transplants/risks" not in text  # titles, not ids


def test_clicking_a_related_term_shows_it(qtbot: QtBot, panel: GlossaryPanel) -> None:
    panel.show_term("graft-versus-host-disease")
    with qtbot.waitSignal(panel.term_shown) as shown:
        click_link(qtbot, panel.definition, "glossary:stem-cell-transplant")
    assert shown.args == ["stem-cell-transplant"]
    assert panel.list.currentItem().text() == "Stem cell transplant (HSCT)"
    assert "Healthy stem cells from a donor." in panel.definition.toPlainText()


def test_clicking_appears_in_requests_the_section(qtbot: QtBot, panel: GlossaryPanel) -> None:
    panel.show_term("graft-versus-host-disease")
    with qtbot.waitSignal(panel.section_requested) as requested:
        click_link(qtbot, panel.definition, "section:transplants/risks")
    assert requested.args == ["transplants/risks"]


def test_show_term_reveals_a_term_hidden_by_the_filter(qtbot: QtBot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(part(panel, QLineEdit, "glossaryFilter"), "gv")
    assert panel.show_term("episome")
    assert "episome" in panel.visible_slugs()
    assert not panel.show_term("no-such-term")
    assert panel.current_slug() == "episome"


def test_term_used_nowhere_says_so(qtbot: QtBot, write_handbook: WriteHandbook) -> None:
    handbook = load_handbook(
        write_handbook({"a.md": "# A\n\nNo terms.", "glossary.toml": GLOSSARY})
    )
    widget = GlossaryPanel(handbook)
    qtbot.addWidget(widget)
    widget.show_term("gene")
    assert "Appears in: not used in the chapters yet" in widget.definition.toPlainText()


def test_handbook_without_glossary_shows_a_note(
    qtbot: QtBot, write_handbook: WriteHandbook
) -> None:
    widget = GlossaryPanel(load_handbook(write_handbook({"a.md": "# A\n\nText."})))
    qtbot.addWidget(widget)
    assert widget.list.count() == 0
    assert not any(b.isEnabled() for b in widget.letter_buttons.values())
    assert "no glossary" in widget.definition.toPlainText()


def test_real_handbook_episome_appears_in_how_it_works(qtbot: QtBot, handbook: Handbook) -> None:
    widget = GlossaryPanel(handbook)
    qtbot.addWidget(widget)
    assert widget.show_term("episome")
    assert "How gene therapy works ›" in widget.definition.toPlainText()
