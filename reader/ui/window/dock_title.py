"""A dock's title bar as real widgets: Qt paints its own title in a font it takes once,
when the dock is made, so "Contents" stayed small while everything else grew.

When the panels sharing a side have their tab titles squeezed into small type (large
text on a small screen, reader/ui/window/tab_fit.py), the title becomes a button in the
reader's own size that lists those panels: a low-vision reader picks "Bookmarks" there
instead of hunting for it in a row of small tabs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QToolButton,
    QWidget,
)

from reader.ui.icons import icon
from reader.ui.window.menu_fit import fit_menu


class DockTitle(QWidget):
    """The dock's title (following its window title) and, if it can close, a close button."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.setObjectName(f"{dock.objectName()}Title")
        self.dock = dock
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(dock.windowTitle(), self)
        self.label.setObjectName(f"{dock.objectName()}TitleText")
        row.addWidget(self.label, 1)
        # Shown only while the tabs are squeezed. Its own arrow, in its own type: Qt's
        # menu arrow stays a few pixels wide whatever the text size.
        self.switcher = QToolButton(self)
        self.switcher.setObjectName(f"{dock.objectName()}Switcher")
        self.switcher.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.switcher.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.panels = QMenu(self.switcher)
        self.panels.setObjectName(f"{dock.objectName()}Panels")
        self.switcher.clicked.connect(self._show_panels)
        self.switcher.hide()
        row.addWidget(self.switcher)
        row.addStretch(1)
        self.close_button: QToolButton | None = None
        if dock.features() & QDockWidget.DockWidgetFeature.DockWidgetClosable:
            button = QToolButton(self)
            button.setObjectName(f"{dock.objectName()}Close")
            button.setAutoRaise(True)
            button.setIcon(icon("close"))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(self.close_column)
            row.addWidget(button)
            self.close_button = button
        dock.windowTitleChanged.connect(self._retitle)
        self._retitle(dock.windowTitle())

    def _retitle(self, title: str) -> None:
        self.label.setText(title)
        self.label.setAccessibleName(title)
        self.switcher.setText(f"{title} \N{BLACK DOWN-POINTING SMALL TRIANGLE}")
        self.switcher.setAccessibleName(title)
        self.switcher.setAccessibleDescription(
            QCoreApplication.translate("MainWindow", "Choose another panel on this side")
        )
        if self.close_button is not None:
            text = QCoreApplication.translate("MainWindow", "Close %1").replace("%1", title)
            self.close_button.setAccessibleName(text)
            self.close_button.setToolTip(text)

    def offer_switcher(self, offered: bool) -> None:
        """The title as a button listing the panels beside this one (see the module)."""
        offered = offered and bool(self._beside())
        self.switcher.setVisible(offered)
        self.label.setVisible(not offered)

    def _beside(self) -> list[QDockWidget]:
        window = self.dock.parentWidget()
        return window.tabifiedDockWidgets(self.dock) if isinstance(window, QMainWindow) else []

    def _show_panels(self) -> None:
        """This panel and those beside it, in the order of their tabs, under the title."""
        menu = self.panels
        menu.clear()
        for dock in _in_tab_order([self.dock, *self._beside()]):
            chosen = menu.addAction(dock.windowTitle())
            chosen.setCheckable(True)
            chosen.setChecked(dock is self.dock)
            chosen.triggered.connect(lambda _=False, panel=dock: _bring_forward(panel))
        fit_menu(menu, self.screen().availableGeometry())  # the reader's size, if it fits
        # Qt's width for checkable entries is a few pixels short at large sizes
        # ("Marc…ores"): room for the widest title, its check box and the margins.
        metrics = menu.fontMetrics()
        widest = max(metrics.horizontalAdvance(a.text()) for a in menu.actions())
        menu.setMinimumWidth(widest + 3 * metrics.height())
        menu.popup(self.switcher.mapToGlobal(self.switcher.rect().bottomLeft()))

    def close_column(self) -> None:
        """The whole side column: this panel and the tabs beside it, in one click."""
        window = self.dock.parentWidget()
        beside = window.tabifiedDockWidgets(self.dock) if isinstance(window, QMainWindow) else []
        for dock in (self.dock, *beside):
            dock.close()

    def refresh_icon(self) -> None:
        """Redraw the close button in the current theme's ink."""
        if self.close_button is not None:
            self.close_button.setIcon(icon("close"))


def give_docks_titles(docks: list[QDockWidget]) -> list[DockTitle]:
    titles = []
    for dock in docks:
        title = DockTitle(dock)
        dock.setTitleBarWidget(title)
        titles.append(title)
    return titles


def _in_tab_order(docks: list[QDockWidget]) -> list[QDockWidget]:
    """`docks` in the order their tabs stand (Qt's tab row has only their titles)."""
    window = docks[0].parentWidget()
    titles = [dock.windowTitle() for dock in docks]
    for bar in window.findChildren(QTabBar) if window is not None else []:
        row = [bar.tabText(i) for i in range(bar.count())]
        if sorted(row) == sorted(titles):
            return sorted(docks, key=lambda dock: row.index(dock.windowTitle()))
    return docks


def _bring_forward(dock: QDockWidget) -> None:
    dock.show()
    dock.raise_()
    title = dock.titleBarWidget()
    if isinstance(title, DockTitle) and title.switcher.isVisible():
        title.switcher.setFocus(Qt.FocusReason.OtherFocusReason)
