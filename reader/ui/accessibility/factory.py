"""Installs the factory that gives a screen reader the reading view as a document.

Kept apart from the document's classes (reader/ui/accessibility/reading_view.py), which
are imported only when an accessibility client first asks: start-up pays one
`installFactory` call and this small module, nothing more.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QWidget

#: A dynamic property on the QApplication: the factory is installed once per process.
INSTALLED_PROPERTY = "readerDocumentFactory"


def _factory(class_name: str, candidate: QObject | None) -> QAccessibleInterface | None:
    """Qt asks this for every object a screen reader meets; only a LinkTabBrowser's
    viewport gets an answer, everything else keeps Qt's own interface."""
    if not isinstance(candidate, QWidget) or class_name != "QWidget":
        return None
    from reader.ui.link_tabbing import LinkTabBrowser  # it installs this factory

    view = candidate.parentWidget()
    if not isinstance(view, LinkTabBrowser) or view.viewport() is not candidate:
        return None
    from reader.ui.accessibility.reading_view import ReadingDocument  # only when asked

    document = ReadingDocument(view)
    view.accessible_document = document  # Qt's cache holds a pointer: keep it alive
    return document


def install_document_accessibility() -> None:
    """Install the factory, once, after the QApplication (whose own widget factory is
    installed when it is made; Qt asks the newest factory first)."""
    app = QApplication.instance()
    if app is None or app.property(INSTALLED_PROPERTY):
        return
    QAccessible.installFactory(_factory)
    app.setProperty(INSTALLED_PROPERTY, True)
