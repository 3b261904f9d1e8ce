"""What keeps two threads that both call Qt from locking each other out for good.

PySide holds Python's lock through a Qt call made from Python, but it lets Python's lock
go while it deletes a Qt object for Python (a wrapper collected, a `del`). A thread
deleting an object so holds one of Qt's signal-slot locks (a pool of 131, shared by every
object by address) and, for each object made in Python that is connected into the one
being deleted, asks PySide whether Python overrides that sender's `disconnectNotify`:
asking needs Python's lock. If the other thread holds Python's lock meanwhile and is
inside a Qt call that needs that same signal-slot lock (making a connection, laying out
a page), each waits for the other forever.

PySide remembers the answer for each object once it has been asked, and asking with
Python's lock held costs nothing more. So an object made in Python that other objects
are connected into, and that can outlive one of them, is `settle`d by the thread that
made it, right after it is made. Two hangs seen so far, each its own direction:
- the window's thread deleting a dialog or a finished chapter render while the print
  thread lays a page out (reader/ui/worker_safety.py settles the window's objects);
- the print thread letting go of a part of a printout (a QTextDocument whose layout is
  connected to the printout's picture handler, reader/pdf/pictures.py) while the
  window's thread made a connection: a test helper hung so, 1 run in 66
  (tests/helpers/print_while_deleting.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def settle(item: QObject) -> None:
    """Make PySide ask about `item`'s overrides now, on this thread, with Python's lock:
    call it on the thread that made `item`.

    A connection from `item` to one of its own Qt slots is made and undone: a plain Qt
    connection, not one to a Python function, whose shared receiver PySide keeps for
    all threads (connected and undone from two threads at once, it failed to undo).
    Undoing it is what makes Qt call `item.disconnectNotify`, and PySide ask."""
    item.destroyed.connect(item.deleteLater)
    item.destroyed.disconnect(item.deleteLater)
