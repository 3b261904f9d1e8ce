"""The main window: contents on the left, the page in the middle, search in the toolbar.

A composition and nothing more. It builds each part with only what that part uses
(widgets, core services, the WindowPolicy) and connects the parts' signals to one
another in `_connect`; the parts never see the window. Callers use the parts directly
(`window.navigator.navigate(...)`, `window.comfort.apply_zoom(...)`); `window.parts` is
the read-only record the kiosk shell dresses. See reader/ARCHITECTURE.md.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QMouseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from reader import APP_NAME
from reader.bookmarks.store import BookmarkStore
from reader.clinic.apply import clinic_stamp
from reader.content.links import SECTION_SCHEME
from reader.content.page_store import PageStore
from reader.content.pages import Pages
from reader.handbook import Handbook
from reader.handbook.trust import TrustedKeys, signature_of
from reader.history import History
from reader.preferences import Preferences
from reader.ui.actions import Actions
from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.content_view import ContentView
from reader.ui.panels.bookmarks_panel import BookmarksPanel
from reader.ui.panels.find_bar import FindBar
from reader.ui.panels.glossary_panel import GlossaryPanel
from reader.ui.panels.search_panel import SearchPanel
from reader.ui.panels.toc_tree import TocTree
from reader.ui.plain_text import plain_label
from reader.ui.read_aloud import install_read_aloud
from reader.ui.search_field import SearchField
from reader.ui.startup import AfterFirstPaint
from reader.ui.theme import THEMES
from reader.ui.window import chrome, dialogs
from reader.ui.window.bookmarking import BookmarkCommands
from reader.ui.window.comfort import ReadingComfort
from reader.ui.window.keyboard import PaneCycle, focus_into, unique_access_keys
from reader.ui.window.navigation import Navigator
from reader.ui.window.parts import WindowParts
from reader.ui.window.policy import DESKTOP, WindowPolicy, start_section
from reader.ui.window.printing import PrintController
from reader.ui.window.searching import SearchIndexOwner, WindowSearch
from reader.ui.window.signature import signature_line
from reader.ui.worker_safety import delete_on_close


class MainWindow(QMainWindow):
    """One handbook, read in one window, in the place its policy describes."""

    def __init__(
        self,
        handbook: Handbook,
        preferences: Preferences,
        *,
        policy: WindowPolicy = DESKTOP,
        store: BookmarkStore | None = None,
        cache_dir: Path | None = None,
        trusted: TrustedKeys | None = None,
        history: History | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`history`: the way back and forward, when this window takes the place of
        another on the same handbook (in another language)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.handbook = handbook
        self.preferences = preferences
        self.policy = policy
        self.default_zoom = policy.text_size or preferences.zoom
        self.signature = signature_of(handbook.root, trusted)  # None: the trust files'
        translation = handbook.language if handbook.base_language else ""  # own page cache
        stamp = clinic_stamp(handbook)  # pages show the clinic's values (#32)
        store_pages = PageStore(cache_dir, handbook.root, translation, stamp) if cache_dir else None
        self.pages = Pages(handbook, store_pages)
        self.history = history or History()
        self.action_set = Actions(self)
        self.content = ContentView(handbook.root, self)
        self.navigator = nav = Navigator(handbook, self.pages, self.content, self.history,
                                         lambda: preferences.mark_terms, self,
                                         home=start_section(handbook, policy))  # fmt: skip
        self.toc = TocTree(self)
        self.search_box = SearchField(self.action_set["focus_search"].icon(), self)
        self.status_label = plain_label(QLabel(self))  # chapter titles, as written
        self.undo_stack = QUndoStack(self)
        self.bookmarks_panel = BookmarksPanel(self)
        self.glossary_panel = GlossaryPanel(handbook, self)
        self.search_panel = SearchPanel(self.search_box, self, handbook.language)
        self.search_index = SearchIndexOwner(handbook, cache_dir, self)
        store = store or BookmarkStore.in_memory()
        self.bookmarks = BookmarksController(
            store, handbook, self.bookmarks_panel, self.undo_stack, self
        )
        self.printing = PrintController(
            handbook,
            policy,
            current_section=lambda: nav.current_section_id,
            bookmarked=lambda: [b.section_id for b in self.bookmarks.bookmarks()],
            parent=self,
        )
        self.bookmark_commands = BookmarkCommands(
            self.bookmarks, self.action_set["bookmark"], lambda: nav.current_section_id,
            self.content.verticalScrollBar(), policy, self)  # fmt: skip
        self.comfort = ReadingComfort(self, preferences, self.content, self.action_set,
                                      fits_chrome=not policy.touch)  # fmt: skip
        self.place_timer = QTimer(self)
        self.place_timer.setSingleShot(True)
        self.place_timer.setInterval(1500)
        self.after_first_paint = AfterFirstPaint(self.content.first_painted, self)
        self.after_first_paint.defer(self.search_index.start)
        self._build()
        docks = (self.search_dock, self.toc_dock)
        self.searching = WindowSearch(
            self.search_index,
            self.search_panel,
            self.content,
            handbook,
            self.navigator.navigate,
            docks,
            self.statusBar(),
            self,
        )
        self.read_aloud = install_read_aloud(
            self, self.column, handbook, self.content, self.action_set, self.history,
            lambda: nav.current_section_id, nav.section_changed, large=policy.touch)  # fmt: skip
        self._connect()
        self.after_first_paint.defer(self._announce)  # nothing to announce before it
        self.parts = WindowParts(
            self, handbook, preferences, policy, self.action_set, self.menus, self.toolbar,
            self.content, self.find_bar, self.search_box, self.search_panel, self.toc_dock,
            self.search_dock, self.bookmarks_panel, self.glossary_panel, self.status_label,
            self.navigator, self.history, self.comfort, self.bookmarks, self.undo_stack,
            self.read_aloud)  # fmt: skip
        self.comfort.apply_theme(preferences.theme)
        self.comfort.apply_zoom(self.default_zoom, announce=False)
        self.action_set["mark_terms"].setChecked(preferences.mark_terms)
        self.toc.set_handbook(handbook)
        self.retranslate()

    # -- building --------------------------------------------------------------------

    def _build(self) -> None:
        self.find_bar = FindBar(self.content, self)
        center = QWidget(self)
        center.setObjectName("readingArea")
        self.column = QVBoxLayout(center)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.column.addWidget(self.content, 1)
        self.column.addWidget(self.find_bar)
        self.setCentralWidget(center)
        docks = chrome.build_docks(self, self.toc, self.search_panel, self.bookmarks_panel,
                                   self.glossary_panel,
                                   show_glossary=bool(self.handbook.glossary.terms))  # fmt: skip
        self.toc_dock, self.search_dock, self.dock_titles = docks.toc, docks.search, docks.titles
        self.bookmarks_panel.set_touch_mode(self.policy.touch)
        self._offer_what_the_policy_allows()
        self.toolbar = chrome.build_toolbar(self, self.action_set, self.search_box)
        self.menus = chrome.build_menus(self.menuBar(), self.action_set)
        left = [(self.toc_dock, self.toc), (self.search_dock, self.search_panel),
                (self.bookmarks_panel, self.bookmarks_panel)]  # fmt: skip
        self.panes = PaneCycle(self.toolbar, self.search_box, left, self.content,
                               self.glossary_panel)  # fmt: skip
        self.comfort.dress(self.toolbar, self.search_box, self._docks(), self.dock_titles)
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().setSizeGripEnabled(not self.policy.touch)
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.9)))
        self.resizeDocks([self.toc_dock, self.glossary_panel], list(self.policy.panel_widths),
                         Qt.Orientation.Horizontal)  # fmt: skip

    def _offer_what_the_policy_allows(self) -> None:
        """Actions the place does not allow are neither shown nor reachable by a key."""
        allowed = {
            "open_handbook": self.policy.opens_files,
            "open_packed": self.policy.opens_files,
            "import_bookmarks": self.policy.opens_files,
            "export_bookmarks": self.policy.opens_files,
            "print": self.policy.printing,
            "export_pdf": self.policy.printing,
        }
        for action_id, on in allowed.items():
            self.action_set[action_id].setEnabled(on)
            self.action_set[action_id].setVisible(on)

    def _docks(self) -> list[QDockWidget]:
        return [self.toc_dock, self.search_dock, self.bookmarks_panel, self.glossary_panel]

    def _connect(self) -> None:
        """What each action does and who hears each part: the window's one wiring."""
        a, nav, marks = self.action_set, self.navigator, self.bookmark_commands
        zoom = self.comfort.apply_zoom
        triggers = {
            "back": nav.go_back,
            "forward": nav.go_forward,
            "home": self.go_home,
            "previous_section": lambda: nav.step_section(-1),
            "next_section": lambda: nav.step_section(1),
            "focus_search": self.focus_search,
            "find_in_page": self.find_bar.open_bar,
            "zoom_in": lambda: zoom(self.preferences.zoom_in()),
            "zoom_out": lambda: zoom(self.preferences.zoom_out()),
            "zoom_reset": lambda: zoom(100),
            "show_contents": self.toc_dock.setVisible,
            "about": lambda: dialogs.show_about(self, self.handbook, self.signature),
            "help": self.show_help,
            "quit": self.close,
            "bookmark": marks.toggle,
            "show_bookmarks": lambda on=True: show_panel(self.bookmarks_panel, on),
            "show_glossary": lambda on=True: show_panel(self.glossary_panel, on),
            "undo": self.undo_stack.undo,
            "redo": self.undo_stack.redo,
            "export_bookmarks": marks.export,
            "import_bookmarks": marks.import_,
            "print": self.printing.open_dialog,
            "export_pdf": self.printing.open_dialog,
            "next_pane": lambda: self.panes.step(forward=True),
            "previous_pane": lambda: self.panes.step(forward=False),
        }
        for action_id, slot in triggers.items():
            a[action_id].triggered.connect(slot)
        for name in THEMES:
            a[f"theme_{name}"].triggered.connect(
                lambda _=False, n=name: self.comfort.apply_theme(n)
            )
        a["mark_terms"].toggled.connect(self.comfort.set_mark_terms)
        self._keep_checks_in_step()
        self._connect_parts()

    def _keep_checks_in_step(self) -> None:
        """Checkable actions follow what is on screen: panels shown, undo available."""
        a = self.action_set
        self.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        a["show_contents"].setChecked(True)
        self.toc_dock.visibilityChanged.connect(a["show_contents"].setChecked)
        self.glossary_panel.visibilityChanged.connect(a["show_glossary"].setChecked)
        self.bookmarks_panel.visibilityChanged.connect(a["show_bookmarks"].setChecked)

    def _connect_parts(self) -> None:
        """Panels emit what the reader asked for; the part that does it hears it."""
        nav, status = self.navigator, self.statusBar()
        self.toc.section_requested.connect(nav.navigate)
        self.bookmarks_panel.activated.connect(nav.navigate)
        self.glossary_panel.section_requested.connect(nav.navigate)
        self.content.term_activated.connect(self.show_term)
        self.content.link_activated.connect(self.open_link)
        self.content.verticalScrollBar().valueChanged.connect(nav.follow_scroll)
        for part in (self.bookmark_commands, self.comfort, self.read_aloud):
            part.message.connect(status.showMessage)
        self.printing.status_message.connect(lambda text: status.showMessage(text, 8000))
        self.read_aloud.navigate_requested.connect(lambda s: nav.navigate(s, record=False))
        self.comfort.page_changed.connect(nav.reload_page)
        self.comfort.theme_applied.connect(lambda _theme: self.bookmark_commands.update_star())
        self.comfort.theme_applied.connect(lambda _theme: self.glossary_panel.refresh_colors())
        self.bookmarks.changed.connect(self.bookmark_commands.update_star)
        self.bookmarks.error.connect(self.bookmark_commands.show_error)
        nav.section_changed.connect(self.toc.select_section)
        nav.section_changed.connect(self.bookmark_commands.update_star)
        nav.section_changed.connect(lambda _id: self.place_timer.start())
        nav.status_changed.connect(self.status_label.setText)
        nav.history_changed.connect(self.action_set["back"].setEnabled)
        nav.history_changed.connect(lambda _b, ahead: self.action_set["forward"].setEnabled(ahead))
        nav.message.connect(status.showMessage)
        nav.chapter_shown.connect(self._find_again)
        nav.chapter_shown.connect(lambda _id: self.comfort.page_shown())
        self.place_timer.timeout.connect(self.bookmark_commands.remember_place)
        self.content.viewport().installEventFilter(self)

    def _announce(self) -> None:
        """What a screen reader hears without moving focus (reader/ui/accessibility/)."""
        from reader.ui.accessibility.announce import AnnouncementSources as Spoken
        from reader.ui.accessibility.announce import install_announcements, spoken_meaning

        opened = (
            self.toc.section_requested,
            self.search_panel.result_activated,
            self.content.link_activated,
            self.glossary_panel.section_requested,
        )
        glossary = self.handbook.glossary
        install_announcements(
            self.content,
            Spoken(
                self.glossary_panel.term_shown,
                lambda slug: spoken_meaning(glossary, slug),
                self.search_panel.results_changed,
                self.search_panel.results,
                opened,
                self.status_label.text,
                self.read_aloud.state_changed,
            ),
        )

    def retranslate(self) -> None:
        self.action_set.retranslate()
        titles = chrome.menu_titles()
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        self.find_bar.retranslate()
        self.panes.retranslate()
        self.toc_dock.setWindowTitle(self.tr("Contents"))
        self.search_dock.setWindowTitle(self.tr("Search results"))
        self.comfort.set_search_hint()
        self.search_box.setAccessibleName(self.tr("Search the handbook"))
        self.search_box.setAccessibleDescription(
            self.tr("Type a word or question. Spelling mistakes are forgiven.")
        )
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.status_label.setAccessibleName(self.tr("Status"))
        self.setWindowTitle(f"{self.handbook.title} — {APP_NAME}")
        self.navigator.update_status()
        unique_access_keys(self.menuBar())

    # -- what the window itself answers: its own keys, links and panels ---------------

    def go_home(self) -> None:
        if self.navigator.home:
            self.navigator.navigate(self.navigator.home)

    def open_link(self, url: QUrl) -> None:
        if url.scheme() == SECTION_SCHEME:
            self.navigator.navigate(url.path())
            return
        dialogs.open_external(self, url, browser_allowed=self.policy.system_dialogs)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def show_term(self, slug: str) -> None:
        """A glossary word was clicked: its full entry, beside the page."""
        show_panel(self.glossary_panel)
        self.glossary_panel.show_term(slug)

    def show_help(self) -> None:
        """Help > How to Use: the reader's own short help (keys and tasks), not the
        handbook's first chapter, which points here."""
        from reader.ui.window.help_dialog import help_dialog

        dialog = help_dialog(self, self.action_set)
        delete_on_close(dialog)
        dialog.open()

    # -- events ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            button = event.button() if isinstance(event, QMouseEvent) else None
            if button == Qt.MouseButton.BackButton:
                self.navigator.go_back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.navigator.go_forward()
                return True
        return super().eventFilter(watched, event)

    def save_layout(self) -> None:
        chrome.save_layout(self, self.preferences)

    def restore_layout(self) -> None:
        chrome.restore_layout(self, self.preferences)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        chrome.name_dock_tabs(self)

    def _find_again(self, _chapter_id: str) -> None:
        """A new page is whole: find-in-page, if open, searches it for its words."""
        if self.find_bar.isVisible():
            self.find_bar.find_text(self.find_bar.box.text())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.navigator.shut_down()
        self.save_layout()
        self.bookmark_commands.remember_place()
        self.search_index.shut_down()
        super().closeEvent(event)

    def start(self, section_id: str | None = None) -> None:
        """Show the first page: the given section, else (where the policy keeps places)
        where the reader left off last time, else the start page."""
        remembered = self.bookmarks.last_place if self.policy.remembers else None
        self.navigator.start(section_id, remembered)
        if line := signature_line(self.handbook, self.signature):
            self.statusBar().showMessage(line, 10000)


def show_panel(panel: QWidget, visible: bool = True) -> None:
    panel.setVisible(visible)
    if visible:
        panel.raise_()
        focus_into(panel)  # F9/F10: the next key goes to the panel
