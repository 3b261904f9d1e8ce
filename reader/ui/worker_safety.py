"""What keeps the window's thread and a worker thread that uses Qt from locking each other
out for good.

PySide holds Python's lock through every Qt call. A worker inside a Qt call that needs
one of Qt's signal-slot locks (making a connection, as laying out a page does, or sending
a signal to the window) waits for that lock while holding Python's. Meanwhile the
window's thread, deleting an object (a dialog closed mid-export, a finished chapter
render), holds that object's signal-slot lock and asks PySide, for each connection into
it from an object made in Python, whether Python code overrides the sender's
`disconnectNotify`: asking needs Python's lock. Each then waits for the other forever:
a test run hung so, the print thread in `QTextDocument::documentLayout` and the window
in `QObject::~QObject` (tests/helpers/print_while_deleting.py hangs 5 times in 6 so).

PySide remembers the answer for each object once it has been asked. So, holding
Python's lock, the window's thread asks for the objects a worker could meet: every
object made in Python before a print job starts (`settle_all`: found among Python's
objects, as a sender need not sit in a window, and a connection made and undone on each:
about 15 ms for a window's 200), and each short-lived object made to be deleted while a
worker may run (`settle`).
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject


def _nothing() -> None:
    """The slot a connection is made to and undone from."""


def settle(item: QObject) -> None:
    """Make PySide ask about `item`'s overrides now, on this thread, with Python's lock."""
    item.destroyed.connect(_nothing)
    item.destroyed.disconnect(_nothing)


def settle_all() -> None:
    """`settle` every live object made in Python (call it on the window's thread before
    a worker thread starts Qt work)."""
    for item in gc.get_objects():
        # by its type, not isinstance: a dead weak proxy among Python's objects raises
        if (
            issubclass(type(item), QObject)
            and shiboken6.isValid(item)
            and shiboken6.createdByPython(item)
        ):
            settle(item)
