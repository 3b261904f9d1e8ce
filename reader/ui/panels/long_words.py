"""A list row's word that is wider than the list breaks with a hyphen instead of being
cut off: at 300% on a 1024x768 screen the glossary column is about 260 px and
"Acondicionamiento" (Spanish for conditioning) showed as "Acondicion…", and a
contents entry's "suficientemente" was cut at the column's edge.

Qt's own item drawing wraps only between words, so a word too wide for the row is
elided. Soft hyphens (U+00AD, invisible unless a line breaks there, then drawn as "-")
are put into such words only, at the width and text size the list has now, and taken
out again when the word fits. The contents tree does the same as it works out its row
heights (row_heights.py); `LongWords` keeps a plain list so. Screen readers get the
row's words as written (`AccessibleTextRole`), and so does Ctrl+C (`copied_as_written`:
Qt's own copy takes the shown text); type-ahead matches the shown text, which differs
only past a break (beyond ten letters or so); nothing else reads the shown text.

A word breaks between syllables, where its language's hyphenation patterns allow
(reader/content/hyphenation.py): "Acondiciona-miento", not "Acondicionamien-to" or
wherever the edge falls. The patterns are read on a thread the first time a word needs
them (`Patterns`, half a second later); until they arrive, such a word breaks at the
last letter that fits, and the rows are broken again after.

Soft hyphens put into a rich text (the glossary's definition, `TextLongWords`) never
leave the screen. Copying a selection takes them out (`without_soft_hyphens`, which
LinkTabBrowser's copy and drag use). A screen reader reads that text through Qt's own
interface for the view, by character offsets into the very document shown, and Orca's
braille and word navigation got "Inmu\u00adnodefi\u00adciencia"; PySide6 cannot give
that interface other text (the text interface's methods with out-parameters, such as
textAtOffset and selection, are not bindable), and the caret events Qt sends carry the
document's offsets. So while assistive technology is active (`QAccessible.isActive`) the
definition gets no soft hyphens: a word too wide breaks where the edge falls, as before
hyphenation, and its text is the words as written. The list rows keep theirs: a screen
reader reads a row's `AccessibleTextRole`. What people type or paste into search, find
in page or the glossary filter is matched without such characters (reader/folding.py).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QListWidget, QTextEdit

from reader.content.hyphenation import break_points, load
from reader.ui.worker_safety import settle_all

SOFT_HYPHEN = "\u00ad"
#: Room a row's text does not get: the style sheet's item padding and border, Qt's
#: text margins, and rounding (px).
ROW_CHROME_PX = 24
_WRITTEN = Qt.ItemDataRole.AccessibleTextRole  # the row's words as written
WRAP = Qt.TextFlag.TextWordWrap
TALL = 100_000  # a box height no row reaches: only the width limits the layout
#: How long after a word first needs them a language's patterns start to be read (ms):
#: past a starting window's first paint, which Python's one lock would otherwise share.
DELAY_MS = 500


class WordWidths:
    """A font's text widths, each string measured once: a pass over a thousand contents
    rows asks for the same few hundred words again and again."""

    def __init__(self, metrics: QFontMetrics) -> None:
        self.metrics = metrics
        self._widths: dict[str, int] = {}
        self._max_width = metrics.maxWidth()

    def horizontalAdvance(self, text: str) -> int:  # QFontMetrics' names, so either will do
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def maxWidth(self) -> int:
        return self._max_width


Metrics = QFontMetrics | QFontMetricsF | WordWidths


def breakable(text: str, metrics: Metrics, room: float, language: str = "") -> str:
    """`text` with soft hyphens inside each word wider than `room` px, so that every
    piece and its hyphen fit, between syllables of `language` where one fits; words
    that fit are left whole. If the language's patterns are not read yet, such words
    break by letters and `Patterns.wanted` is told (see the module)."""
    words = text.split(" ")
    if max(map(len, words)) * metrics.maxWidth() <= room:
        return text  # no word can be too wide: most rows, measured no further
    shown = []
    for word in words:  # a loop, not a generator: str.join would resume it from C
        if metrics.horizontalAdvance(word) <= room:
            shown.append(word)
            continue
        points = break_points(word, language)
        if points is None:
            Patterns.shared().want(language)
        shown.append(_pieces(word, metrics, room, points or ()))
    return " ".join(shown)


def wrapped_height(metrics: QFontMetrics, text: str, room: int) -> int:
    """The height `text` takes wrapped at `room` px, as Qt's own item drawing lays it
    out (a word wider than the room is broken first, with `breakable`)."""
    return metrics.boundingRect(QRect(0, 0, room, TALL), WRAP, text).height()


def _pieces(word: str, metrics: Metrics, room: float, points: Sequence[int]) -> str:
    """`word` cut into pieces that fit `room` with a hyphen: each cut at the last
    syllable break that fits, or at the last letter that fits if none does."""
    hyphen = metrics.horizontalAdvance("-")
    pieces: list[str] = []
    start = 0
    while metrics.horizontalAdvance(word[start:]) > room:
        fitting = [p for p in points if p > start and _fits(word[start:p], metrics, room, hyphen)]
        end = fitting[-1] if fitting else _last_letter_fitting(word, start, metrics, room, hyphen)
        pieces.append(word[start:end])
        start = end
    pieces.append(word[start:])
    return SOFT_HYPHEN.join(pieces)


def _fits(piece: str, metrics: Metrics, room: float, hyphen: float) -> bool:
    return metrics.horizontalAdvance(piece) + hyphen <= room


def _last_letter_fitting(
    word: str, start: int, metrics: Metrics, room: float, hyphen: float
) -> int:
    end = start + 1  # at least one letter a line, however narrow the room
    while end < len(word) and _fits(word[start : end + 1], metrics, room, hyphen):
        end += 1
    return end


def break_long_words(document: QTextDocument, room: float, language: str) -> list[int]:
    """Soft hyphens into each word of `document` wider than its line's room (`room` px
    less its block's margins and list indent), measured in its own font (a result's bold
    match, a definition's heading), so that rich text wraps it between syllables instead
    of wherever the edge falls ("inmunodefic|iencia"). Returns where they went."""
    places: list[int] = []
    block = document.begin()
    while block.isValid():
        block_room = room - _block_inset(document, block)
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            metrics = QFontMetricsF(fragment.charFormat().font())
            text, start = fragment.text(), fragment.position()
            shown = breakable(text, metrics, block_room, language)
            places += _soft_hyphen_places(text, shown, start)
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for place in reversed(places):  # from the end, so the earlier places stay put
        cursor.setPosition(place)
        cursor.insertText(SOFT_HYPHEN)
    return [place + number for number, place in enumerate(places)]


#: The formats a copied selection keeps once its soft hyphens are out: text ones only
#: (Qt's OpenDocument copy is a zip, and no paste target here needs it).
_COPIED_TEXT_FORMATS = ("text/plain", "text/html", "text/markdown")


def without_soft_hyphens(data: QMimeData) -> QMimeData:
    """`data` (a copied or dragged selection) without soft hyphens, in each text format:
    a parent who pastes a word from a narrow pane into the search box or a note gets
    "Inmunodeficiencia", not "Inmu\u00adnodefi\u00adciencia". `data` itself when it has none."""
    if SOFT_HYPHEN not in data.text():
        return data
    clean = QMimeData()
    for kind in _COPIED_TEXT_FORMATS:
        if data.hasFormat(kind):
            text = bytes(data.data(kind).data()).decode("utf-8", "replace")
            clean.setData(kind, text.replace(SOFT_HYPHEN, "").replace("&shy;", "").encode())
    clean.setText(data.text().replace(SOFT_HYPHEN, ""))
    return clean


def copied_as_written(view: QAbstractItemView, event: QEvent) -> bool:
    """Ctrl+C in a list or tree whose rows may show soft hyphens: the current row's
    words as written go on the clipboard (Qt's own copy takes the shown text, and the
    glossary list at 300% gave "Inmunodefi\u00adciencia combinada grave (IDCG)").
    True when `event` was that copy and this did it."""
    if not isinstance(event, QKeyEvent) or not event.matches(QKeySequence.StandardKey.Copy):
        return False
    index = view.currentIndex()
    written = index.data(_WRITTEN) or index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(written, str):
        return False
    QGuiApplication.clipboard().setText(written.replace(SOFT_HYPHEN, ""))
    return True


def _block_inset(document: QTextDocument, block: QTextBlock) -> float:
    """The width a block's own margins and list indent take from its lines (px)."""
    shape = block.blockFormat()
    inset = shape.leftMargin() + shape.rightMargin() + max(0.0, shape.textIndent())
    listed = block.textList()
    if listed is not None:
        inset += listed.format().indent() * document.indentWidth()
    return inset


