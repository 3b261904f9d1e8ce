"""Everything around the first paint, in one place: what start-up puts off, and the
memory tricks that keep the window light.

The order of a start:
1. `before_window_modules()` (the command line, before the window's modules are
   imported) pauses the garbage collector: start-up makes only objects that last, so
   its passes over them are wasted (about 10 ms). It also gives PySide a quicker way
   to look at each module it sees imported (`quicken_pyside_source_check`, 10 ms and
   about 4 MB).
2. The window is built and shown. Its first page is painted.
3. `AfterFirstPaint` runs the work put off until then, once, in the order it was
   deferred: the collector resumes with those lasting objects frozen out of its passes,
   the module sources PySide made Python keep are dropped, glossary words are marked,
   Whoosh is imported (on this, the main thread) and the search index is opened or
   built in a worker thread. A window that is never painted (minimised, or hidden
   behind a kiosk shell) runs the same work after `FIRST_PAINT_LATEST_MS`.

The one stand-in for another library (`_whoosh_stand_ins`) lives here too: see there.
"""

from __future__ import annotations

import gc
import inspect
import linecache
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow

log = logging.getLogger(__name__)

FIRST_PAINT_LATEST_MS = 3000


def pause_collector() -> None:
    """Stop the garbage collector while the window is built (resumed after the paint)."""
    gc.disable()


#: How long a thread may hold Python's lock while another waits (Python's default: 5 ms).
#: The window's thread runs many short Python callbacks while it lays out and paints (row
#: heights, delegates, event filters), and each waited up to the whole interval while a
#: worker indexed, loaded or rendered: a language switch stalled 258-275 ms with 5 ms,
#: 128-133 ms with 1 ms, 107-113 ms with 0.5 ms, the worker finishing as soon.
LOCK_TURN_S = 0.0005


def window_thread_first() -> None:
    """Let the window's thread have Python's lock back soon while workers run."""
    sys.setswitchinterval(LOCK_TURN_S)


def before_window_modules() -> None:
    """What a start does before the window's modules are imported: see the module's
    docstring."""
    pause_collector()
    quicken_pyside_source_check()


def resume_collector() -> None:
    """Keep the objects start-up made out of later passes, and collect again.

    Frozen objects are no longer among `gc.get_objects()`, where `settle_all` finds what
    to settle before a worker starts: so the window's objects are settled now, or never
    (reader/ui/worker_safety.py; the whole first window went unsettled so)."""
    if not gc.isenabled():
        from reader.ui.worker_safety import settle_all  # the window's modules are in by now

        settle_all()
        gc.freeze()
        gc.enable()


def forget_module_sources() -> None:
    """Drop the source text PySide made Python keep.

    After every import, PySide reads the new module's source (to see whether it uses its
    `__feature__` switches), and `linecache` keeps that text for the life of the
    process: about 4 MB for the window's modules and 5 MB more for Whoosh, text that
    nothing reads again. A traceback simply reads the file again."""
    linecache.clearcache()


