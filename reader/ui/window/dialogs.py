"""The window's small dialogs: About, and the question before a link leaves the
handbook."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader import APP_NAME, __version__
from reader.dates import edition_line
from reader.handbook import Handbook
from reader.handbook.trust import SignatureInfo
from reader.ui.plain_text import escaped
from reader.ui.window.review import review_note
from reader.ui.window.signature import signature_line


def show_about(parent: QWidget, handbook: Handbook, signature: SignatureInfo | None) -> None:
    about_box(parent, handbook, signature).exec()


def about_box(parent: QWidget, handbook: Handbook, signature: SignatureInfo | None) -> QMessageBox:
    """Help > About. Our own parts are rich text; the handbook's title, edition and
    source are escaped, so they show as written: a title holding `<img src="file:…">`
    or a link shows those characters and loads or opens nothing."""
    edition = edition_line(handbook.edition, handbook.date, handbook.language, ", ")
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "About %1").replace("%1", APP_NAME))
    box.setTextFormat(Qt.TextFormat.RichText)
    # Selectable, but no link in it can be followed: nothing in About is ours to open.
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setText(
        f"<h3>{APP_NAME} {__version__}</h3>"
        + QCoreApplication.translate("MainWindow", "<p>An offline reader for family handbooks.</p>")
        + f"<p><b>{escaped(handbook.title)}</b><br>{escaped(edition)}</p>"
        + (f"<p>{escaped(note)}</p>" if (note := review_note(handbook)) else "")
        + f"<p>{escaped(handbook.source)}</p>"
        + (f"<p>{escaped(line)}</p>" if (line := signature_line(handbook, signature)) else ""),
    )
    icon = QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    return box


def open_external(window: QWidget, url: QUrl, *, browser_allowed: bool) -> None:
    """External links: say where they go; where other programs may run (a desktop),
    open only after a yes."""
    address = url.toDisplayString()
    if not browser_allowed:
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
