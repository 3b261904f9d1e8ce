"""Plain helpers shared by several test modules: running the reader in this process or
in a real one, a small handbook with pictures, hostile chapter files, blocking the
network, and a tiny disk that fills up. Fixtures built on these live in conftest.py."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main

#: The repository root: the working folder and PYTHONPATH of every real process.
REPO = Path(__file__).resolve().parents[1]

# --- running the reader ------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`handbook-reader argv` in this process: exit code, stdout, stderr."""
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse stops this way on a usage mistake
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def run_python(
    args: Sequence[str],
    *,
    home: Path,
    first_on_path: Sequence[Path] = (),
    extra_env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python -W error args` in a real process from the repository root, with the user
    folders under `home`; `first_on_path` folders come before the repository on
    PYTHONPATH, and `extra_env` is added to the environment."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([*(str(folder) for folder in first_on_path), str(REPO)]),
        "HANDBOOK_READER_HOME": str(home),
        **(extra_env or {}),
    }
    return subprocess.run(
        [sys.executable, "-W", "error", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )


def run_reader(*argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`python -m reader argv` in a real process (logging reaches its real stderr)."""
    return run_python(["-m", "reader", *argv], home=home)


# --- tools from Debian ------------------------------------------------------------

#: CI installs the Debian tools the tests need and sets this, so a missing one fails.
REQUIRE_TOOLS_ENV = "HANDBOOK_READER_REQUIRE_TOOLS"


def require_tool(name: str, debian_package: str) -> str:
    """The tool's path; skip without it, but fail when CI says the tools are installed."""
    path = shutil.which(name)
    if path:
        return path
    reason = f"{name} is not installed (apt-get install {debian_package})"
    if os.environ.get(REQUIRE_TOOLS_ENV) == "1":
        pytest.fail(f"{reason}, and {REQUIRE_TOOLS_ENV}=1 requires it")
    pytest.skip(reason)


def run_x11_module(module: Path, screen: str = "1366x768", *pytest_args: str) -> None:
    """Run a module of tests/x11 (which the normal run does not collect) with pytest on
    a fresh Xvfb display of `screen` with `QT_QPA_PLATFORM=xcb`, and fail unless its
    tests ran and passed. No screen reader there: the session and accessibility buses
    are left out. Skips without xvfb-run (fails when CI says the tools are installed)."""
    xvfb_run = require_tool("xvfb-run", "xvfb")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)}
    for name in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON"):
        env.pop(name, None)
    command = [
        xvfb_run, "-a", "-s", f"-screen 0 {screen}x24",
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(module),
        *pytest_args,
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    report = result.stdout[-6000:] + result.stderr[-3000:]
    assert result.returncode == 0, report
    assert " passed" in result.stdout and "skipped" not in result.stdout, report


# --- handbooks -----------------------------------------------------------------------

#: A small picture that Qt can draw.
PICTURE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'  # noqa: E501

#: A two-chapter handbook with a picture in each chapter and a glossary; chapter "two"
#: has a section "two/risks" about leukemia.
GENE_BOOK: dict[str, str | bytes] = {
    "1-one.md": (
        "# One\n\nGene therapy gives a working gene.\n\n"
        "![A cell with a new gene](pictures/cell.svg)\n"
    ),
    "2-two.md": (
        "# Two\n\nLentivirus vectors carry the gene.\n\n## Risks\n\nLeukemia was seen in early"
        " trials.\n\n![The vector](pictures/vector.svg)\n"
    ),
    "glossary.toml": '[[terms]]\nterm = "Gene"\ndefinition = "A piece of DNA with one job."\n',
    "pictures/cell.svg": PICTURE_SVG,
    "pictures/vector.svg": PICTURE_SVG,
}


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write `files` (relative path: text as UTF-8, or bytes) under `root`."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def hostile_chapter_files(headings: int) -> dict[str, str | bytes]:
    """Chapter files that strain the loader: empty, not UTF-8, very long, nested 500
    levels deep, and one with `headings` sections each linking to the next (the last
    link is broken)."""
    return {
        "empty.md": "",
        "latin1.md": b"# Latin\n\ncaf\xe9 au lait\n",
        "long.md": "# Long\n\n" + "word " * 210_000 + "\n",
        "deep.md": "# Deep\n\n"
        + "".join("  " * level + "- item\n" for level in range(500))
        + "\n"
        + ">" * 500
        + " a deep quote\n",
        "heads.md": "# Heads\n\n"
        + "".join(f"## Heading {i}\n\n[next](#heading-{i + 1})\n\n" for i in range(headings)),
    }


# --- no network ----------------------------------------------------------------------

#: Qt's networking module, which the reader must never even import.
QT_NETWORK = "PySide6.QtNetwork"

# Functions that open, name-resolve or send on a network connection. `socket.socket`
# methods cover every higher-level client (http.client, urllib, ssl, smtplib, ...).
SOCKET_METHODS = ("connect", "connect_ex", "sendto")
SOCKET_FUNCTIONS = ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex")


def block_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every network call in this process fail loudly; returns the list of attempts."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: object, **kwargs: object) -> Any:
            shown = [a for a in args if not isinstance(a, socket.socket)]
            attempts.append(f"{name}{tuple(shown)!r}")
            raise OSError(errno.ENETUNREACH, f"network use is forbidden in this test ({name})")

        return refused

    for name in SOCKET_METHODS:
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in SOCKET_FUNCTIONS:
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


# --- a small disk --------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "64k") -> Iterator[bool]:
    """A tiny tmpfs on `folder` (True), or False where this machine cannot mount one."""
    folder.mkdir(exist_ok=True)
    mounted = (
        os.geteuid() == 0
        and shutil.which("mount") is not None
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=True)


def fill_disk(folder: Path, leave: int = 8 * 1024) -> None:
    """Fill a small tmpfs but for `leave` bytes."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave))
