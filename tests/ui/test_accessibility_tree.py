"""The reading view's accessible document, asked in-process as Qt's bridge asks it (#33):
headings with levels, links with the glossary meaning, a table with header cells, a
link that navigates when pressed, a new page that retires the old objects, and a cap on
how many objects a hostile page can make."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocument
from pytestqt.qtbot import QtBot

from reader.ui.accessibility.structure import (
    MAX_ELEMENTS,
    MAX_NAME_CHARS,
    elements_in_order,
    outline,
)
from reader.ui.mainwindow import MainWindow

CHAPTER = "what-is-gene-therapy"


def tree(node: QAccessibleInterface) -> list[QAccessibleInterface]:
    found = []
    for index in range(node.childCount()):
        child = node.child(index)
        found.append(child)
        found.extend(tree(child))
    return found


def document(window: MainWindow) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(window.content.viewport())
    assert found is not None and found.role() == QAccessible.Role.Document
    return found


def test_document_hasHeadingsLinksAndATableWithHeaders(window: MainWindow) -> None:
    window.navigator.navigate(CHAPTER)
    nodes = tree(document(window))
    roles = [node.role() for node in nodes]
    headings = [n for n in nodes if n.role() == QAccessible.Role.Heading]
    assert headings[0].text(QAccessible.Text.Name) == "What is gene therapy?"
    levels = []
    for heading in headings:
        attributes = heading.attributesInterface()
        assert attributes is not None
        levels.append(attributes.attributeValue(QAccessible.Attribute.Level))
    assert levels[0] == 1 and set(levels[1:]) == {2}
    assert roles.count(QAccessible.Role.Table) == 1
    assert roles.count(QAccessible.Role.ColumnHeader) == 3
    words = [
        n
        for n in nodes
        if n.role() == QAccessible.Role.Link and n.text(QAccessible.Text.Description)
    ]
    assert words and words[0].text(QAccessible.Text.Name) == "Gene therapy"


def test_pressingALink_navigates_andTheNewPageGetsNewObjects(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.navigator.navigate(CHAPTER)
    links = [
        n
        for n in tree(document(window))
        if n.role() == QAccessible.Role.Link and not n.text(QAccessible.Text.Description)
    ]
    target = links[-1]
    name = target.text(QAccessible.Text.Name)
    actions = target.actionInterface()
    assert actions is not None and "Press" in actions.actionNames()
    with qtbot.waitSignal(window.navigator.section_changed, timeout=5000):
        actions.doAction("Press")
    first = next(n for n in tree(document(window)) if n.role() == QAccessible.Role.Heading)
    assert first.text(QAccessible.Text.Name).startswith(name)


def test_aHostilePage_makesNoMoreThanTheCap(qtbot: QtBot) -> None:
    page = QTextDocument()
    page.setHtml("".join(f"<p>word {i} <a href='x{i}'>link</a></p>" for i in range(5000)))
    assert len(elements_in_order(outline(page))) <= MAX_ELEMENTS


def test_aHugeParagraphOrLink_isNamedByItsFirstWordsOnly(qtbot: QtBot) -> None:
    words = "word " * 20_000
    page = QTextDocument()
    page.setHtml(f"<p>{words}</p><p><a href='x'>{words}</a></p>")
    elements = elements_in_order(outline(page))
    assert len(elements) == 3
    assert all(0 < len(element.name) <= MAX_NAME_CHARS for element in elements)
