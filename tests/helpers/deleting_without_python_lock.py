"""Deletes, on a worker thread as the print thread does, part documents whose layouts are
connected into a picture handler; run under gdb by tests/test_pyside_locks.py, which
breaks where PySide takes Python's lock and so sees whether a deletion needed it.

PySide lets Python's lock go while it deletes a Qt object for Python, and Qt then asks
each object made in Python that is connected into it whether Python overrides its
`disconnectNotify` (reader/pyside_locks.py). Each case writes a six-byte marker line
before its deletion, and "done." after the last:
- "ctrl:": a handler made in Python and never settled (the control: PySide asks, so
  the test knows its breakpoints catch the asking);
- "pict:": the printout's own handler (reader/pdf/pictures.py), settled as it is made.

usage: deleting_without_python_lock.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QObject, QSizeF, QThread
from PySide6.QtGui import QGuiApplication, QPyTextObject, QTextDocument

from reader.paths import bundled_handbook_dir
from reader.pdf.pictures import PICTURE_OBJECT, PictureObjects


class BareHandler(QPyTextObject):
    """A handler made in Python that nothing settles."""


def delete_a_part(handler: QObject, marker: bytes) -> None:
    """A part document whose layout is connected into `handler`, then let go of."""
    doc = QTextDocument()
    doc.documentLayout().registerHandler(PICTURE_OBJECT, handler)
    os.write(1, marker)
    del doc


class Printing(QThread):
    def run(self) -> None:
        control = BareHandler()
        delete_a_part(control, b"ctrl:\n")
        pictures = PictureObjects(bundled_handbook_dir(), QSizeF(100, 100))
        delete_a_part(pictures, b"pict:\n")
        os.write(1, b"done.\n")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    printing = Printing()
    printing.start()
    printing.wait()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
