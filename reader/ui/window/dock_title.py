"""A dock's title bar as real widgets: Qt paints its own title in a font it takes once,
when the dock is made, so "Contents" stayed small while everything else grew."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QToolButton,
    QWidget,
)

from reader.ui.icons import icon


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
        if self.close_button is not None:
            text = QCoreApplication.translate("MainWindow", "Close %1").replace("%1", title)
            self.close_button.setAccessibleName(text)
            self.close_button.setToolTip(text)

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
