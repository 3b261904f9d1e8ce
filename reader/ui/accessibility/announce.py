"""Spoken announcements for screen readers: what changed where the reader is not looking
(a word's meaning, the number of results, the page opened, read aloud's state).

One helper, `announce`, sends a QAccessibleAnnouncementEvent (Qt 6.8+; AT-SPI turns it
into an "announcement" a screen reader speaks). Polite by default: it waits for the
screen reader to finish and never interrupts typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from reader.ui.actions import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # annotations only: start-up imports nothing more for them
    from PySide6.QtWidgets import QListWidget

    from reader.handbook.glossary import Glossary

#: An announcement is cut here: a screen reader reads a meaning, not a chapter.
MAX_ANNOUNCEMENT_CHARS = 400


def announce(source: QObject, text: str, polite: bool = True) -> bool:
    """Have a screen reader say `text`, as coming from `source`. Nothing is sent when no
    assistive technology listens. True when an announcement went out."""
    spoken = " ".join(text.split())[:MAX_ANNOUNCEMENT_CHARS]
    if not spoken or not QAccessible.isActive():
        return False
    event = QAccessibleAnnouncementEvent(source, spoken)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Polite
        if polite
        else QAccessible.AnnouncementPoliteness.Assertive
    )
    QAccessible.updateAccessibility(event)
    return True


CONTEXT = "Announcements"


def _tr(text: str) -> str:
    """Translate a text marked for lupdate (a literal translate() call or a
    QT_TRANSLATE_NOOP in this context)."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass
class AnnouncementSources:
    """The signals worth announcing and how to word them; each part may be left out.

    term_shown(slug) with meaning_of(slug); results_changed(count) with the results
    list (whose current row is announced as the arrows move); `opened`, the signals
    that open a page (a contents entry, a result, a link), with where() (the status
    line's "Chapter N of M: title › section", read once the page is shown; scrolling
    into the next section says nothing); read_aloud_state(state) ("reading", ...)."""

    term_shown: SignalInstance | None = None
    meaning_of: Callable[[str], str] | None = None
    results_changed: SignalInstance | None = None
    results: QListWidget | None = None
    opened: tuple[SignalInstance, ...] = ()
    where: Callable[[], str] | None = None
    read_aloud_state: SignalInstance | None = None


READ_ALOUD_STATES = {
    "reading": QT_TRANSLATE_NOOP("Announcements", "Reading aloud"),
    "paused": QT_TRANSLATE_NOOP("Announcements", "Reading aloud paused"),
    "idle": QT_TRANSLATE_NOOP("Announcements", "Reading aloud stopped"),
}


def results_words(count: int) -> str:
    """What is said for the count: "No results", "1 result", "17 results"."""
    if count == 0:
        return QCoreApplication.translate("Announcements", "No results")
    if count == 1:
        return QCoreApplication.translate("Announcements", "1 result")
    return QCoreApplication.translate("Announcements", "%1 results").replace("%1", str(count))


def spoken_meaning(glossary: Glossary, slug: str) -> str:
    """A chosen word and its short meaning: "Vector: a carrier that ..." ("" if unknown)."""
    term = glossary.find(slug)
    return f"{term.term}: {term.short_definition}" if term is not None else ""


def read_aloud_words(state: str) -> str:
    """What is said when read aloud starts, pauses or stops ("" for anything else)."""
    return _tr(READ_ALOUD_STATES[state]) if state in READ_ALOUD_STATES else ""


def install_announcements(source: QObject, sources: AnnouncementSources) -> None:
    """Connect each given signal to an announcement from `source` (the reading view)."""
    if sources.term_shown is not None and sources.meaning_of is not None:
        meaning_of = sources.meaning_of
        sources.term_shown.connect(lambda slug: announce(source, meaning_of(slug)))
    if sources.results_changed is not None:
        sources.results_changed.connect(lambda count: announce(source, results_words(count)))
    if sources.results is not None:
        _announce_current_result(source, sources.results)
    if sources.where is not None:
        where = sources.where
        for opened in sources.opened:
            opened.connect(
                lambda *_: QTimer.singleShot(0, source, lambda: announce(source, where()))
            )
    if sources.read_aloud_state is not None:
        sources.read_aloud_state.connect(lambda state: announce(source, read_aloud_words(state)))


def _announce_current_result(source: QObject, results: QListWidget) -> None:
    """The result the arrows reach, by its place ("Result 2 of 17: chapter › section",
    the item's tooltip), not its whole snippet, which the list item itself reads."""

    def say(row: int) -> None:
        item = results.item(row)
        if item is None or not results.hasFocus():
            return
        place = item.toolTip() or item.text().split(". ", 1)[0]
        words = QCoreApplication.translate("Announcements", "Result %1 of %2: %3")
        words = words.replace("%1", str(row + 1))
        announce(source, words.replace("%2", str(results.count())).replace("%3", place))

    results.currentRowChanged.connect(say)
