"""A second start-up reference: the reader's visible parts built the plainest way.

The baseline (baseline_window.py) is a bare window with a QTextBrowser. This one shows
what the reader shows at its first paint, with no more than PySide6, the handbook
loader and the reader's start-up tricks that need no window: the handbook read from
its folder, a toolbar of tinted SVG icons and a search box, six menus, the contents
tree, the glossary list in a dock, the page and a status line. Neither theme,
translations, bookmarks nor the search panel are built. It tells how much of the
reader's start-up is the price of its visible parts, and how much is the reader's own
code. Run by tests/bench/run.py as a whole process, like the app.

usage: plain_window.py CHAPTER.html REPORT_FILE [--scenario]
Writes the milliseconds from HANDBOOK_READER_T0 to the first paint; with --scenario,
then opens the reader's search index (Whoosh, from the user cache the harness warmed),
searches, shows three more pages and writes the peak RSS in MB on a second line: the
memory the same work costs with nothing of the reader's window around it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

# The reader's start-up tricks that need no window (reader/ui/startup.py), so that what
# is left between the two is the window's own cost.
from reader.ui.startup import before_window_modules, import_search_engine  # noqa: E402

before_window_modules()

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


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def on_first_paint() -> None:
    elapsed = (time.time() - float(os.environ["HANDBOOK_READER_T0"])) * 1000
    lines = [f"{elapsed:.1f}"]
    if "--scenario" in sys.argv:
        search_and_read()
        lines.append(f"{peak_rss_mb():.1f}")
    Path(sys.argv[2]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    app.quit()


def search_and_read() -> None:
    """The app's scenario, plainly: the search index opened, one search, three pages."""
    import_search_engine()
    from reader.paths import UserDirs
    from reader.search.engine import SearchIndex

    handbook = load_handbook(REPO / "handbook")
    index = SearchIndex.open_or_build(handbook, UserDirs.default().cache)
    index.search("bone marrow transplant")
    for _ in range(3):
        browser.setHtml(html + "<p>again</p>")
        app.processEvents()


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
