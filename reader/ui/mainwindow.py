"""The main window: contents on the left, the page in the middle, search in the toolbar.

It shows the core's data and forwards the reader's intent; panels emit signals and this
window wires them to the core.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QKeyEvent,
    QMouseEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME
from reader.bookmarks.store import BookmarkStore
from reader.clinic.apply import clinic_stamp
from reader.content.links import SECTION_SCHEME
from reader.content.page_store import PageStore
from reader.content.pages import Pages
from reader.handbook import Handbook
from reader.handbook.trust import TrustedKeys, signature_of
from reader.history import History, Place
from reader.preferences import Preferences
from reader.ui.actions import Actions
from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.content_view import ContentView
from reader.ui.panels.bookmarks_panel import BookmarksPanel
from reader.ui.panels.find_bar import FindBar
from reader.ui.panels.glossary_panel import GlossaryPanel
from reader.ui.panels.search_panel import SearchIndexLoader, SearchPanel
from reader.ui.panels.toc_tree import TocTree
from reader.ui.plain_text import plain_label
from reader.ui.read_aloud import install_read_aloud
from reader.ui.search_field import SearchField
from reader.ui.startup import AfterFirstPaint
from reader.ui.theme import Theme
from reader.ui.window import chrome, dialogs
from reader.ui.window.bookmarking import BookmarkCommands
from reader.ui.window.comfort import LABELS_UP_TO_ZOOM, ReadingComfort
from reader.ui.window.dock_title import DockTitle
from reader.ui.window.keyboard import PaneCycle
from reader.ui.window.navigation import Navigator
from reader.ui.window.printing import PrintController
from reader.ui.window.searching import SearchCommands
from reader.ui.window.signature import announce_signature
from reader.ui.window.wiring import connect_actions

if TYPE_CHECKING:  # printing is imported when first used, to keep start-up quick
    from reader.pdf.compose import ComposedDocument
    from reader.ui.print_dialog import PrintDialog


class MainWindow(QMainWindow):
    """One handbook, read in one window."""

    section_changed = Signal(str)
    visit_reset = Signal()

    def __init__(
        self,
        handbook: Handbook,
        preferences: Preferences,
        *,
        store: BookmarkStore | None = None,
        cache_dir: Path | None = None,
        kiosk: bool = False,
        trusted: TrustedKeys | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.handbook = handbook
        self.preferences = preferences
        self.default_zoom = preferences.zoom
        self.home_section_id = handbook.start_section_id or ""
        self.kiosk = kiosk
        self.signature = signature_of(handbook.root, trusted)  # None: the trust files'
        translation = handbook.language if handbook.base_language else ""  # own page cache
        stamp = clinic_stamp(handbook)  # pages show the clinic's values (#32)
        store_pages = PageStore(cache_dir, handbook.root, translation, stamp) if cache_dir else None
        self.pages = Pages(handbook, store_pages)
        self.history = History()
        self.current_section_id = ""
        self.action_set = Actions(self)
        self.navigator = Navigator(self)
        self.content = ContentView(handbook.root, self)
        self.toc = TocTree(self)
        self.search_box = SearchField(self.action_set["focus_search"].icon(), self)
        self.status_label = plain_label(QLabel(self))  # chapter titles, as written
        self.undo_stack = QUndoStack(self)
        self.bookmarks_panel = BookmarksPanel(self)
        self.glossary_panel = GlossaryPanel(handbook, self)
        self.search_panel = SearchPanel(self.search_box, self)
        self.search_loader = SearchIndexLoader(handbook, cache_dir, self)
        self.bookmarks = BookmarksController(
            store or BookmarkStore.in_memory(),
            handbook,
            self.bookmarks_panel,
            self.undo_stack,
            self,
        )
        self.printing = PrintController(self)
        self.pdf_save_target: Callable[[], Path | None] = self.printing.ask_pdf_path
        self.direct_print: Callable[[ComposedDocument], None] | None = None
        self.bookmark_commands = BookmarkCommands(self)
        self.comfort = ReadingComfort(self)
        self.place_timer = QTimer(self)
        self.place_timer.setSingleShot(True)
        self.place_timer.setInterval(1500)
        self.after_first_paint = AfterFirstPaint(self.content.first_painted, self)
        self.searching = SearchCommands(self)
        self.after_first_paint.defer(self.searching.start)
        self._build()
        connect_actions(self)
        self.read_aloud = install_read_aloud(self)
        self.apply_theme(preferences.theme)
        self.apply_zoom(preferences.zoom, announce=False)
        self.action_set["mark_terms"].setChecked(preferences.mark_terms)
        self.toc.set_handbook(handbook)
        self.retranslate()

    # -- building --------------------------------------------------------------------

    def _build(self) -> None:
        self.find_bar = FindBar(self.content, self)
        center = QWidget(self)
        center.setObjectName("readingArea")
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.content, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(center)
        self.toc_dock: QDockWidget
        self.dock_titles: list[DockTitle]
        self.search_dock: QDockWidget
        self.theme_group: QActionGroup
        self.theme: Theme
        chrome.build_docks(self)
        self.bookmarks_panel.set_touch_mode(self.kiosk)
        self.toolbar = chrome.build_toolbar(self)
        self.menus = chrome.build_menus(self)
        self.panes = PaneCycle(self)
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().setSizeGripEnabled(not self.kiosk)
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.9)))
        # Room for the side panels' tab labels (larger on a kiosk's touch layout).
        widths = [420, 460] if self.kiosk else [290, 340]
        self.resizeDocks([self.toc_dock, self.glossary_panel], widths, Qt.Orientation.Horizontal)

    def retranslate(self) -> None:
        self.action_set.retranslate()
        titles = chrome.menu_titles()
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        self.find_bar.retranslate()
        self.panes.retranslate()
        self.toc_dock.setWindowTitle(self.tr("Contents"))
        self.search_dock.setWindowTitle(self.tr("Search results"))
        self.set_search_hint()
        self.search_box.setAccessibleName(self.tr("Search the handbook"))
        self.search_box.setAccessibleDescription(
            self.tr("Type a word or question. Spelling mistakes are forgiven.")
        )
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.status_label.setAccessibleName(self.tr("Status"))
        self.setWindowTitle(f"{self.handbook.title} — {APP_NAME}")
        self._update_status()

    def set_search_hint(self) -> None:
        """The search box's hint; at large text sizes without the shortcut, so it fits."""
        if self.preferences.zoom > LABELS_UP_TO_ZOOM:
            self.search_box.setPlaceholderText(self.tr("Search the handbook"))
        else:
            self.search_box.setPlaceholderText(self.tr("Search the handbook (Ctrl+K)"))

    # -- navigation ------------------------------------------------------------------

    def current_place(self) -> Place:
        return self.navigator.current_place()

    def navigate(self, section_id: str, *, record: bool = True, scroll: int | None = None) -> bool:
        """Show a section (or a chapter, by its id). Returns False if it doesn't exist."""
        return self.navigator.navigate(section_id, record=record, scroll=scroll)

    def follow_scroll(self) -> None:
        self.navigator.follow_scroll()

    def go_back(self) -> None:
        self.navigator.go_back()

    def go_forward(self) -> None:
        self.navigator.go_forward()

    def go_home(self) -> None:
        if self.home_section_id:
            self.navigate(self.home_section_id)

    def step_section(self, step: int) -> None:
        self.navigator.step_section(step)

    def open_link(self, url: QUrl) -> None:
        if url.scheme() == SECTION_SCHEME:
            self.navigate(url.path())
            return
        dialogs.open_external(self, url)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- search ----------------------------------------------------------------------

    def open_search_result(self, section_id: str, words: list[str], lead: str = "") -> None:
        self.searching.open_result(section_id, words, lead)

    def shut_down_search(self) -> None:
        self.searching.shut_down()

    # -- the controllers' commands, for the window's callers ---------------------------

    def toggle_bookmark(self) -> None:
        self.bookmark_commands.toggle()

    def remember_place(self) -> None:
        self.bookmark_commands.remember_place()

    def open_print_dialog(self) -> PrintDialog:
        return self.printing.open_dialog()

    def apply_zoom(self, zoom: int, *, announce: bool = True, keep_place: bool = True) -> None:
        self.comfort.apply_zoom(zoom, announce=announce, keep_place=keep_place)

    def apply_theme(self, name: str) -> Theme:
        return self.comfort.apply_theme(name)

    def set_mark_terms(self, on: bool) -> None:
        self.comfort.set_mark_terms(on)

    # -- panels and pages ------------------------------------------------------------

    def show_panel(self, panel: QDockWidget, visible: bool = True) -> None:
        panel.setVisible(visible)
        if visible:
            panel.raise_()

    def show_term(self, slug: str) -> None:
        """A glossary word was clicked: its full entry, beside the page."""
        self.show_panel(self.glossary_panel)
        self.glossary_panel.show_term(slug)

    def reload_page(self) -> None:
        """Show the page again (new theme, marking), at the same place."""
        self.navigator.reload_page()

    def _update_status(self) -> None:
        self.navigator.update_status()

    # -- dialogs ---------------------------------------------------------------------

    def show_help(self) -> None:
        """Help > How to Use: the reader's own short help (keys and tasks), not the
        handbook's first chapter, which points here."""
        from reader.ui.window.help_dialog import help_dialog

        dialog = help_dialog(self, self.action_set)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- events ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            button = event.button() if isinstance(event, QMouseEvent) else None
            if button == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and not self.search_box.text():
                self.content.setFocus()
                return True
        return super().eventFilter(watched, event)

    def save_layout(self) -> None:
        chrome.save_layout(self, self.preferences)

    def restore_layout(self) -> None:
        chrome.restore_layout(self, self.preferences)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        chrome.name_dock_tabs(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.remember_place()
        self.shut_down_search()
        super().closeEvent(event)

    def reset_visit(self) -> None:
        """Forget the current visitor (kiosk): start page, empty search, no history,
        default text size. Panels that hold visitor data extend this."""
        self.search_box.clear()
        self.search_panel.clear_results()
        self.content.clear_highlights()
        self.apply_zoom(self.default_zoom, keep_place=False)  # the start page follows
        self.history.clear()
        self.bookmarks.reset()
        self.find_bar.close_bar()
        self.current_section_id = ""
        self.go_home()
        self.action_set["back"].setEnabled(False)
        self.action_set["forward"].setEnabled(False)
        self.visit_reset.emit()

    def start(self, section_id: str | None = None) -> None:
        """Show the first page: the given section, else (on a desktop) where the reader
        left off last time, else the handbook's start page."""
        self.navigator.start(section_id)
        announce_signature(self)
