"""A second start-up reference: the reader's visible parts built the plainest way.

The baseline (baseline_window.py) is a bare window with a QTextBrowser. This one shows
what the reader shows at its first paint, with no more than PySide6 and the handbook
loader: the handbook read from its folder, a toolbar of tinted SVG icons and a search
box, six menus, the contents tree, the glossary list in a dock, the page and a status
line. Neither theme, translations, bookmarks nor search are built. It tells how much
of the reader's start-up is the price of its visible parts, and how much is the
reader's own code. Run by tests/bench/run.py as a whole process, like the app.

usage: plain_window.py CHAPTER.html REPORT_FILE
Writes the milliseconds from HANDBOOK_READER_T0 to the first paint.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QByteArray, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction, QIcon, QImage, QPainter, QPaintEvent, QPixmap  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
)

from reader.handbook import load_handbook  # noqa: E402

ICONS = ["back", "forward", "contents", "bookmarks", "glossary", "find", "folder", "down"]
MENUS = ["File", "Edit", "View", "Go", "Bookmarks", "Help"]


class Browser(QTextBrowser):
    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, on_first_paint)


def on_first_paint() -> None:
    elapsed = (time.time() - float(os.environ["HANDBOOK_READER_T0"])) * 1000
    Path(sys.argv[2]).write_text(f"{elapsed:.1f}\n", encoding="utf-8")
    app.quit()


def svg_icon(name: str) -> QIcon:
    svg = (REPO / "resources" / "icons" / f"{name}.svg").read_bytes()
    image = QImage(24, 24, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    return QIcon(QPixmap.fromImage(image))


def build(window: QMainWindow, html: str) -> Browser:
    handbook = load_handbook(REPO / "handbook")
    bar = QToolBar(window)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    for name in ICONS:
        bar.addAction(QAction(svg_icon(name), name.title(), window))
    bar.addWidget(QLineEdit(window))
    window.addToolBar(bar)
    for title in MENUS:
        menu = window.menuBar().addMenu(title)
        for number in range(8):
            menu.addAction(f"{title} {number}")
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    for chapter in handbook.chapters:
        item = QTreeWidgetItem(tree, [chapter.title])
        for section in chapter.sections:
            QTreeWidgetItem(item, [section.title])
    words = QListWidget()
    words.addItems([term.term for term in handbook.glossary.terms])
    for title, widget, area in (
        ("Contents", tree, Qt.DockWidgetArea.LeftDockWidgetArea),
        ("Glossary", words, Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        dock = QDockWidget(title, window)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
    browser = Browser()
    window.setCentralWidget(browser)
    browser.setHtml(html)
    window.statusBar().addWidget(QLabel(handbook.title))
    return browser


html = Path(sys.argv[1]).read_text(encoding="utf-8")
app = QApplication(sys.argv[:1])
window = QMainWindow()
browser = build(window, html)
window.resize(1180, 780)
window.show()
sys.exit(app.exec())
