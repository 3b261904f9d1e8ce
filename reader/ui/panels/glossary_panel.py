"""The glossary panel: every hard word A to Z, a filter, a letter index and the meaning.

The panel only shows data and forwards the reader's intent: a click on "Appears in"
emits `section_requested(section_id)`; the main window decides what to do with it.
"""

from __future__ import annotations

import html
import string
import unicodedata

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.content.links import SECTION_SCHEME, glossary_slug_from_url
from reader.folding import folded
from reader.handbook import Handbook, section_label
from reader.handbook.glossary import Term, is_abbreviation
from reader.ui.link_tabbing import LinkTabBrowser
from reader.ui.panels.glossary_letters import LetterKeys
from reader.ui.panels.long_words import LongWords, TextLongWords
from reader.ui.plain_text import plain_tooltip

SLUG_ROLE = Qt.ItemDataRole.UserRole
LETTERS = string.ascii_uppercase
MINIMUM_WIDTH = 250  # the A-Z keys re-row themselves (glossary_letters.py)
DEFINITION_STYLE = """
h2 { margin-top: 0; margin-bottom: 4px; }
p { margin-top: 0; margin-bottom: 8px; }
ul { margin-top: 0; margin-left: 12px; -qt-list-indent: 0; }
"""


def index_letter(name: str) -> str:
    """The A–Z letter a term is filed under ("Épisome" under E); "" for none."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    first = plain.lstrip()[:1].upper()
    return first if first in LETTERS else ""


def list_text(term: Term) -> str:
    """A list row: the term, with its abbreviation in brackets when it has one."""
    if is_abbreviation(term.term):
        return term.term
    short = next((name for name in term.aliases if is_abbreviation(name)), None)
    return f"{term.term} ({short})" if short else term.term


class GlossaryPanel(QDockWidget):
    """A dock with the whole glossary; `show_term(slug)` opens one entry."""

    section_requested = Signal(str)
    term_shown = Signal(str)

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handbook = handbook
        self._uses: dict[str, list[str]] | None = None  # found on first use, not at start-up
        self._current: Term | None = None
        self.setObjectName("glossaryPanel")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.setMinimumWidth(MINIMUM_WIDTH)
        body = QWidget(self)
        body.setObjectName("glossaryBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.filter = self._make_filter(body)
        self.letters = self._make_letters(body)
        self.list = self._make_list(body)
        self.no_match = QLabel(body)
        self.no_match.setObjectName("glossaryNoMatch")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.definition = self._make_definition(body)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.setObjectName("glossarySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.definition)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        for widget in (self.filter, self.letters, self.no_match):
            layout.addWidget(widget)
        layout.addWidget(splitter, 1)
        self.setWidget(body)
        self.retranslate()
        self._show_nothing_chosen()

    # building

    def _make_filter(self, parent: QWidget) -> QLineEdit:
        box = QLineEdit(parent)
        box.setObjectName("glossaryFilter")
        box.setClearButtonEnabled(True)
        box.textChanged.connect(self._apply_filter)
        box.returnPressed.connect(self._show_first_visible)
        return box

    def _make_letters(self, parent: QWidget) -> LetterKeys:
        filed = {index_letter(term.term) for term in self.handbook.glossary.terms}
        keys = LetterKeys(LETTERS, filed, self.show_letter, parent)
        self.letter_buttons: dict[str, QToolButton] = keys.buttons
        return keys

    def _make_list(self, parent: QWidget) -> QListWidget:
        terms = QListWidget(parent)
        terms.setObjectName("glossaryList")
        # Long names wrap rather than being cut ("Graft-versus-h…") at large text sizes.
        terms.setUniformItemSizes(False)
        terms.setWordWrap(True)
        terms.setResizeMode(QListWidget.ResizeMode.Adjust)
        terms.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for term in self.handbook.glossary.terms:
            item = QListWidgetItem(list_text(term), terms)
            item.setData(SLUG_ROLE, term.slug)
            item.setToolTip(plain_tooltip(term.short_definition))
        terms.currentItemChanged.connect(self._on_current_item)
        LongWords(terms, self.handbook.language)  # a too-wide word breaks (long_words.py)
        return terms

    def _make_definition(self, parent: QWidget) -> QTextBrowser:
        browser = LinkTabBrowser(parent)
        browser.setObjectName("glossaryDefinition")
        browser.setOpenLinks(False)
        browser.setOpenExternalLinks(False)
        browser.document().setDefaultStyleSheet(DEFINITION_STYLE)
        browser.anchorClicked.connect(self._on_link)
        self._definition_words = TextLongWords(browser, self.handbook.language)
        return browser

    def retranslate(self) -> None:
        """All texts the reader sees, set again when the interface language changes."""
        self.setWindowTitle(self.tr("Glossary"))
        self.setAccessibleName(self.tr("Glossary"))
        self.filter.setPlaceholderText(self.tr("Filter words…"))
        self.filter.setAccessibleName(self.tr("Filter the glossary"))
        self.filter.setToolTip(self.tr("Type part of a word or an abbreviation, such as GVHD"))
        self.letters.setAccessibleName(self.tr("Glossary letters"))
        self.letters.picker.setAccessibleName(self.tr("Glossary letters"))
        self.letters.picker.setToolTip(self.tr("Words starting with %1").replace("%1", "…"))
        for letter, button in self.letter_buttons.items():
            button.setAccessibleName(self.tr("Words starting with %1").replace("%1", letter))
            button.setToolTip(button.accessibleName())
        self.list.setAccessibleName(self.tr("Glossary words, A to Z"))
        self.no_match.setText(self.tr("No word in the glossary matches."))
        self.no_match.setAccessibleName(self.no_match.text())
        self.definition.setAccessibleName(self.tr("Meaning of the chosen word"))
        if self._current is not None:
            self._show_definition(self._current)
        else:
            self._show_nothing_chosen()

    def refresh_colors(self) -> None:
        """Show the entry again in the new theme: Qt gives links their colour when
        the HTML is read, so a theme switch would leave the old (unreadable) one."""
        if self._current is not None:
            self._show_definition(self._current)
        else:
            self._show_nothing_chosen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # what the reader can do

    def show_term(self, slug: str) -> bool:
        """Select and explain the term with this slug; False if there is no such term."""
        item = self._item_for(slug)
        if item is None:
            return False
        if item.isHidden():
            self.filter.clear()
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item, QListWidget.ScrollHint.PositionAtCenter)
        self._show_definition_for(slug)
        return True

    def show_letter(self, letter: str) -> bool:
        """Jump to the first term filed under `letter`, clearing any filter."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if index_letter(item.text()) == letter.upper():
                self.filter.clear()
                self.show_term(item.data(SLUG_ROLE))
                self.list.scrollToItem(item, QListWidget.ScrollHint.PositionAtTop)
                return True
        return False

    def forget_choice(self) -> None:
        """As when first shown (a kiosk's next visitor): no filter, no word chosen, the
        list at its top. `setText("")`, not `clear()`: clearing is an edit that Ctrl+Z
        would undo, bringing the last visitor's words back."""
        self.filter.setText("")
        self._current = None
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.scrollToTop()
        self._show_nothing_chosen()

    def visible_slugs(self) -> list[str]:
        """The slugs the list shows now, top to bottom (what the filter left)."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.data(SLUG_ROLE) for item in items if not item.isHidden()]

    def current_slug(self) -> str | None:
        return self._current.slug if self._current else None

    # reactions

    def _apply_filter(self, text: str) -> None:
        wanted = folded(text.strip())
        visible = 0
        for term in self.handbook.glossary.terms:
            item = self._item_for(term.slug)
            assert item is not None
            shown = not wanted or any(wanted in folded(name) for name in term.names)
            item.setHidden(not shown)
            visible += shown
        self.no_match.setVisible(visible == 0 and bool(self.handbook.glossary.terms))

    def _show_first_visible(self) -> None:
        slugs = self.visible_slugs()
        if slugs:
            self.show_term(slugs[0])

    def _on_current_item(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self._show_definition_for(item.data(SLUG_ROLE))

    def _on_link(self, url: QUrl) -> None:
        slug = glossary_slug_from_url(url.toString())
        if slug is not None:
            self.show_term(slug)
        elif url.scheme() == SECTION_SCHEME and self.handbook.section(url.path()):
            self.section_requested.emit(url.path())

    # showing

    def _item_for(self, slug: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(SLUG_ROLE) == slug:
                return item
        return None

    def _show_definition_for(self, slug: str) -> None:
        term = self.handbook.glossary.find(slug)
        if term is None or (self._current is not None and self._current.slug == term.slug):
            return
        self._show_definition(term)
        self.term_shown.emit(term.slug)

    def _show_nothing_chosen(self) -> None:
        if self.handbook.glossary.terms:
            text = self.tr("Choose a word from the list to see what it means.")
        else:
            text = self.tr("This handbook has no glossary.")
        self.definition.setHtml(f"<p>{html.escape(text)}</p>")
        self._definition_words.new_text()

    def _show_definition(self, term: Term) -> None:
        self._current = term
        self.definition.setHtml(self.definition_html(term))
        self._definition_words.new_text()  # a word wider than the pane breaks (long_words.py)

    def definition_html(self, term: Term) -> str:
        """The entry as HTML: names, meaning, related words and where it appears."""
        parts = [f"<h2>{html.escape(term.term)}</h2>"]
        if term.aliases:
            label = self.tr("Also called:")
            names = ", ".join(html.escape(name) for name in term.aliases)
            parts.append(f'<p class="aliases"><i>{html.escape(label)}</i> {names}</p>')
        main_label = self.handbook.glossary.main_label
        if term.main_term and main_label:
            named = html.escape(term.main_term)
            parts.append(f'<p class="aliases"><i>{html.escape(main_label)}</i> {named}</p>')
        parts.append(f"<p>{html.escape(term.definition)}</p>")
        related = [self._related_link(name) for name in term.see_also]
        if related:
            label = html.escape(self.tr("Related words:"))
            parts.append(f"<p><b>{label}</b> {', '.join(related)}</p>")
        parts.append(self._appears_in_html(term))
        return "\n".join(parts)

    def _related_link(self, name: str) -> str:
        other = self.handbook.glossary.find(name)
        if other is None:
            return html.escape(name)
        return f'<a href="glossary:{other.slug}">{html.escape(other.term)}</a>'

    def _appears_in_html(self, term: Term) -> str:
        label = html.escape(self.tr("Appears in:"))
        if self._uses is None:
            from reader.content.term_uses import term_sections  # Markdown loads after start-up

            self._uses = term_sections(self.handbook)
        sections = self._uses.get(term.slug, [])
        if not sections:
            note = html.escape(self.tr("not used in the chapters yet"))
            return f"<p><b>{label}</b> {note}</p>"
        rows = "".join(
            f'<li><a href="{SECTION_SCHEME}:{html.escape(sid)}">'
            f"{html.escape(section_label(self.handbook, sid))}</a></li>"
            for sid in sections
        )
        return f"<p><b>{label}</b></p><ul>{rows}</ul>"
