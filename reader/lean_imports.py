"""Light stand-ins for standard modules that Whoosh imports but this reader never uses.

Whoosh imports `urllib.request` (for a download helper this offline reader never calls)
and, through `cached_property`, `asyncio`: together about 10 MB of resident memory and
25 ms, a tenth of the window's memory. `lend_stand_ins()` puts light stand-ins in
`sys.modules` while Whoosh loads and takes them back afterwards, so any later import
still gets the real module. Whoosh keeps its references to the stand-ins: its
`urlretrieve` refuses (no network), and `cached_property` only asks whether a function
is a coroutine, which `inspect` answers.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


def _no_network(*_args: object, **_kwargs: object) -> None:
    raise OSError("Handbook Reader never uses the network")


def _stand_in(name: str, **attributes: object) -> ModuleType:
    module = ModuleType(name, "A light stand-in lent while Whoosh loads (reader/lean_imports).")
    module.__dict__.update(attributes)
    return module


@contextmanager
def lend_stand_ins() -> Iterator[None]:
    """Import Whoosh inside this block. Modules already imported are left alone.

    It changes `sys.modules` for the whole process while the block runs (the search
    loader imports in its thread, while the window is idle): nothing else in the reader
    imports these two modules."""
    stand_ins = [
        _stand_in("urllib.request", urlretrieve=_no_network),
        _stand_in(
            "asyncio", iscoroutinefunction=inspect.iscoroutinefunction, ensure_future=_no_network
        ),
    ]
    lent = [
        module for module in stand_ins if sys.modules.setdefault(module.__name__, module) is module
    ]
    try:
        yield
    finally:
        for module in lent:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]
