"""The reader never reaches the network: every command-line flow runs with network
sockets made to fail loudly, in this process and in real processes, and nothing tries.

Python's sockets are the only way our code could reach the network (Qt's networking
lives in QtNetwork, which must never even be imported); so both are watched.
"""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from reader.cli import main
from tests.support import QT_NETWORK, run_python

NETWORK_LOG_ENV = "HANDBOOK_READER_NETWORK_LOG"

# The same guard for a real process: Python imports `sitecustomize` from the first
# folder on PYTHONPATH at start-up, before any of our code runs.
SITECUSTOMIZE = '''"""Written by tests/test_offline.py: network use is written down and refused."""
import atexit
import errno
import os
import socket
import sys

_LOG = os.environ["HANDBOOK_READER_NETWORK_LOG"]


def _note(line):
    with open(_LOG, "a", encoding="utf-8") as stream:
        stream.write(line + "\\n")


def _refuse(name):
    def refused(*args, **kwargs):
        shown = [a for a in args if not isinstance(a, socket.socket)]
        _note("attempt " + name + repr(tuple(shown)))
        raise OSError(errno.ENETUNREACH, "network use is forbidden in this test")
    return refused


for _name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, _name, _refuse("socket." + _name))
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
    setattr(socket, _name, _refuse(_name))


def _at_exit():
    loaded = "PySide6.QtNetwork" in sys.modules
    _note("QtNetwork loaded" if loaded else "QtNetwork not loaded")


atexit.register(_at_exit)
_note("guard installed")
'''
CLEAN_RUN = ["guard installed", "QtNetwork not loaded"]


def guarded_run(
    argv: list[str], tmp_path: Path, home: Path, extra_env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run `python argv` with the network guard installed; the result and the guard's log."""
    guard = tmp_path / "guard"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network.log"
    log.unlink(missing_ok=True)
    result = run_python(
        argv,
        home=home,
        first_on_path=[guard],
        extra_env={NETWORK_LOG_ENV: str(log), "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})},
    )
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return result, lines


# --- the guards themselves catch a connection (so the tests below can fail) ------------


def test_guard_in_this_process_records_and_refuses_a_connection(
    network_attempts: list[str],
) -> None:
    with pytest.raises(OSError, match="forbidden"):
        urllib.request.urlopen("http://192.0.2.1/handbook.md", timeout=1)
    assert network_attempts and network_attempts[0].startswith("create_connection")


def test_guard_in_a_real_process_records_and_refuses_a_connection(
    tmp_path: Path, user_home: Path
) -> None:
    script = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"
    result, log = guarded_run(["-c", script], tmp_path, user_home)
    assert result.returncode != 0
    assert "forbidden" in result.stderr
    assert log[0] == "guard installed"
    assert log[1].startswith("attempt create_connection(('192.0.2.1', 80)")


# --- every command-line flow, in this process ----------------------------------------


def test_every_command_in_this_process_stays_offline(
    network_attempts: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "how-it-works.pdf"
    flows = [
        ["toc", "--json"],
        ["show", "how-it-works"],
        ["show", "how-it-works", "--format", "html"],
        ["search", "lentivirus"],
        ["search", "leukemai", "--json"],
        ["glossary", "GVHD"],
        ["glossary", "--json"],
        ["check"],
        ["export-pdf", str(out), "--chapter", "how-it-works", "--glossary"],
    ]
    for argv in flows:
        allowed = (0, 1) if argv[0] == "check" else (0,)  # check may find problems
        assert main(argv) in allowed, argv
    output = capsys.readouterr().out
    assert "lentivirus" in output.lower() and "GVHD" in output
    assert out.stat().st_size > 1000
    assert network_attempts == []
    assert QT_NETWORK not in sys.modules


# --- every command-line flow, and the window's start-up, in real processes ----------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["toc"], "how-it-works"),
        (["show", "how-it-works", "--format", "html"], "<h1"),
        (["search", "leukemai", "--json"], '"suggestion": "leukemia"'),
        (["glossary", "episome"], "Episome"),
        (["export-pdf", "{out}", "--chapter", "how-it-works"], "Wrote "),
    ],
    ids=["toc", "show", "search", "glossary", "export-pdf"],
)
def test_command_in_a_real_process_stays_offline(
    tmp_path: Path, user_home: Path, argv: list[str], expected: str
) -> None:
    argv = [arg.replace("{out}", str(tmp_path / "out.pdf")) for arg in argv]
    result, log = guarded_run(["-m", "reader", *argv], tmp_path, user_home)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert log == CLEAN_RUN


def test_window_start_up_in_a_real_process_stays_offline(tmp_path: Path, user_home: Path) -> None:
    """The window, its first paint and everything put off until after it (Whoosh, the
    search index) touch no network."""
    report = tmp_path / "first-paint.txt"
    window_run = str(Path(__file__).parent / "helpers" / "window_run.py")
    result, log = guarded_run([window_run, str(report)], tmp_path, user_home)
    assert result.returncode == 0, result.stderr
    assert report.is_file(), "the window was never painted"
    assert log == CLEAN_RUN
