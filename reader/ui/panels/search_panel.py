"""The search results panel, driven by the toolbar's search box.

The panel only shows results and forwards the reader's choice: activating a result
emits `result_activated(section_id, matched_words, lead)`; the window opens the section
and highlights the words. It searches as the reader types, after a short pause. It is
the box's one reader of what is typed (`query_changed` passes it on) and it is handed
its index (`set_index`) by the index's owner (reader/ui/window/searching.py); it never
opens or closes one.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.panels.long_words import Patterns, break_long_words
from reader.ui.plain_text import plain_tooltip
from reader.ui.search_field import SearchField

if TYPE_CHECKING:  # Whoosh is imported only when the index is opened, after first paint
    from reader.search.engine import SearchIndex, SearchResult

DEBOUNCE_MS = 150
RESULT_LIMIT = 30
ID_ROLE = Qt.ItemDataRole.UserRole
TERMS_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
LEAD_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_PADDING = 6
SUGGESTION_LINK = "suggestion"
TRY_LINK = "try:"
ROW_STYLE = """
.place { font-size: small; }
.tag { font-size: small; font-weight: bold; }
b.match { font-weight: bold; }
"""


def row_html(place: str, snippet: str, tag: str) -> str:
    """A result row: where it is (and a tag) above the highlighted snippet."""
    tag_html = f'<span class="tag">[{html.escape(tag)}]</span> ' if tag else ""
    return f'<div class="place">{tag_html}{html.escape(place)}</div><div>{snippet}</div>'


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a result row's HTML (bold matches) with QTextDocument; a word wider than
    the row breaks between syllables of `language` (long_words.py)."""

    def __init__(self, parent: QObject | None = None, language: str = "") -> None:
        super().__init__(parent)
        self.language = language

    def document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        """The row laid out at the width `option` gives, as it is painted and sized."""
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDefaultStyleSheet(ROW_STYLE)
        document.setDocumentMargin(ROW_PADDING)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        width = option.rect.width() if option.rect.width() > 0 else 320
        break_long_words(document, width - 2 * ROW_PADDING - 1, self.language)
        document.setTextWidth(width)
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(index, QModelIndex)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        document = self.document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        rect = item.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        assert isinstance(index, QModelIndex)
        document = self.document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class SearchPanel(QWidget):
    """Results for what is typed in `search_box`, with a message line above them."""

    # section id, what to highlight (matched words and names, whole), the snippet's lead
    result_activated = Signal(str, list, str)
    results_changed = Signal(int)  # how many results are shown now
    query_changed = Signal(str)  # the box's text changed (the window raises the results)

    def __init__(
        self, search_box: SearchField, parent: QWidget | None = None, language: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.search_box = search_box
        self._index: SearchIndex | None = None
        self._result: SearchResult | None = None
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.message.linkActivated.connect(self._on_link)
        self.message.setContentsMargins(8, 4, 8, 6)  # in line with the dock's title
        self.message.hide()
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setItemDelegate(SearchResultDelegate(self.results, language))
        Patterns.shared().ready.connect(self._patterns_read)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemClicked.connect(self._activate_item)
        self.results.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        search_box.textChanged.connect(self._on_text_changed)  # its only listener
        search_box.submitted.connect(self.activate_current)
        search_box.stepped.connect(self._move)
        self.retranslate()

    def _patterns_read(self, _language: str) -> None:
        self.results.doItemsLayout()  # a word too wide breaks between syllables now

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Search results panel"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.message.setAccessibleName(self.tr("Search message"))
        if self._result is not None:
            self._show_message(self._result)

    # --- the index ----------------------------------------------------------------
    def set_index(self, index: SearchIndex | None) -> None:
        """Use `index` from now on (None while it is being prepared); redo the search."""
        self._index = index
        if self.search_box.text().strip():
            self.search_now()

    @property
    def index(self) -> SearchIndex | None:
        return self._index

    # --- searching ----------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        """Search after a pause in typing; an emptied box clears the results at once."""
        if text.strip():
            self._timer.start()
        else:
            self.clear_results()
        self.query_changed.emit(text)

    def search_now(self) -> None:
        """Search for the box's text at once (the debounce timer calls this)."""
        self._timer.stop()
        query = self.search_box.text()
        if not query.strip():
            self.clear_results()
            return
        if self._index is None:
            self._result = None
            self._set_rows(None)
            self.message.setText(html.escape(self.tr("Preparing search…")))
            self.message.show()
            return
        result = self._index.search(query, limit=RESULT_LIMIT)
        self._result = result
        self._set_rows(result)
        self._show_message(result)

    def clear_results(self) -> None:
        self._timer.stop()
        self._result = None
        self.message.hide()
        self.message.clear()
        self.results.show()
        self._set_rows(None)

    def _set_rows(self, result: SearchResult | None) -> None:
        self.results.clear()
        for hit in result.hits if result else ():
            glossary = hit.kind == "glossary"
            tag = self.tr("Glossary") if glossary else ""
            item = QListWidgetItem(self.results)
            # A chapter's opening text is named by the chapter alone, not "Title › Title"
            alone = glossary or hit.title == hit.chapter or not hit.chapter
            place = hit.title if alone else f"{hit.chapter} › {hit.title}"
            spoken = f"{tag}: {place}" if tag else place
            item.setData(Qt.ItemDataRole.DisplayRole, f"{spoken}. {hit.plain_snippet}")
            item.setData(Qt.ItemDataRole.ToolTipRole, plain_tooltip(place))
            item.setData(ID_ROLE, hit.id)
            item.setData(TERMS_ROLE, list(hit.phrases or hit.terms))
            item.setData(LEAD_ROLE, hit.lead)
            item.setData(HTML_ROLE, row_html(place, hit.snippet, tag))
        if self.results.count():
            self.results.setCurrentRow(0)
        count = self.results.count()
        self.results.setAccessibleDescription(self.tr("%n result(s)", "", count))
        self.results_changed.emit(count)

    def _show_message(self, result: SearchResult) -> None:
        parts: list[str] = []
        if not result.hits and result.try_words:
            text = self.tr("No results for “%1”. Try:")
            words = ", ".join(
                f'<a href="{TRY_LINK}{html.escape(word)}">{html.escape(word)}</a>'
                for word in result.try_words
            )
            parts.append(html.escape(text.replace("%1", result.query.strip()[:80])) + " " + words)
        elif not result.hits:
            text = self.tr("No results for “%1”. Try fewer words, or check the spelling.")
            parts.append(html.escape(text.replace("%1", result.query.strip()[:80])))
        if result.suggestion:
            link = f'<a href="{SUGGESTION_LINK}">{html.escape(result.suggestion)}</a>'
            parts.append(html.escape(self.tr("Did you mean: %1?")).replace("%1", link))
        self.message.setText(" ".join(parts))
        self.message.setVisible(bool(parts))
        # With nothing found, the empty list gives its room to the message: at 300% in a
        # 1024 x 768 window it kept 72 px and the last words to try were cut off.
        self.results.setVisible(bool(result.hits) or not parts)

    def _on_link(self, link: str) -> None:
        if link == SUGGESTION_LINK and self._result and self._result.suggestion:
            self.apply_suggestion()
        elif link.startswith(TRY_LINK):
            self.search_box.setText(link.removeprefix(TRY_LINK))
            self.search_now()

    def apply_suggestion(self) -> None:
        """Search for the "Did you mean" words instead (they replace the box's text)."""
        if self._result and self._result.suggestion:
            self.search_box.setText(self._result.suggestion)
            self.search_now()

    # --- choosing a result -----------------------------------------------------------
    def _activate_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        section_id = str(item.data(ID_ROLE) or "")
        terms = [str(t) for t in (item.data(TERMS_ROLE) or [])]
        if section_id:
            self.result_activated.emit(section_id, terms, str(item.data(LEAD_ROLE) or ""))

    def activate_current(self) -> None:
        """Open the current result, or the first one."""
        if self._timer.isActive():
            self.search_now()
        item = self.results.currentItem() or self.results.item(0)
        self._activate_item(item)

    def _move(self, step: int) -> None:
        if self._timer.isActive():
            self.search_now()
        count = self.results.count()
        if count:
            row = max(0, min(count - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the results list (the panel's own) opens the current result."""
        if (
            watched is self.results
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.activate_current()
            return True
        return super().eventFilter(watched, event)
