"""Every user action, defined once: id, text, shortcuts, icon. Menus, toolbars and the
kiosk shell all reuse these QActions, and `retranslate()` re-applies the texts when the
interface language changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from reader.ui.icons import icon

CONTEXT = "Actions"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for lupdate (which knows this name) without translating it yet;
    PySide6's own version is typed as returning `object`."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    icon: str = ""
    tip: str = ""
    checkable: bool = False
    short: str = ""  # the label under a toolbar icon, when the menu text is long


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open_handbook", QT_TRANSLATE_NOOP("Actions", "&Open Handbook Folder…"), ("Ctrl+O",),
               "folder"),
    ActionSpec("open_packed", QT_TRANSLATE_NOOP("Actions", "Open Handbook &File…"),
               ("Ctrl+Shift+O",), "folder"),
    ActionSpec("print", QT_TRANSLATE_NOOP("Actions", "&Print…"), ("Ctrl+P",), "print",
               QT_TRANSLATE_NOOP("Actions", "Print or save as PDF")),
    ActionSpec("export_pdf", QT_TRANSLATE_NOOP("Actions", "&Export PDF…"), ("Ctrl+Shift+E",),
               "pdf"),
    ActionSpec("export_bookmarks", QT_TRANSLATE_NOOP("Actions", "Export &Bookmarks…")),
    ActionSpec("import_bookmarks", QT_TRANSLATE_NOOP("Actions", "&Import Bookmarks…")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",), "quit"),
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), (QKeySequence.StandardKey.Undo,), ""),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), (QKeySequence.StandardKey.Redo,), ""),
    ActionSpec("clinic_details", QT_TRANSLATE_NOOP("Actions", "&Clinic Details…"), (), "",
               QT_TRANSLATE_NOOP("Actions", "Your clinic's own numbers and team, shown in "
                                 "the handbook and on every printout")),
    ActionSpec("back", QT_TRANSLATE_NOOP("Actions", "&Back"),
               ("Alt+Left", QKeySequence.StandardKey.Back),
               "back", QT_TRANSLATE_NOOP("Actions", "Go back")),
    ActionSpec("forward", QT_TRANSLATE_NOOP("Actions", "&Forward"),
               ("Alt+Right", QKeySequence.StandardKey.Forward), "forward",
               QT_TRANSLATE_NOOP("Actions", "Go forward")),
    ActionSpec("home", QT_TRANSLATE_NOOP("Actions", "&Start Page"), ("Alt+Home",), "home",
               QT_TRANSLATE_NOOP("Actions", "Go to the start of the handbook"),
               short=QT_TRANSLATE_NOOP("Actions", "Start")),
    ActionSpec("previous_section", QT_TRANSLATE_NOOP("Actions", "&Previous Section"),
               ("Ctrl+PgUp",), "up"),
    ActionSpec("next_section", QT_TRANSLATE_NOOP("Actions", "&Next Section"), ("Ctrl+PgDown",),
               "down"),
    ActionSpec("focus_search", QT_TRANSLATE_NOOP("Actions", "&Search the Handbook"),
               ("Ctrl+K", "/"), "search"),
    ActionSpec("find_in_page", QT_TRANSLATE_NOOP("Actions", "&Find in Page…"),
               (QKeySequence.StandardKey.Find,), "find"),
    ActionSpec("bookmark", QT_TRANSLATE_NOOP("Actions", "&Bookmark This Section"), ("Ctrl+D",),
               "star", QT_TRANSLATE_NOOP("Actions", "Bookmark this section (Ctrl+D)"),
               checkable=True, short=QT_TRANSLATE_NOOP("Actions", "Bookmark")),
    ActionSpec("show_contents", QT_TRANSLATE_NOOP("Actions", "&Contents"), ("F8",), "contents",
               checkable=True),
    ActionSpec("show_glossary", QT_TRANSLATE_NOOP("Actions", "&Glossary"), ("F9",), "glossary",
               QT_TRANSLATE_NOOP("Actions", "Show or hide the glossary (F9)"), checkable=True),
    ActionSpec("show_bookmarks", QT_TRANSLATE_NOOP("Actions", "Book&marks"), ("F10",), "bookmarks",
               checkable=True),
    ActionSpec("mark_terms", QT_TRANSLATE_NOOP("Actions", "&Explain Hard Words in the Text"), (),
               checkable=True),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "&Larger Text"),
               (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), "zoom-in",
               QT_TRANSLATE_NOOP("Actions", "Larger text (Ctrl++)"),
               short=QT_TRANSLATE_NOOP("Actions", "Larger")),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "&Smaller Text"),
               (QKeySequence.StandardKey.ZoomOut,),
               "zoom-out", QT_TRANSLATE_NOOP("Actions", "Smaller text (Ctrl+-)"),
               short=QT_TRANSLATE_NOOP("Actions", "Smaller")),
    ActionSpec("theme_system", QT_TRANSLATE_NOOP("Actions", "Follow the &System"), checkable=True),
    ActionSpec("theme_light", QT_TRANSLATE_NOOP("Actions", "&Light"), checkable=True),
    ActionSpec("theme_dark", QT_TRANSLATE_NOOP("Actions", "&Dark"), checkable=True),
    ActionSpec("theme_contrast", QT_TRANSLATE_NOOP("Actions", "&High Contrast"), checkable=True),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Normal Text Size"), ("Ctrl+0",)),
    ActionSpec("listen", QT_TRANSLATE_NOOP("Actions", "L&isten"), ("F5",), "listen",
               QT_TRANSLATE_NOOP("Actions", "Read this section aloud (F5)")),
    ActionSpec("pause_reading", QT_TRANSLATE_NOOP("Actions", "&Pause Reading"), ("F7",),
               "pause", QT_TRANSLATE_NOOP("Actions", "Pause or go on reading aloud (F7)"),
               checkable=True, short=QT_TRANSLATE_NOOP("Actions", "Pause")),
    ActionSpec("stop_reading", QT_TRANSLATE_NOOP("Actions", "St&op Reading"), ("Shift+F5",),
               "stop", QT_TRANSLATE_NOOP("Actions", "Stop reading aloud (Shift+F5)"),
               short=QT_TRANSLATE_NOOP("Actions", "Stop")),
    ActionSpec("previous_sentence", QT_TRANSLATE_NOOP("Actions", "Pre&vious Sentence"),
               ("Alt+Up",), "previous", short=QT_TRANSLATE_NOOP("Actions", "Previous")),
    ActionSpec("next_sentence", QT_TRANSLATE_NOOP("Actions", "Ne&xt Sentence"), ("Alt+Down",),
               "next", short=QT_TRANSLATE_NOOP("Actions", "Next")),
    ActionSpec("continue_reading", QT_TRANSLATE_NOOP("Actions", "Contin&ue to Next Section"),
               (), "", QT_TRANSLATE_NOOP("Actions", "When a section ends, read the next one"),
               checkable=True, short=QT_TRANSLATE_NOOP("Actions", "Keep going")),
    ActionSpec("next_pane", QT_TRANSLATE_NOOP("Actions", "Next Par&t of the Window"), ("F6",)),
    ActionSpec("previous_pane", QT_TRANSLATE_NOOP("Actions", "Previous Part of the &Window"),
               ("Shift+F6",)),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About Handbook Reader")),
    ActionSpec("help", QT_TRANSLATE_NOOP("Actions", "How to Use This &Reader"),
               (QKeySequence.StandardKey.HelpContents,), "help"),
)  # fmt: skip


def _unique_keys(shortcuts: tuple[str | QKeySequence.StandardKey, ...]) -> list[QKeySequence]:
    """All key sequences, once each: a standard key often repeats an explicit one."""
    keys: dict[str, QKeySequence] = {}
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            sequences = QKeySequence.keyBindings(shortcut)
        else:
            sequences = [QKeySequence(shortcut)]
        for sequence in sequences:
            if not sequence.isEmpty():
                keys.setdefault(sequence.toString(), sequence)
    return list(keys.values())


class Actions(QObject):
    """The QActions of one main window, created once from SPECS."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(parent)
            action.setObjectName(f"action_{spec.id}")
            action.setCheckable(spec.checkable)
            action.setShortcuts(_unique_keys(spec.shortcuts))
            if spec.icon:
                action.setIcon(icon(spec.icon))
            self._actions[spec.id] = action
        self.retranslate()

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._actions.values())

    def refresh_icons(self) -> None:
        """Redraw the icons in the current theme's ink."""
        for spec in SPECS:
            if spec.icon:
                self._actions[spec.id].setIcon(icon(spec.icon))

    def retranslate(self) -> None:
        for spec in SPECS:
            action = self._actions[spec.id]
            text = QCoreApplication.translate(CONTEXT, spec.text)
            action.setText(text)
            plain = text.replace("&", "").rstrip("…")
            tip = QCoreApplication.translate(CONTEXT, spec.tip) if spec.tip else plain
            action.setToolTip(tip)
            action.setStatusTip(tip)
            short = QCoreApplication.translate(CONTEXT, spec.short) if spec.short else plain
            action.setIconText(short)
