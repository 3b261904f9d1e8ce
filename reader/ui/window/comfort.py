"""Reading comfort: text size, theme and glossary marking, applied to the whole window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QToolBar

from reader.preferences import Preferences
from reader.ui.actions import Actions
from reader.ui.content_view import ContentView
from reader.ui.icons import set_icon_color
from reader.ui.search_field import SearchField
from reader.ui.text_size import apply_text_size, set_style_sheet, system_scale
from reader.ui.theme import THEMES, Theme, resolve_theme
from reader.ui.window.dock_title import DockTitle
from reader.ui.window.layout_room import SMALLER_HEADINGS_CSS, SideColumns, set_heading_steps
from reader.ui.window.menu_fit import fit_menus
from reader.ui.window.place_keeper import PlaceKeeper
from reader.ui.window.tab_fit import fit_dock_tabs

BASE_POINT_SIZE = 12.0
TOOLBAR_ICON = 24
SEARCH_WIDTH = 560
LABELS_UP_TO_ZOOM = 175
PANEL_SHARE = 0.28
QWIDGETSIZE_MAX = 16777215


class ReadingComfort(QObject):
    """Text size, theme and glossary marking. It changes what it was given and says
    what else must follow (the page shown again, the star's icon) through signals."""

    zoom_applied = Signal(int)  # the text size (percent) just applied, for the kiosk's sheet
    theme_applied = Signal(object)  # the Theme: icons and colours of other parts follow
    page_changed = Signal()  # the page must be shown again (theme, marking)
    message = Signal(str, int)  # a status line and how long (ms) it stays

    def __init__(
        self,
        window: QMainWindow,
        preferences: Preferences,
        content: ContentView,
        actions: Actions,
        *,
        fits_chrome: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.setObjectName("readingComfort")
        self.window = window
        self.preferences = preferences
        self.content = content
        self.actions = actions
        self.fits_chrome = fits_chrome  # False: a kiosk lays out its own touch controls
        self.theme: Theme | None = None
        self.toolbar: QToolBar | None = None
        self.search_box: SearchField | None = None
        self.docks: list[QDockWidget] = []
        self.dock_titles: list[DockTitle] = []
        self.place_keeper = PlaceKeeper(content)  # a panel shown or hidden keeps the place
        self.side_columns: SideColumns | None = None  # the desktop's columns take turns

    def dress(
        self,
        toolbar: QToolBar,
        search_box: SearchField,
        docks: list[QDockWidget],
        dock_titles: list[DockTitle],
    ) -> None:
        """The chrome whose size follows the text size, once it is built."""
        self.toolbar, self.search_box = toolbar, search_box
        self.docks, self.dock_titles = docks, dock_titles
        if self.fits_chrome:
            self.side_columns = SideColumns(self.window, self.content, docks)
            self.window.installEventFilter(self)  # the toolbar's labels follow its width

    def page_shown(self) -> None:
        """A new page may hold a wider word: the side columns look again (at once for
        the window's first page, before it is shown: its landing is at the final width)."""
        if self.side_columns is None:
            return
        if self.window.isVisible():
            self.side_columns.schedule()
        else:
            self.side_columns.settle(before_shown=True)

    def apply_zoom(self, zoom: int, *, announce: bool = True, keep_place: bool = True) -> None:
        """One text size for everything: the interface font and the page together,
        keeping the paragraph at the top of the page where it was (unless the caller
        shows another place next, as a kiosk reset does)."""
        smaller_headings = self._smaller_headings()
        self.preferences.zoom = zoom
        place = self.content.top_paragraph()
        apply_text_size(zoom)
        self.zoom_applied.emit(zoom)
        if self.theme is not None and smaller_headings != self._smaller_headings():
            self.content.document().setDefaultStyleSheet(self._reading_css(self.theme))
            set_heading_steps(self.content.document(), not smaller_headings)
        app = QApplication.instance()
        scale = system_scale(app) if isinstance(app, QApplication) else 1.0
        self.content.set_point_size(BASE_POINT_SIZE * scale * zoom / 100)
        # Larger toolbars and panels shrink the page: lay the window out now, so the
        # place is restored in the page's final width.
        if self.fits_chrome:
            self._fit_chrome(zoom)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if keep_place:
            self.content.restore_top_paragraph(place)
        if self.side_columns is not None:
            self.side_columns.schedule()
        if announce:
            message = self.tr("Text size %1%").replace("%1", str(zoom))
            # After the re-styled widgets are shown again: said at once, the status bar's
            # own text was re-shown under the message and the two overlapped.
            QTimer.singleShot(0, lambda: self.message.emit(message, 2000))

    def set_search_hint(self) -> None:
        """The search box's hint; at large text sizes without the shortcut, so it fits."""
        if self.search_box is None:
            return
        translate = QCoreApplication.translate  # the window's words, in its catalogue
        if self.preferences.zoom > LABELS_UP_TO_ZOOM:
            self.search_box.setPlaceholderText(translate("MainWindow", "Search the handbook"))
        else:
            hint = translate("MainWindow", "Search the handbook (Ctrl+K)")
            self.search_box.setPlaceholderText(hint)

    def _fit_chrome(self, zoom: int) -> None:
        """Keep everything whole at large sizes: toolbar icons grow, and past
        LABELS_UP_TO_ZOOM the toolbar shows icons only (labels cut to "F…d" help
        nobody; tool tips and accessible names still say what each does); the side
        panels never take more than PANEL_SHARE of the window each; menus fit the screen."""
        toolbar, search_box = self.toolbar, self.search_box
        if toolbar is None or search_box is None:
            return
        self.set_search_hint()
        side = round(TOOLBAR_ICON * min(2.0, max(1.0, zoom / 100)))
        search_box.setMaximumWidth(round(SEARCH_WIDTH * max(1.0, zoom / 100)))
        toolbar.setIconSize(QSize(side, side))
        self.fit_toolbar_labels()
        limit = max(200, int(self.window.width() * PANEL_SHARE))
        for dock in self.docks:
            dock.setMaximumWidth(limit if zoom > LABELS_UP_TO_ZOOM else QWIDGETSIZE_MAX)
        wide = [d for d in self.docks if d.isVisible() and d.width() > limit]
        if wide:
            self.window.resizeDocks(wide, [limit] * len(wide), Qt.Orientation.Horizontal)
        fit_menus(self.window.findChildren(QMenu), self.window.screen().availableGeometry())
        # Once the columns have their widths: their tab titles in a type that fits.
        QTimer.singleShot(0, self, lambda: fit_dock_tabs(self.window))

    def fit_toolbar_labels(self) -> None:
        """Labels under the toolbar's icons up to LABELS_UP_TO_ZOOM, and only while the
        labelled buttons fit the window beside the search box at its least: at 150% on a
        1024 px screen "Forward" lost a pixel and "Más pequeño" a quarter of itself."""
        toolbar, search_box = self.toolbar, self.search_box
        if toolbar is None or search_box is None:
            return
        labels = Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        toolbar.setToolButtonStyle(labels)
        needed = toolbar.sizeHint().width() - search_box.sizeHint().width()
        room = self.window.width() - search_box.minimumWidth()
        if self.preferences.zoom > LABELS_UP_TO_ZOOM or needed > room:
            toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A narrower or wider window: the toolbar's labels go or come back."""
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.fit_toolbar_labels()
        return False

    def apply_theme(self, name: str) -> Theme:
        theme = resolve_theme(name)
        self.preferences.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette())
            set_style_sheet(app, theme.app_qss())
        set_icon_color(theme.text, theme.highlight_text)
        self.actions.refresh_icons()
        for title in self.dock_titles:
            title.refresh_icon()
        self.content.document().setDefaultStyleSheet(self._reading_css(theme))
        self.theme = theme
        self.actions[f"theme_{name if name in THEMES else 'system'}"].setChecked(True)
        self.theme_applied.emit(theme)
        self.page_changed.emit()
        return theme

    def _smaller_headings(self) -> bool:
        return self.preferences.zoom > LABELS_UP_TO_ZOOM

    def _reading_css(self, theme: Theme) -> str:
        """The page's style sheet; at large text sizes, headings a step smaller."""
        return theme.reading_css() + (SMALLER_HEADINGS_CSS if self._smaller_headings() else "")

    def set_mark_terms(self, on: bool) -> None:
        self.preferences.mark_terms = on
        self.page_changed.emit()
