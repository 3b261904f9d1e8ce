"""What keeps the window's thread and a worker thread that uses Qt from locking each other
out for good: the window's side (the rule, and the print thread's side, are in
reader/pyside_locks.py).

PySide holds Python's lock through every Qt call. A worker inside a Qt call that needs
one of Qt's signal-slot locks (making a connection, as laying out a page does, or sending
a signal to the window) waits for that lock while holding Python's. Meanwhile the
window's thread, deleting an object (a dialog closed mid-export, a finished chapter
render), holds that object's signal-slot lock and asks PySide, for each connection into
it from an object made in Python, whether Python code overrides the sender's
`disconnectNotify`: asking needs Python's lock. Each then waits for the other forever:
a test run hung so, the print thread in `QTextDocument::documentLayout` and the window
in `QObject::~QObject` (tests/helpers/print_while_deleting.py hung so in about half its
runs).

PySide remembers the answer for each object once it has been asked. So, holding
Python's lock, the window's thread asks for the objects a worker could meet: every
object of its own thread made in Python before a print job starts (`settle_all`: found
among Python's objects, as a sender need not sit in a window, and a connection made and
undone on each: 9-14 ms for a window's 200), each short-lived object made to be
deleted while a worker may run (`settle`), and the windows' objects again as a dialog
that deletes itself closes (`delete_on_close`: Help opened and closed during an export
was not there at its start). Objects of another thread are never touched: one a worker
deletes meanwhile would crash the app.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialog

from reader.pyside_locks import settle


def settle_all() -> None:
    """`settle` every live object of the window's thread made in Python; call it there
    as a worker that calls Qt starts (a print job, a handbook load, the search index's
    worker, a hyphenation read: each sends its result inside a Qt call). Objects of
    other threads are left alone: one a worker deletes meanwhile must not be touched
    from here."""
    here = QThread.currentThread()
    qt_types: dict[type, bool] = {}  # Python's 80,000 objects are of a few thousand types
    for item in gc.get_objects():
        kind = type(item)  # not isinstance: a dead weak proxy among them raises
        is_qt = qt_types.get(kind)
        if is_qt is None:
            is_qt = qt_types[kind] = issubclass(kind, QObject)
        if (
            is_qt
            and shiboken6.isValid(item)
            and shiboken6.createdByPython(item)
            and item.thread() == here
        ):
            settle(item)


def settle_windows() -> None:
    """`settle` every object made in Python in the open windows and dialogs: safe while
    a worker is at Qt work, as nothing there belongs to another thread. A page's text
    objects are Qt's own (a long chapter has thousands): they are not walked."""
    waiting: list[QObject] = list(QApplication.topLevelWidgets())
    while waiting:
        item = waiting.pop()
        if shiboken6.createdByPython(item):
            settle(item)
        if not isinstance(item, QTextDocument):
            waiting.extend(item.children())


def delete_on_close(dialog: QDialog) -> None:
    """Delete `dialog` once it closes (Qt's `WA_DeleteOnClose`), settling the windows'
    objects first: the deletion comes a moment later, when a worker may be in a Qt call."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(settle_windows)
