"""What each action of the main window does: the one place its actions and panels are
connected to the window and its controllers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.theme import THEMES
from reader.ui.window import dialogs

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


def connect_actions(window: MainWindow) -> None:
    a = window.action_set
    triggers = {
        "back": window.go_back,
        "forward": window.go_forward,
        "home": window.go_home,
        "previous_section": lambda: window.step_section(-1),
        "next_section": lambda: window.step_section(1),
        "focus_search": window.focus_search,
        "find_in_page": window.find_bar.open_bar,
        "zoom_in": lambda: window.apply_zoom(window.preferences.zoom_in()),
        "zoom_out": lambda: window.apply_zoom(window.preferences.zoom_out()),
        "zoom_reset": lambda: window.apply_zoom(100),
        "show_contents": window.toc_dock.setVisible,
        "about": lambda: dialogs.show_about(window),
        "help": window.show_help,
        "quit": window.close,
        "bookmark": window.bookmark_commands.toggle,
        "show_bookmarks": lambda visible=True: window.show_panel(window.bookmarks_panel, visible),
        "show_glossary": lambda visible=True: window.show_panel(window.glossary_panel, visible),
        "undo": window.undo_stack.undo,
        "redo": window.undo_stack.redo,
        "export_bookmarks": window.bookmark_commands.export,
        "import_bookmarks": window.bookmark_commands.import_,
        "print": window.printing.open_dialog,
        "export_pdf": window.printing.open_dialog,
        "next_pane": lambda: window.panes.step(forward=True),
        "previous_pane": lambda: window.panes.step(forward=False),
    }
    for action_id, slot in triggers.items():
        a[action_id].triggered.connect(slot)
    for name in THEMES:
        a[f"theme_{name}"].triggered.connect(lambda _=False, n=name: window.apply_theme(n))
    a["mark_terms"].toggled.connect(window.set_mark_terms)
    _keep_checks_in_step(window)
    _connect_panels(window)


def _keep_checks_in_step(window: MainWindow) -> None:
    """Checkable actions follow what is on screen: panels shown, undo available."""
    a = window.action_set
    window.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
    window.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
    a["undo"].setEnabled(False)
    a["redo"].setEnabled(False)
    a["show_contents"].setChecked(True)
    window.toc_dock.visibilityChanged.connect(a["show_contents"].setChecked)
    window.glossary_panel.visibilityChanged.connect(a["show_glossary"].setChecked)
    window.bookmarks_panel.visibilityChanged.connect(a["show_bookmarks"].setChecked)


def _connect_panels(window: MainWindow) -> None:
    """Panels emit what the reader asked for; the window does it."""
    window.toc.section_requested.connect(window.navigate)
    window.bookmarks_panel.activated.connect(window.navigate)
    window.glossary_panel.section_requested.connect(window.navigate)
    window.content.term_activated.connect(window.show_term)
    window.content.link_activated.connect(window.open_link)
    window.content.verticalScrollBar().valueChanged.connect(window.follow_scroll)
    window.bookmarks.changed.connect(window.bookmark_commands.update_star)
    window.bookmarks.error.connect(window.bookmark_commands.show_error)
    window.section_changed.connect(window.bookmark_commands.update_star)
    window.section_changed.connect(lambda _id: window.place_timer.start())
    window.place_timer.timeout.connect(window.remember_place)
    window.content.viewport().installEventFilter(window)
