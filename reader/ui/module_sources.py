"""Dropping the module source text that PySide makes Python keep.

After every import, PySide reads the new module's source (`inspect.getsource`, to see
whether it uses PySide's `__feature__` switches), and `linecache` keeps that text for
the life of the process: about 4 MB for the window's modules and 5 MB more for Whoosh,
text that nothing reads again. Dropping it after the big imports gives that memory back
to later work; a traceback simply reads the file again.
"""

from __future__ import annotations

import linecache


def forget_module_sources() -> None:
    linecache.clearcache()
