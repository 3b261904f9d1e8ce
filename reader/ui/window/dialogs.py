"""The window's small dialogs: About, and the question before a link leaves the
handbook."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from reader import APP_NAME, __version__
from reader.ui.window.review import review_note
from reader.ui.window.signature import signature_line

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


def show_about(window: MainWindow) -> None:
    handbook = window.handbook
    edition = ", ".join(p for p in (handbook.edition, handbook.date) if p)
    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "About %1").replace("%1", APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3>"
        + QCoreApplication.translate("MainWindow", "<p>An offline reader for family handbooks.</p>")
        + f"<p><b>{handbook.title}</b><br>{edition}</p>"
        + (f"<p>{html.escape(note)}</p>" if (note := review_note(handbook)) else "")
        + f"<p>{handbook.source}</p>"
        + (f"<p>{html.escape(line)}</p>" if (line := signature_line(window)) else ""),
    )


def open_external(window: MainWindow, url: QUrl) -> None:
    """External links: say where they go; on a desktop, open only after a yes."""
    address = url.toDisplayString()
    if window.kiosk:
        QMessageBox.information(
            window,
            QCoreApplication.translate("MainWindow", "Link outside the handbook"),
            QCoreApplication.translate(
                "MainWindow",
                "This link leads outside the handbook:\n\n%1\n\n"
                "It can't be opened on this computer.",
            ).replace("%1", address),
        )
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("MainWindow", "Open a web page?"),
        QCoreApplication.translate(
            "MainWindow",
            "This link leads to a web page outside the handbook:\n\n%1\n\n"
            "Open it in your web browser? This needs an internet connection.",
        ).replace("%1", address),
    )
    if answer == QMessageBox.StandardButton.Yes:
        QDesktopServices.openUrl(url)
