"""The window's small dialogs: About, and the question before a link leaves the
handbook."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.dates import edition_line
from reader.handbook import Handbook
from reader.handbook.trust import SignatureInfo
from reader.ui.plain_text import escaped
from reader.ui.window.review import review_note
from reader.ui.window.signature import signature_line
from reader.ui.wrapping import Scroller, open_with_room


def show_about(parent: QWidget, handbook: Handbook, signature: SignatureInfo | None) -> None:
    about_box(parent, handbook, signature).exec()


def about_box(parent: QWidget, handbook: Handbook, signature: SignatureInfo | None) -> QDialog:
    """Help > About. Our own parts are rich text; the handbook's title, edition and
    source are escaped, so they show as written: a title holding `<img src="file:…">`
    or a link shows those characters and loads or opens nothing. The words scroll, if
    they must, above OK: at 300% on 1024 x 768 a message box was 1,410 px tall, its OK
    below the screen's edge."""
    edition = edition_line(handbook.edition, handbook.date, handbook.language, ", ")
    box = QDialog(parent)
    box.setObjectName("aboutDialog")
    title = QCoreApplication.translate("MainWindow", "About %1").replace("%1", APP_NAME)
    box.setWindowTitle(title)
    box.setAccessibleName(title)
    words = QLabel()
    words.setObjectName("aboutText")
    words.setTextFormat(Qt.TextFormat.RichText)
    words.setWordWrap(True)
    # Selectable, but no link in it can be followed: nothing in About is ours to open.
    words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    words.setOpenExternalLinks(False)
    words.setText(
        f"<h3>{APP_NAME} {__version__}</h3>"
        + QCoreApplication.translate("MainWindow", "<p>An offline reader for family handbooks.</p>")
        + f"<p><b>{escaped(handbook.title)}</b><br>{escaped(edition)}</p>"
        + (f"<p>{escaped(note)}</p>" if (note := review_note(handbook)) else "")
        + f"<p>{escaped(handbook.source)}</p>"
        + (f"<p>{escaped(line)}</p>" if (line := signature_line(handbook, signature)) else ""),
    )
    words.setAccessibleName(title)
    body = QWidget()
    row = QHBoxLayout(body)
    icon = QApplication.windowIcon()
    if not icon.isNull():
        picture = QLabel()
        picture.setPixmap(icon.pixmap(64, 64))
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(words, 1)
    scroller = Scroller(body, "aboutScroller")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, box)
    buttons.setObjectName("aboutButtons")
    buttons.accepted.connect(box.accept)
    column = QVBoxLayout(box)
    column.addWidget(scroller, 1)
    column.addWidget(buttons)
    width = 34 * words.fontMetrics().averageCharWidth() + 120  # a message box's measure
    body.setMinimumWidth(min(width, box.screen().availableGeometry().width() - 60))
    open_with_room(box, scroller)
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
