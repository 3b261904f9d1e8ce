"""A row's word wider than its list breaks with a hyphen instead of being cut off
(reader/ui/panels/long_words.py): the real Spanish handbook at 300% on a 1024x768
screen, its glossary list and its contents tree, each row laid out by Qt's own text
layout at the room the row has; screen readers still get the words as written. Words
break between syllables, by the language's hyphenation patterns (Pyphen's), read on a
thread the first time a word needs them."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.content.hyphenation import break_points, load
from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.ui.panels.long_words import ROW_CHROME_PX, SOFT_HYPHEN, breakable
from reader.ui.panels.row_heights import RIGHT_MARGIN
from tests.helpers.text_fit import words_broken_inside
from tests.ui.conftest import MakeWindow

WRAP = Qt.TextFlag.TextWordWrap


def _too_wide(text: str, metrics: QFontMetrics, room: int) -> bool:
    return metrics.boundingRect(QRect(0, 0, room, 100_000), WRAP, text).width() > room


def test_only_words_wider_than_the_room_get_soft_hyphens() -> None:
    font = QFont()
    font.setPointSizeF(36)
    metrics = QFontMetricsF(font)
    room = metrics.horizontalAdvance("Acondiciona") + 1
    shown = breakable("El Acondicionamiento", metrics, room)
    first, rest = shown.split(" ")
    assert first == "El" and SOFT_HYPHEN in rest
    assert rest.replace(SOFT_HYPHEN, "") == "Acondicionamiento"
    assert all(metrics.horizontalAdvance(piece + "-") <= room for piece in rest.split(SOFT_HYPHEN))
    assert breakable("El Acondicionamiento", metrics, 10_000) == "El Acondicionamiento"


def test_a_word_breaks_between_syllables_where_one_fits() -> None:
    load("es")
    load("zz")  # no language has this code: no patterns
    font = QFont()
    font.setPointSizeF(36)
    metrics = QFontMetricsF(font)
    room = metrics.horizontalAdvance("Acondicionam-") + 1  # by letters: "Acondicionam-"
    assert break_points("Acondicionamiento", "es") == (4, 6, 9, 11, 15)
    assert breakable("Acondicionamiento", metrics, room, "es") == f"Acondiciona{SOFT_HYPHEN}miento"
    assert breakable("Acondicionamiento", metrics, room, "zz") == f"Acondicionam{SOFT_HYPHEN}iento"
    narrow = metrics.horizontalAdvance("Acon-") + 1  # "Acon" is the only syllable that fits
    assert breakable("Acondicionamiento", metrics, narrow, "es").split(SOFT_HYPHEN)[0] == "Acon"
    tiny = metrics.horizontalAdvance("Ac-") + 1  # no syllable fits: letters, never nothing
    pieces = breakable("Acondicionamiento", metrics, tiny, "es").split(SOFT_HYPHEN)
    assert pieces[0] == "Ac" and "".join(pieces) == "Acondicionamiento"


def test_a_hidden_list_is_not_measured_until_it_shows(qtbot: QtBot) -> None:
    """Sizes a list has before it shows are not its own (a window's docks start narrow
    inside show()): breaking its words then was wasted work before the first paint."""
    from PySide6.QtWidgets import QListWidget

    from reader.ui.panels.long_words import LongWords

    view = QListWidget()
    qtbot.addWidget(view)
    view.addItems(["Immunodeficiency", "Gene therapy"])
    rows = LongWords(view, "en")
    view.resize(60, 300)
    view.viewport().resize(50, 300)  # as a dock's layout sizes it inside show()
    rows.update()
    assert SOFT_HYPHEN not in view.item(0).text()
    view.show()
    qtbot.waitUntil(lambda: SOFT_HYPHEN in view.item(0).text())
    assert view.item(1).text().replace(SOFT_HYPHEN, "") == "Gene therapy"


def _cuts_between_syllables(shown: str, language: str) -> list[str]:
    """The shown words cut where their language does not allow a break."""
    wrong = []
    for word in shown.split(" "):
        pieces = word.split(SOFT_HYPHEN)
        cuts = [sum(map(len, pieces[: i + 1])) for i in range(len(pieces) - 1)]
        allowed = break_points(word.replace(SOFT_HYPHEN, ""), language) or ()
        if any(cut not in allowed for cut in cuts):
            wrong.append(word)
    return wrong


def test_at_300_percent_no_glossary_or_contents_row_is_cut(
    qtbot: QtBot, make_window: MakeWindow, handbook: Handbook
) -> None:
    window = make_window(load_handbook_in(handbook.root, "es"))
    window.resize(1024, 768)
    window.comfort.apply_zoom(300)
    window.toc_dock.show()
    window.action_set["show_glossary"].trigger()
    terms = window.glossary_panel.list
    qtbot.waitUntil(lambda: terms.isVisible() and terms.viewport().width() > 50)
    qtbot.wait(50)  # the rows are looked at once the width and font settle
    rows = [terms.item(row) for row in range(terms.count())]
    # The first long word sends for the Spanish patterns; the rows break again when they
    # arrive (at once if an earlier test read them).
    qtbot.waitUntil(lambda: any(SOFT_HYPHEN in r.text() for r in rows))
    qtbot.waitUntil(lambda: break_points("", "es") is not None)
    qtbot.waitUntil(
        lambda: [w for r in rows for w in _cuts_between_syllables(r.text(), "es")] == []
    )

    metrics = QFontMetrics(terms.font())
    room = terms.viewport().width() - ROW_CHROME_PX
    assert [r.text() for r in rows if _too_wide(r.text(), metrics, room)] == []
    written = [r.data(Qt.ItemDataRole.AccessibleTextRole) or r.text() for r in rows]
    assert "Acondicionamiento" in written
    assert not any(SOFT_HYPHEN in text for text in written)

    window.glossary_panel.close()  # the contents come back
    tree = window.toc
    qtbot.waitUntil(lambda: tree.isVisible() and tree.viewport().width() > 50)
    qtbot.wait(50)
    shown = []
    stack: list[tuple[QTreeWidgetItem, int]] = [
        (tree.topLevelItem(i), 0) for i in range(tree.topLevelItemCount())
    ]
    while stack:
        item, depth = stack.pop()
        room = tree.viewport().width() - tree.indentation() * (depth + 1) - RIGHT_MARGIN
        shown.append((item.text(0), _too_wide(item.text(0), QFontMetrics(item.font(0)), room)))
        stack += [(item.child(i), depth + 1) for i in range(item.childCount())]
    assert [text for text, cut in shown if cut] == []
    assert any(SOFT_HYPHEN in text for text, _ in shown)
    assert [w for text, _ in shown for w in _cuts_between_syllables(text, "es")] == []
    window.search_index.shut_down()


def test_the_glossarys_definition_breaks_its_long_words_between_syllables(
    qtbot: QtBot, make_window: MakeWindow, handbook: Handbook
) -> None:
    """At 300% on 1024x768 the Spanish definition's heading broke as "Inmuno /
    deficien / cia / combin…"; it breaks between syllables, and the soft hyphens go when
    the words fit again."""
    spanish = load_handbook_in(handbook.root, "es")
    window = make_window(spanish)
    window.resize(1024, 768)
    window.comfort.apply_zoom(300)
    window.action_set["show_glossary"].trigger()
    panel = window.glossary_panel
    (scid,) = [t for t in spanish.glossary.terms if t.term.startswith("Inmunodeficiencia comb")]
    assert panel.show_term(scid.slug)
    definition = panel.definition
    qtbot.waitUntil(lambda: definition.isVisible() and definition.viewport().width() > 50)
    qtbot.waitUntil(lambda: break_points("", "es") is not None)
    qtbot.waitUntil(lambda: SOFT_HYPHEN in definition.toPlainText())
    qtbot.waitUntil(lambda: words_broken_inside(definition) == [])
    heading = definition.document().begin().text()
    assert heading.replace(SOFT_HYPHEN, "") == scid.term
    assert _cuts_between_syllables(heading, "es") == []

    window.comfort.apply_zoom(100)
    qtbot.waitUntil(lambda: SOFT_HYPHEN not in definition.toPlainText())
    assert definition.document().begin().text() == scid.term
    window.search_index.shut_down()
