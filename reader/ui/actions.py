"""Every user action, defined once: id, text, shortcuts, icon. Menus, toolbars and the
kiosk shell all reuse these QActions, and `retranslate()` re-applies the texts when the
interface language changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from reader.ui.icons import icon

CONTEXT = "Actions"


def _noop(context: str, text: str) -> str:
    """Marks a text for translation extraction without translating it yet."""
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
    ActionSpec("open_handbook", _noop(CONTEXT, "&Open Handbook Folder…"), ("Ctrl+O",), "folder"),
    ActionSpec("print", _noop(CONTEXT, "&Print…"), ("Ctrl+P",), "print",
               _noop(CONTEXT, "Print or save as PDF")),
    ActionSpec("export_pdf", _noop(CONTEXT, "&Export PDF…"), ("Ctrl+Shift+E",), "pdf"),
    ActionSpec("export_bookmarks", _noop(CONTEXT, "Export &Bookmarks…")),
    ActionSpec("import_bookmarks", _noop(CONTEXT, "&Import Bookmarks…")),
    ActionSpec("quit", _noop(CONTEXT, "&Quit"), ("Ctrl+Q",), "quit"),
    ActionSpec("undo", _noop(CONTEXT, "&Undo"), (QKeySequence.StandardKey.Undo,), ""),
    ActionSpec("redo", _noop(CONTEXT, "&Redo"), (QKeySequence.StandardKey.Redo,), ""),
    ActionSpec("back", _noop(CONTEXT, "&Back"), ("Alt+Left", QKeySequence.StandardKey.Back),
               "back", _noop(CONTEXT, "Go back")),
    ActionSpec("forward", _noop(CONTEXT, "&Forward"),
               ("Alt+Right", QKeySequence.StandardKey.Forward), "forward",
               _noop(CONTEXT, "Go forward")),
    ActionSpec("home", _noop(CONTEXT, "&Start Page"), ("Alt+Home",), "home",
               _noop(CONTEXT, "Go to the start of the handbook"), short=_noop(CONTEXT, "Start")),
    ActionSpec("previous_section", _noop(CONTEXT, "&Previous Section"), ("Ctrl+PgUp",), "up"),
    ActionSpec("next_section", _noop(CONTEXT, "&Next Section"), ("Ctrl+PgDown",), "down"),
    ActionSpec("focus_search", _noop(CONTEXT, "&Search the Handbook"), ("Ctrl+K", "/"),
               "search"),
    ActionSpec("find_in_page", _noop(CONTEXT, "&Find in Page…"),
               (QKeySequence.StandardKey.Find,), "find"),
    ActionSpec("bookmark", _noop(CONTEXT, "&Bookmark This Section"), ("Ctrl+D",), "star",
               _noop(CONTEXT, "Bookmark this section (Ctrl+D)"), checkable=True,
               short=_noop(CONTEXT, "Bookmark")),
    ActionSpec("show_contents", _noop(CONTEXT, "&Contents"), ("F8",), "contents",
               checkable=True),
    ActionSpec("show_glossary", _noop(CONTEXT, "&Glossary"), ("F9",), "glossary",
               _noop(CONTEXT, "Show or hide the glossary (F9)"), checkable=True),
    ActionSpec("show_bookmarks", _noop(CONTEXT, "Book&marks"), ("F10",), "bookmarks",
               checkable=True),
    ActionSpec("mark_terms", _noop(CONTEXT, "&Explain Hard Words in the Text"), (),
               checkable=True),
    ActionSpec("zoom_in", _noop(CONTEXT, "&Larger Text"),
               (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), "zoom-in",
               _noop(CONTEXT, "Larger text (Ctrl++)"), short=_noop(CONTEXT, "Larger")),
    ActionSpec("zoom_out", _noop(CONTEXT, "&Smaller Text"), (QKeySequence.StandardKey.ZoomOut,),
               "zoom-out", _noop(CONTEXT, "Smaller text (Ctrl+-)"),
               short=_noop(CONTEXT, "Smaller")),
    ActionSpec("theme_system", _noop(CONTEXT, "Follow the &System"), checkable=True),
    ActionSpec("theme_light", _noop(CONTEXT, "&Light"), checkable=True),
    ActionSpec("theme_dark", _noop(CONTEXT, "&Dark"), checkable=True),
    ActionSpec("theme_contrast", _noop(CONTEXT, "&High Contrast"), checkable=True),
    ActionSpec("zoom_reset", _noop(CONTEXT, "&Normal Text Size"), ("Ctrl+0",)),
    ActionSpec("about", _noop(CONTEXT, "&About Handbook Reader")),
    ActionSpec("help", _noop(CONTEXT, "How to Use This &Reader"),
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