def _soft_hyphen_places(text: str, shown: str, start: int) -> list[int]:
    """Where in the document (from `start`, where `text` begins) `shown` has the soft
    hyphens that `text` lacks."""
    places, at = [], 0
    for letter in shown:
        if at < len(text) and letter == text[at]:
            at += 1  # the text's own letter (its own soft hyphens included)
        else:
            places.append(start + at)  # one put in
    return places


class Patterns(QObject):
    """Reads a language's hyphenation patterns on a thread when a word first needs them,
    and says so on the window's thread (`ready`), so the lists break their rows again.
    One for the application: the patterns are read once, whichever list asks."""

    ready = Signal(str)  # a language's patterns were read (on the window's thread)
    _read = Signal(str)  # from the worker
    _instance: Patterns | None = None

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._asked: set[str] = set()
        self._read.connect(self._announce)  # queued: this object lives on the UI thread

    @classmethod
    def shared(cls) -> Patterns:
        if cls._instance is None:
            cls._instance = cls(QCoreApplication.instance())
            cls._instance.destroyed.connect(cls._forget)
        return cls._instance

    @classmethod
    def _forget(cls) -> None:
        cls._instance = None

    def want(self, language: str) -> None:
        """Read `language`'s patterns soon: after `DELAY_MS`, so that a window starting
        with a narrow column never makes its first paint wait for them."""
        if language in self._asked:
            return
        self._asked.add(language)
        QTimer.singleShot(DELAY_MS, self, lambda: self._start(language))

    def _start(self, language: str) -> None:
        settle_all()  # its signal is sent inside a Qt call (reader/ui/worker_safety.py)
        threading.Thread(
            target=self._work, args=(language,), name="hyphenation", daemon=True
        ).start()

    def _work(self, language: str) -> None:
        load(language)
        with contextlib.suppress(RuntimeError):  # the application ended: nobody to tell
            self._read.emit(language)

    def _announce(self, language: str) -> None:
        self.ready.emit(language)


