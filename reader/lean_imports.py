"""Light stand-ins for standard modules that Whoosh imports but this reader hardly uses.

Whoosh imports `urllib.request` (for a download helper this offline reader never calls)
and, through `cached_property`, `asyncio`: together about 10 MB of resident memory and
25 ms, a tenth of the window's memory. It imports `hashlib` for MD5 alone, and hashlib
maps OpenSSL's libcrypto (3.4 MB): Python's own MD5 gives the same digests. Its
English word variations (`whoosh.lang.morph_en`, 0.4 MB and 13 ms) serve a query type
the reader never builds: it has its own stems (reader/search/text.py).

`lend_stand_ins()` puts light stand-ins in `sys.modules` while Whoosh loads and takes
them back afterwards, so any later import still gets the real module. Whoosh keeps its
references to the stand-ins: its `urlretrieve` refuses (no network), `cached_property`
only asks whether a function is a coroutine, which `inspect` answers, `md5` is
Python's own, and `variations` offers just the word itself.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any


def _no_network(*_args: object, **_kwargs: object) -> None:
    raise OSError("Handbook Reader never uses the network")


def _stand_in(name: str, **attributes: object) -> ModuleType:
    module = ModuleType(name, "A light stand-in lent while Whoosh loads (reader/lean_imports).")
    module.__dict__.update(attributes)
    return module


def _only_the_word(word: str) -> set[str]:
    return {word}


def _builtin_md5() -> Callable[..., Any] | None:
    """Python's own MD5, which needs no OpenSSL; None where this Python lacks it."""
    try:
        from _md5 import md5
    except ImportError:
        return None
    return md5  # type: ignore[no-any-return]


@contextmanager
def lend_stand_ins() -> Iterator[None]:
    """Import Whoosh inside this block. Modules already imported are left alone.

    It changes `sys.modules` for the whole process while the block runs (the search
    loader imports in its thread, a fraction of a second after the first paint): nothing
    else in the reader imports these modules then. (The kiosk's PIN check imports the
    real hashlib, but only once an administrator has typed a PIN.)"""
    stand_ins = [
        _stand_in("urllib.request", urlretrieve=_no_network),
        _stand_in(
            "asyncio", iscoroutinefunction=inspect.iscoroutinefunction, ensure_future=_no_network
        ),
    ]
    stand_ins.append(_stand_in("whoosh.lang.morph_en", variations=_only_the_word))
    md5 = _builtin_md5()
    if md5 is not None:
        stand_ins.append(_stand_in("hashlib", md5=md5))
    lent = [
        module for module in stand_ins if sys.modules.setdefault(module.__name__, module) is module
    ]
    try:
        yield
    finally:
        for module in lent:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]


def load_search_engine() -> None:
    """Import Whoosh and the reader's search modules with the stand-ins lent, including
    the codec that opening an index would otherwise import after the block."""
    with lend_stand_ins():
        import whoosh.codec.whoosh3  # noqa: F401

        import reader.search.engine  # noqa: F401