def quicken_pyside_source_check() -> None:
    """Let PySide read a module's file instead of asking `inspect` for its source.

    After every import, PySide's import hook (`shibokensupport.feature`) asks whether
    the new module mentions "PySide6", to know if its `__feature__` switches apply.
    It asks `inspect.getsource`, which goes through `linecache`: 144 modules before the
    first paint cost about 12 ms, and their text stays in memory. Reading the file's
    bytes answers the same question, the same way, in a fraction of that. Modules
    without a source file get PySide's own answer. If a PySide release no longer has
    the hook, nothing is changed and the log says so."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        log.warning("PySide's feature hook was not found; its source check is left as it is")
        return
    if getattr(original, "reads_the_file", False):
        return

    def mentions_pyside(module: ModuleType) -> bool:
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if not (isinstance(origin, str) and origin.endswith(".py")):
            return bool(original(module))
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mentions_pyside.reads_the_file = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]


class AfterFirstPaint(QObject):
    """Work put off until the window's first page is on screen, run once, in order, one
    task per turn of the event loop (together they held the window's thread 100 ms and
    more: marking the page's words, starting the search index, the collector's pass).

    `painted` is the signal of the view whose first paint counts. `done` is emitted
    after the last task has run."""

    done = Signal()

    def __init__(self, painted: SignalInstance, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("afterFirstPaint")
        self._tasks: list[Callable[[], None]] = []
        self._started = False
        self._ran = False
        painted.connect(self._run_soon)
        QTimer.singleShot(FIRST_PAINT_LATEST_MS, self, self._run)

    @property
    def ran(self) -> bool:
        """Every task has run."""
        return self._ran

    def defer(self, task: Callable[[], None]) -> None:
        """Run `task` after the first paint (at once, if every task has run already)."""
        if self._ran:
            task()
        else:
            self._tasks.append(task)

    def _run_soon(self) -> None:
        # Not inside the paint event that reported the paint, but just after it.
        QTimer.singleShot(0, self, self._run)

    def _run(self) -> None:
        if self._started:
            return
        self._started = True
        self._next()

    def _next(self) -> None:
        if self._tasks:
            self._tasks.pop(0)()
        if self._tasks:
            QTimer.singleShot(0, self, self._next)
            return
        self._ran = True
        self.done.emit()


# -- Whoosh, imported light --------------------------------------------------------------
#
# Whoosh imports `urllib.request` (for a download helper this offline reader never
# calls) and, through `cached_property`, `asyncio`: together about 10 MB of resident
# memory and 25 ms. It imports `hashlib` for MD5 alone, and hashlib maps OpenSSL's
# libcrypto (3.4 MB): Python's own MD5 gives the same digests. Its English word
# variations (`whoosh.lang.morph_en`, 0.4 MB) serve a query type the reader never
# builds: it has its own stems (reader/search/text.py). Measured together: 14 MB, a
# sixth of the window's memory, which is why this one stand-in is kept.
#
# The stand-ins are lent only while Whoosh's modules execute, on the main thread, where
# nothing else can import meanwhile; then `sys.modules` gets the real modules back (a
# test proves it). Whoosh keeps its references: its `urlretrieve` refuses (no
# network), `cached_property` only asks whether a function is a coroutine, which
# `inspect` answers, `md5` is Python's own, and `variations` offers just the word.


def _no_network(*_args: object, **_kwargs: object) -> None:
    raise OSError("Handbook Reader never uses the network")


def _only_the_word(word: str) -> set[str]:
    return {word}


def _stand_in(name: str, **attributes: object) -> ModuleType:
    module = ModuleType(name, "A light stand-in lent while Whoosh loads (reader/ui/startup).")
    module.__dict__.update(attributes)
    return module


def _stand_ins() -> list[ModuleType]:
    modules = [
        _stand_in("urllib.request", urlretrieve=_no_network),
        _stand_in(
            "asyncio", iscoroutinefunction=inspect.iscoroutinefunction, ensure_future=_no_network
        ),
        _stand_in("whoosh.lang.morph_en", variations=_only_the_word),
    ]
    try:
        from _md5 import md5  # Python's own MD5, no OpenSSL
    except ImportError:
        return modules
    return [*modules, _stand_in("hashlib", md5=md5)]


@contextmanager
def _whoosh_stand_ins() -> Iterator[None]:
    """Lend the stand-ins for the imports inside the block; modules already imported
    are left alone, and every lent one is taken back, whatever happens."""
    lent = [m for m in _stand_ins() if sys.modules.setdefault(m.__name__, m) is m]
    try:
        yield
    finally:
        for module in lent:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]


def import_search_engine() -> None:
    """Import Whoosh and the reader's search modules, light. Call on the main thread.

    If the light import fails (a Whoosh release that needs more of a stand-in), say so
    loudly and import the ordinary way: search must work either way."""
    try:
        with _whoosh_stand_ins():
            _import_search_modules()
    except Exception:
        log.warning("light import of Whoosh failed; importing it whole", exc_info=True)
        half_done = ("whoosh", "whoosh.", "reader.search")
        for name in [n for n in sys.modules if n.startswith(half_done)]:
            del sys.modules[name]
        _import_search_modules()


def _import_search_modules() -> None:
    # The codec too: opening an index would otherwise import it after the block.
    import whoosh.codec.whoosh3  # noqa: F401

    import reader.search.engine  # noqa: F401


def show_first_page(window: MainWindow, start: Callable[[], None]) -> None:
    """Show the first page as soon as possible, and put off the rest of start-up until
    it is painted: the collector resumes, sources are dropped, and glossary words are
    marked (the page appears about 10 ms sooner unmarked). The reader's choice of
    marking is kept."""
    deferred = window.after_first_paint
    deferred.defer(resume_collector)
    deferred.defer(forget_module_sources)
    marking = window.preferences.mark_terms
    window.preferences.mark_terms = False
    try:
        start()
    finally:
        window.preferences.mark_terms = marking
    if marking:
        deferred.defer(lambda: _mark_terms_unless_turned_off(window))


def _mark_terms_unless_turned_off(window: MainWindow) -> None:
    if window.preferences.mark_terms:
        window.comfort.set_mark_terms(True)
