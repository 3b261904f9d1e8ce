"""reader/ui/startup.py: what start-up puts off until the first paint, and the one
stand-in it lends another library, in real processes and the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.startup import AfterFirstPaint
from tests.support import run_python


def test_whoosh_loads_light_and_lends_nothing_to_later_imports(tmp_path: Path) -> None:
    """The stand-ins keep OpenSSL, asyncio and urllib.request out while Whoosh loads; an
    index built and read with Python's own MD5 answers; and every later import gets the
    real module, not a stand-in."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.ui.startup import import_search_engine\n"
        "import_search_engine()\n"
        "print(*(name in sys.modules for name in ('_hashlib', 'asyncio', 'urllib.request')))\n"
        "from reader.handbook import load_handbook\n"
        "from reader.paths import bundled_handbook_dir\n"
        "from reader.search.engine import SearchIndex\n"
        "handbook = load_handbook(bundled_handbook_dir())\n"
        f"SearchIndex.open_or_build(handbook, Path({str(tmp_path)!r})).close()\n"
        f"index = SearchIndex.open_or_build(handbook, Path({str(tmp_path)!r}))\n"
        "print(index.rebuilt, len(index.search('bone marrow transplant').hits) > 0)\n"
        "import asyncio, hashlib, urllib.request\n"
        "print(hashlib.sha256(b'').hexdigest()[:8], callable(asyncio.run),\n"
        "      callable(urllib.request.urlopen), 'stand-in' in (hashlib.__doc__ or ''))\n"
    )
    done = run_python(["-c", probe], home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        *["False", "False", "False"],
        *["False", "True"],
        *["e3b0c442", "True", "True", "False"],
    ]


def test_the_window_paints_its_first_page_without_openssl(tmp_path: Path) -> None:
    """Loading OpenSSL's libcrypto costs a start 3.3 MB of resident memory: the window
    reaches its first page without it (hashing waits until a key or a pack is used)."""
    probe = (
        "import sys\n"
        "from reader.cli import parse_arguments\n"
        "from reader.paths import bundled_handbook_dir\n"
        "from reader.ui.app import open_session\n"
        "session = open_session(parse_arguments([]), bundled_handbook_dir())\n"
        "def painted():\n"
        "    print('_hashlib' in sys.modules, 'libcrypto' in open('/proc/self/maps').read())\n"
        "    session.app.quit()\n"
        "session.window.content.first_painted.connect(painted)\n"
        "session.app.exec()\n"
    )
    done = run_python(["-c", probe], home=tmp_path / "home",
                      extra_env={"QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_deferred_work_runs_once_in_order_after_the_paint(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject, Signal

    class View(QObject):
        painted = Signal()

    view = View()
    deferred = AfterFirstPaint(view.painted, view)
    ran: list[str] = []
    deferred.defer(lambda: ran.append("first"))
    deferred.defer(lambda: ran.append("second"))
    assert ran == []
    with qtbot.waitSignal(deferred.done, timeout=5000):
        view.painted.emit()
    view.painted.emit()
    deferred.defer(lambda: ran.append("late"))  # after the paint: at once
    assert ran == ["first", "second", "late"]


def test_pyside_source_check_reads_files_and_answers_as_pyside_did(tmp_path: Path) -> None:
    """After `before_window_modules`, PySide still learns which modules mention it (0)
    and which do not (-1), for a module imported later, without `linecache` keeping the
    source; a module without a file still gets PySide's own answer."""
    (tmp_path / "uses_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "plain_module.py").write_text("X = 1\n", encoding="utf-8")
    probe = (
        "import sys, linecache\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "from reader.ui.startup import before_window_modules\n"
        "before_window_modules()\n"
        "import uses_qt, plain_module, _bisect\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "seen = feature.pyside_feature_dict\n"
        "print(seen['uses_qt'], seen['plain_module'], seen['_bisect'])\n"
        "print(any(name.endswith(('uses_qt.py', 'plain_module.py')) for name in linecache.cache))\n"
        "print(feature._mod_uses_pyside.reads_the_file)\n"
    )
    done = run_python(["-c", probe], home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "-1", "-1", "False", "True"]


def test_the_window_thread_gets_pythons_lock_back_within_half_a_millisecond() -> None:
    """A language switch stalled 258-275 ms while a worker built the new language's
    index: each of the window's short Python callbacks waited up to Python's 5 ms turn.
    The app shortens the turn (tests/bench/stall_bench.py: 107-113 ms)."""
    import sys

    from reader.ui.startup import LOCK_TURN_S, window_thread_first

    before = sys.getswitchinterval()
    try:
        window_thread_first()
        assert sys.getswitchinterval() == pytest.approx(LOCK_TURN_S)
        assert LOCK_TURN_S <= 0.001
    finally:
        sys.setswitchinterval(before)


def test_deferred_work_runs_one_task_per_turn_of_the_event_loop(qtbot: QtBot) -> None:
    """Together the deferred tasks held the window's thread 100 ms and more after a new
    window's first paint: now the window answers between any two of them."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class View(QObject):
        painted = Signal()

    view = View()
    deferred = AfterFirstPaint(view.painted, view)
    ran: list[str] = []
    deferred.defer(lambda: QTimer.singleShot(0, lambda: ran.append("the window")))
    deferred.defer(lambda: ran.append("second task"))
    with qtbot.waitSignal(deferred.done, timeout=5000):
        view.painted.emit()
    assert ran == ["the window", "second task"]
