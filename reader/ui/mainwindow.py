"""The main window: contents on the left, the page in the middle, search in the toolbar.

It shows the core's data and forwards the reader's intent; panels emit signals and this
window wires them to the core.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeyEvent,
    QMouseEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.bookmarks.store import BookmarkStore
from reader.content.links import SECTION_SCHEME
from reader.content.page_store import PageStore
from reader.content.pages import Pages
from reader.handbook import Handbook, Section
from reader.history import History, Place
from reader.preferences import Preferences
from reader.ui.actions import Actions
from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.content_view import ContentView
from reader.ui.icons import icon, set_icon_color
from reader.ui.panels.bookmarks_panel import BookmarksPanel
from reader.ui.panels.find_bar import FindBar
from reader.ui.panels.glossary_panel import GlossaryPanel
from reader.ui.panels.search_panel import SearchIndexLoader, SearchPanel
from reader.ui.panels.toc_tree import TocTree
from reader.ui.search_field import SearchField
from reader.ui.startup import AfterFirstPaint, forget_module_sources, import_search_engine
from reader.ui.theme import THEMES, Theme, resolve_theme

if TYPE_CHECKING:  # printing is imported when first used, to keep start-up quick
    from reader.pdf.compose import ComposedDocument, PdfRequest
    from reader.ui.print_dialog import PrintDialog

BASE_POINT_SIZE = 12.0


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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.handbook = handbook
        self.preferences = preferences
        self.default_zoom = preferences.zoom
        self.home_section_id = handbook.start_section_id or ""
        self.kiosk = kiosk
        self.pages = Pages(handbook, PageStore(cache_dir, handbook.root) if cache_dir else None)
        self.history = History()
        self.current_section_id = ""
        self._shown_chapter_id = ""
        self._navigating = False
        self.action_set = Actions(self)
        self.content = ContentView(handbook.root, self)
        self.toc = TocTree(self)
        self.search_box = SearchField(self.action_set["focus_search"].icon(), self)
        self.status_label = QLabel(self)
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
        self.pdf_save_target: Callable[[], Path | None] = self._ask_pdf_path
        self.direct_print: Callable[[ComposedDocument], None] | None = None
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(1500)
        self.after_first_paint = AfterFirstPaint(self.content.first_painted, self)
        self.after_first_paint.defer(self._start_search)
        self._build()
        self._connect()
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
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.toc_dock = self._dock("contentsDock", self.toc, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.search_dock = self._dock(
            "searchDock", self.search_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.bookmarks_panel)
        self.tabifyDockWidget(self.toc_dock, self.search_dock)
        self.tabifyDockWidget(self.toc_dock, self.bookmarks_panel)
        self.toc_dock.raise_()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary_panel)
        self.glossary_panel.setVisible(bool(self.handbook.glossary.terms))
        self.bookmarks_panel.set_touch_mode(self.kiosk)
        self._build_toolbar()
        self._build_menus()
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().setSizeGripEnabled(not self.kiosk)
        self._fit_to_screen()
        # Room for the side panels' tab labels (larger on a kiosk's touch layout).
        widths = [420, 460] if self.kiosk else [290, 340]
        self.resizeDocks([self.toc_dock, self.glossary_panel], widths, Qt.Orientation.Horizontal)

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.9)))

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        for action_id in ("back", "forward", "home"):
            bar.addAction(self.action_set[action_id])
        bar.addSeparator()
        self.search_box.setMinimumWidth(260)
        self.search_box.setMaximumWidth(560)
        self.search_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.search_box)
        bar.addSeparator()
        for action_id in ("bookmark", "show_glossary", "print"):
            bar.addAction(self.action_set[action_id])
        bar.addSeparator()
        for action_id in ("zoom_out", "zoom_in"):
            bar.addAction(self.action_set[action_id])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _build_menus(self) -> None:
        menus: dict[str, list[str | None]] = {
            "file": ["open_handbook", None, "print", "export_pdf", None,
                     "export_bookmarks", "import_bookmarks", None, "quit"],
            "edit": ["undo", "redo"],
            "view": ["show_contents", "show_glossary", "show_bookmarks", None, "mark_terms",
                     None, "zoom_in", "zoom_out", "zoom_reset"],
            "go": ["back", "forward", "home", None, "previous_section", "next_section", None,
                   "focus_search", "find_in_page"],
            "bookmarks": ["bookmark", "show_bookmarks"],
            "help": ["help", "about"],
        }  # fmt: skip
        self.menus: dict[str, QMenu] = {}
        for name, items in menus.items():
            menu = self.menuBar().addMenu("")
            menu.setObjectName(f"menu_{name}")
            for action_id in items:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.action_set[action_id])
            self.menus[name] = menu
        self.menus["theme"] = self.menus["view"].addMenu("")
        self.menus["theme"].setObjectName("menu_theme")
        self.theme_group = QActionGroup(self)
        for name in THEMES:
            action = self.action_set[f"theme_{name}"]
            self.theme_group.addAction(action)
            self.menus["theme"].addAction(action)
            action.triggered.connect(lambda _=False, n=name: self.apply_theme(n))
        self.action_set["show_contents"].setChecked(True)
        self.toc_dock.visibilityChanged.connect(self.action_set["show_contents"].setChecked)

    def _connect(self) -> None:
        a = self.action_set
        a["back"].triggered.connect(self.go_back)
        a["forward"].triggered.connect(self.go_forward)
        a["home"].triggered.connect(self.go_home)
        a["previous_section"].triggered.connect(lambda: self.step_section(-1))
        a["next_section"].triggered.connect(lambda: self.step_section(1))
        a["focus_search"].triggered.connect(self.focus_search)
        a["find_in_page"].triggered.connect(self.find_bar.open_bar)
        a["zoom_in"].triggered.connect(lambda: self.apply_zoom(self.preferences.zoom_in()))
        a["zoom_out"].triggered.connect(lambda: self.apply_zoom(self.preferences.zoom_out()))
        a["zoom_reset"].triggered.connect(lambda: self.apply_zoom(100))
        a["show_contents"].triggered.connect(self.toc_dock.setVisible)
        a["mark_terms"].toggled.connect(self.set_mark_terms)
        a["about"].triggered.connect(self.show_about)
        a["help"].triggered.connect(self.show_help)
        a["quit"].triggered.connect(self.close)
        self.toc.section_requested.connect(self.navigate)
        a["bookmark"].triggered.connect(self.toggle_bookmark)
        a["show_bookmarks"].triggered.connect(self._show_bookmarks_panel)
        a["undo"].triggered.connect(self.undo_stack.undo)
        a["redo"].triggered.connect(self.undo_stack.redo)
        a["export_bookmarks"].triggered.connect(self.export_bookmarks)
        a["print"].triggered.connect(self.open_print_dialog)
        a["export_pdf"].triggered.connect(self.open_print_dialog)
        a["import_bookmarks"].triggered.connect(self.import_bookmarks)
        self.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        self.bookmarks_panel.activated.connect(self.navigate)
        a["show_glossary"].triggered.connect(self._show_glossary_panel)
        self.glossary_panel.visibilityChanged.connect(a["show_glossary"].setChecked)
        self.glossary_panel.section_requested.connect(self.navigate)
        self.content.term_activated.connect(self.show_term)
        self.search_panel.result_activated.connect(self.open_search_result)
        self.search_box.textChanged.connect(self._search_text_changed)
        self.search_loader.ready.connect(self.search_panel.set_index)
        self.search_loader.failed.connect(
            lambda message: self.statusBar().showMessage(message, 10000)
        )
        self.bookmarks_panel.visibilityChanged.connect(a["show_bookmarks"].setChecked)
        self.bookmarks.changed.connect(self._update_bookmark_star)
        self.bookmarks.error.connect(self._bookmark_error)
        self.section_changed.connect(self._update_bookmark_star)
        self.section_changed.connect(lambda _id: self._place_timer.start())
        self._place_timer.timeout.connect(self.remember_place)
        self.content.link_activated.connect(self.open_link)
        self.content.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.search_box.installEventFilter(self)
        self.content.viewport().installEventFilter(self)

    def retranslate(self) -> None:
        self.action_set.retranslate()
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
                  "go": self.tr("&Go"),
                  "bookmarks": self.tr("&Bookmarks"), "help": self.tr("&Help")}  # fmt: skip
        titles["theme"] = self.tr("&Theme")
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        self.find_bar.retranslate()
        self.toc_dock.setWindowTitle(self.tr("Contents"))
        self.search_dock.setWindowTitle(self.tr("Search results"))
        self.search_box.setPlaceholderText(self.tr("Search the handbook (Ctrl+K)"))
        self.search_box.setAccessibleName(self.tr("Search the handbook"))
        self.search_box.setAccessibleDescription(
            self.tr("Type a word or question. Spelling mistakes are forgiven.")
        )
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.status_label.setAccessibleName(self.tr("Status"))
        self.setWindowTitle(f"{self.handbook.title} — {APP_NAME}")
        self._update_status()

    # -- navigation ------------------------------------------------------------------

    def current_place(self) -> Place:
        return Place(self.current_section_id, self.content.verticalScrollBar().value())

    def navigate(self, section_id: str, *, record: bool = True, scroll: int | None = None) -> bool:
        """Show a section (or a chapter, by its id). Returns False if it doesn't exist."""
        section = self.handbook.section(section_id)
        if section is None:
            self.statusBar().showMessage(self.tr("That section is not in this handbook."), 5000)
            return False
        if record and self.current_section_id and section_id != self.current_section_id:
            self.history.leave(self.current_place())
        self._navigating = True
        try:
            self._show_chapter(section.chapter_id)
            if scroll is not None:
                self.content.verticalScrollBar().setValue(scroll)
            else:
                self.content.scroll_to_anchor(section.anchor)
        finally:
            self._navigating = False
        self._set_current(section)
        return True

    def _show_chapter(self, chapter_id: str, *, force: bool = False) -> None:
        if chapter_id == self._shown_chapter_id and not force:
            return
        html = self.pages.chapter_html(chapter_id, mark_terms=self.preferences.mark_terms)
        self.content.show_html(html)
        self._shown_chapter_id = chapter_id
        if self.find_bar.isVisible():
            self.find_bar.find_text(self.find_bar.box.text())

    def _set_current(self, section: Section) -> None:
        changed = section.id != self.current_section_id
        self.current_section_id = section.id
        self.toc.select_section(section.id)
        self.action_set["back"].setEnabled(self.history.can_go_back)
        self.action_set["forward"].setEnabled(self.history.can_go_forward)
        self._update_status()
        if changed:
            self.section_changed.emit(section.id)

    def _follow_scroll(self) -> None:
        """As the reader scrolls, the current section (TOC selection, status) follows."""
        if not self._shown_chapter_id or self._navigating:
            return
        anchor = self.content.anchor_at_top()
        section_id = (
            self._shown_chapter_id if anchor == "top" else f"{self._shown_chapter_id}/{anchor}"
        )
        section = self.handbook.section(section_id)
        if section is not None and section.id != self.current_section_id:
            self._set_current(section)

    def go_back(self) -> None:
        place = self.history.back(self.current_place())
        if place is not None:
            self.navigate(place.section_id, record=False, scroll=place.scroll)

    def go_forward(self) -> None:
        place = self.history.forward(self.current_place())
        if place is not None:
            self.navigate(place.section_id, record=False, scroll=place.scroll)

    def go_home(self) -> None:
        if self.home_section_id:
            self.navigate(self.home_section_id)

    def step_section(self, step: int) -> None:
        target = self.handbook.neighbour(self.current_section_id, step)
        if target:
            self.navigate(target)

    def open_link(self, url: QUrl) -> None:
        if url.scheme() == SECTION_SCHEME:
            self.navigate(url.path())
            return
        self.open_external(url)

    def open_external(self, url: QUrl) -> None:
        """External links: say where they go; on a desktop, open only after a yes."""
        address = url.toDisplayString()
        if self.kiosk:
            QMessageBox.information(
                self,
                self.tr("Link outside the handbook"),
                self.tr("This link leads outside the handbook:\n\n%1\n\n"
                        "It can't be opened on this computer.").replace("%1", address),
            )  # fmt: skip
            return
        answer = QMessageBox.question(
            self,
            self.tr("Open a web page?"),
            self.tr("This link leads to a web page outside the handbook:\n\n%1\n\n"
                    "Open it in your web browser? This needs an internet connection."
                    ).replace("%1", address),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- search ----------------------------------------------------------------------

    def _search_text_changed(self, text: str) -> None:
        """Typing shows the results beside the page; clearing the box brings back
        whatever the reader had there before."""
        if text.strip():
            if not self.search_dock.isVisible():
                self.search_dock.show()
            self.search_dock.raise_()
        elif self.search_dock.isVisible():
            self.toc_dock.raise_()

    def open_search_result(self, section_id: str, words: list[str]) -> None:
        """Open a result: the section, scrolled to the first match, matches highlighted."""
        if not self.navigate(section_id):
            return
        section = self.handbook.section(section_id)
        if section is None:
            return
        start = self.content.anchor_position(section.anchor)
        count = self.content.highlight_words(words, start_at=start)
        if count:
            self.statusBar().showMessage(
                self.tr("%1 matches highlighted on this page.").replace("%1", str(count)), 5000
            )

    def _start_search(self) -> None:
        import_search_engine()
        forget_module_sources()  # Whoosh's, this time
        self.search_loader.start()

    def shut_down_search(self) -> None:
        """Stop the index builder and close the index (tests and closing the window)."""
        self.search_loader.stop()
        self.search_loader.join(5)
        index = self.search_panel.index
        self.search_panel.set_index(None)
        if index is not None:
            index.close()

    # -- bookmarks -------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        if not self.current_section_id:
            return
        was = self.bookmarks.is_bookmarked(self.current_section_id)
        self.bookmarks.toggle(self.current_section_id)
        if was and not self.bookmarks.is_bookmarked(self.current_section_id):
            message = self.tr("Bookmark removed. Press Ctrl+Z to undo.")
        else:
            message = self.tr("Bookmarked. Find it under Bookmarks (F10).")
        self.statusBar().showMessage(message, 6000)

    def _update_bookmark_star(self) -> None:
        on = bool(self.current_section_id) and self.bookmarks.is_bookmarked(self.current_section_id)
        action = self.action_set["bookmark"]
        action.setChecked(on)
        action.setIcon(icon("star-filled" if on else "star"))

    def _show_bookmarks_panel(self, visible: bool = True) -> None:
        self.bookmarks_panel.setVisible(visible)
        if visible:
            self.bookmarks_panel.raise_()

    def _show_glossary_panel(self, visible: bool = True) -> None:
        self.glossary_panel.setVisible(visible)
        if visible:
            self.glossary_panel.raise_()

    def show_term(self, slug: str) -> None:
        """A glossary word was clicked: its full entry, beside the page."""
        self._show_glossary_panel(True)
        self.glossary_panel.show_term(slug)

    def _bookmark_error(self, message: str) -> None:
        """Tell the reader, without blocking: this can happen while the window closes."""
        self.statusBar().showMessage(message, 10000)
        if self.isVisible():
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), message,
                              QMessageBox.StandardButton.Ok, self)  # fmt: skip
            box.setObjectName("bookmarkErrorDialog")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def remember_place(self) -> None:
        """Where the reader is, kept so the next start reopens here (not in kiosk mode)."""
        if self.kiosk or not self.current_section_id:
            return
        bar = self.content.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.bookmarks.remember_place(self.current_section_id, fraction)

    def export_bookmarks(self) -> None:
        if self.kiosk:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export bookmarks"), str(Path.home() / "bookmarks.json"),
            self.tr("Bookmarks (*.json)"))  # fmt: skip
        if name:
            self.statusBar().showMessage(self.bookmarks.export_to(Path(name)), 8000)

    def import_bookmarks(self) -> None:
        if self.kiosk:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import bookmarks"), str(Path.home()),
            self.tr("Bookmarks (*.json)"))  # fmt: skip
        if name:
            self.statusBar().showMessage(self.bookmarks.import_from(Path(name)), 8000)

    # -- printing --------------------------------------------------------------------

    def open_print_dialog(self) -> PrintDialog:
        """Print or save: this section, this chapter, everything, or a take-home packet."""
        from reader.ui.print_dialog import PrintDialog

        bookmarked = [b.section_id for b in self.bookmarks.bookmarks()]
        dialog = PrintDialog(
            self.handbook,
            bookmarked=bookmarked,
            current_section_id=self.current_section_id,
            save_target=self.pdf_save_target,
            direct_print=self.direct_print,
            parent=self,
        )
        if self.kiosk:  # no system dialogs: print goes to the kiosk's printer or folder
            dialog.preview_button.hide()
            dialog.print_button.setVisible(self.direct_print is not None)
            dialog.save_button.setVisible(self.direct_print is None)
        dialog.export_requested.connect(
            lambda request, path: dialog.show_result(self._export_pdf(request, path))
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.print_dialog = dialog
        return dialog

    def _export_pdf(self, request: PdfRequest, path: Path) -> str:
        from reader.pdf.compose import PdfExportError, export_pdf

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = export_pdf(self.handbook, request, path)
        except PdfExportError as error:
            return str(error)
        finally:
            QApplication.restoreOverrideCursor()
        text = self.tr("Saved %1 (%2 pages).").replace("%1", str(report.path))
        return text.replace("%2", str(report.pages))

    def _ask_pdf_path(self) -> Path | None:
        section = self.handbook.section(self.current_section_id)
        name = (section.title if section else self.handbook.title) + ".pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / name), self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    # -- reading comfort -------------------------------------------------------------

    def apply_zoom(self, zoom: int, *, announce: bool = True) -> None:
        self.preferences.zoom = zoom
        self.content.set_point_size(BASE_POINT_SIZE * zoom / 100)
        if announce:
            message = self.tr("Text size %1%").replace("%1", str(zoom))
            self.statusBar().showMessage(message, 2000)

    def apply_theme(self, name: str) -> Theme:
        theme = resolve_theme(name)
        self.preferences.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette())
            app.setStyleSheet(theme.app_qss())
        set_icon_color(theme.text)
        self.action_set.refresh_icons()
        self._update_bookmark_star()
        self.content.document().setDefaultStyleSheet(theme.reading_css())
        self.theme = theme
        self.action_set[f"theme_{name if name in THEMES else 'system'}"].setChecked(True)
        if self._shown_chapter_id:
            self._reload_page()
        return theme

    def set_mark_terms(self, on: bool) -> None:
        self.preferences.mark_terms = on
        self._reload_page()

    def _reload_page(self) -> None:
        if not self._shown_chapter_id:
            return
        scroll = self.content.verticalScrollBar().value()
        self._show_chapter(self._shown_chapter_id, force=True)
        self.content.verticalScrollBar().setValue(scroll)

    def _update_status(self) -> None:
        section = self.handbook.section(self.current_section_id)
        if section is None:
            self.status_label.setText(self.handbook.title)
            return
        chapters = self.handbook.chapters
        chapter = self.handbook.chapter(section.chapter_id)
        number = chapters.index(chapter) + 1 if chapter in chapters else 0
        text = self.tr("Chapter %1 of %2: %3").replace("%1", str(number))
        text = text.replace("%2", str(len(chapters))).replace(
            "%3", chapter.title if chapter else ""
        )
        if section.level > 1:
            text += f" › {section.title}"
        self.status_label.setText(text)

    # -- dialogs ---------------------------------------------------------------------

    def show_about(self) -> None:
        handbook = self.handbook
        edition = ", ".join(p for p in (handbook.edition, handbook.date) if p)
        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + self.tr("<p>An offline reader for family handbooks.</p>")
            + f"<p><b>{handbook.title}</b><br>{edition}</p><p>{handbook.source}</p>",
        )

    def show_help(self) -> None:
        first = self.handbook.chapters[0].id if self.handbook.chapters else ""
        if first:
            self.navigate(first)

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
        self.preferences.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.preferences.window_state = bytes(self.saveState().toBase64().data()).decode()

    def restore_layout(self) -> None:
        if self.preferences.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.preferences.window_geometry.encode()))
        if self.preferences.window_state:
            self.restoreState(QByteArray.fromBase64(self.preferences.window_state.encode()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._name_dock_tabs()

    def _name_dock_tabs(self) -> None:
        """Qt makes a tab bar for docks that share a place; screen readers need its name,
        and a reader needs its whole labels ("Search results", not "Search re...")."""
        for bar in self.findChildren(QTabBar):
            if not bar.accessibleName():
                bar.setAccessibleName(self.tr("Side panels"))
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(False)

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
        self.apply_zoom(self.default_zoom)
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
        scroll = 0.0
        target = section_id if section_id and self.handbook.section(section_id) else None
        if target is None and not self.kiosk and (place := self.bookmarks.last_place()):
            target, scroll = place
        target = target or self.handbook.start_section_id
        if target:
            self.navigate(target, record=False)
        if scroll:
            QTimer.singleShot(0, lambda: self._scroll_to_fraction(scroll))
        QTimer.singleShot(0, self._follow_scroll)

    def _scroll_to_fraction(self, fraction: float) -> None:
        bar = self.content.verticalScrollBar()
        bar.setValue(int(bar.maximum() * fraction))