class _Keeper(QObject):
    """What the two keepers below share: they look again once a show, a resize or a
    change of font or style has settled, and when their language's patterns arrive."""

    def __init__(self, view: QAbstractScrollArea, language: str) -> None:
        super().__init__(view)
        self._language = language
        # What the words were last broken for: the width and text size (and whether a
        # screen reader was reading); () for not yet.
        self._key: tuple[object, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        Patterns.shared().ready.connect(self._patterns_read)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.FocusIn,  # a screen reader started since: see TextLongWords
        ):
            self._timer.start()
        return False

    def update(self) -> None:
        raise NotImplementedError

    def _patterns_read(self, language: str) -> None:
        if language == self._language:
            self._key = ()  # break the words again, between syllables now
            self.update()


class LongWords(_Keeper):
    """Keeps the rows of `view` breakable at its width and font (see the module)."""

    def __init__(self, view: QListWidget, language: str) -> None:
        super().__init__(view, language)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.KeyPress:
            return copied_as_written(self._view, event)
        return super().eventFilter(watched, event)

    def update(self) -> None:
        """Break the rows' too-wide words for the width and font the list has now."""
        view = self._view
        if not view.isVisible():  # sizes before it shows are not its own: wait for them
            return
        room = float(view.viewport().width() - ROW_CHROME_PX)
        key = (view.viewport().width(), view.font().pointSizeF())
        if key == self._key or room <= 0:
            return
        self._key = key
        metrics = QFontMetricsF(view.font())
        for row in range(view.count()):
            item = view.item(row)
            written = item.data(_WRITTEN)
            if not isinstance(written, str):
                written = item.text()
                item.setData(_WRITTEN, written)
            shown = breakable(written, metrics, room, self._language)
            if shown != item.text():
                item.setText(shown)


class TextLongWords(_Keeper):
    """Keeps the long words of a rich-text view (the glossary's definition) breakable at
    its width and text size: after each new text (`new_text`) and each change of width or
    size, the soft hyphens put in before are taken out and put in where they are needed
    now. At 300% on 1024x768 the Spanish definition's heading broke as "Inmuno /
    deficien / cia / combin…". None go in while assistive technology is active (see the
    module): it is looked at again with each new text and each show, resize or focus."""

    def __init__(self, view: QTextEdit, language: str) -> None:
        super().__init__(view, language)
        self._view = view
        self._placed: list[int] = []  # the soft hyphens in the text now that are ours

    def new_text(self) -> None:
        """The view was given a new text: none of its soft hyphens are ours."""
        self._placed = []
        self._key = ()
        self.update()

    def update(self) -> None:
        """Break the text's too-wide words for the width and size the view has now."""
        view = self._view
        if not view.isVisible():  # sizes before it shows are not its own: wait for them
            return
        document = view.document()
        reader_active = QAccessible.isActive()  # a screen reader reads this very text
        key = (view.viewport().width(), document.defaultFont().pointSizeF(), reader_active)
        if key == self._key:
            return
        self._key = key
        cursor = QTextCursor(document)
        for place in reversed(self._placed):
            cursor.setPosition(place)
            cursor.setPosition(place + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        room = view.viewport().width() - 2 * document.documentMargin() - 1
        wanted = room > 0 and not reader_active
        self._placed = break_long_words(document, room, self._language) if wanted else []
