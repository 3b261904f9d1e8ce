"""The house rules that keep the core usable without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent

# Every module outside reader/ui/: the core, which must run without a display.
CORE = sorted(
    ".".join(("reader", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py")
    if "ui" not in path.relative_to(PACKAGE).parts and path.name != "__main__.py"
)


def test_core_modules_import_no_qt_widgets() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6.QtWidgets'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core imports Qt widgets: {result.stdout}"


def test_command_line_help_needs_no_display() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--help"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
    )
    assert result.returncode == 0
    assert "toc" in result.stdout and "export-pdf" in result.stdout


def test_core_list_reaches_into_every_feature_package() -> None:
    packages = {name.split(".")[1] for name in CORE if name.count(".") >= 2}
    assert {"handbook", "content", "search", "pdf", "bookmarks", "kiosk", "commands"} <= packages


def test_no_core_module_is_two_things() -> None:
    """A module past ~400 lines holds two responsibilities (house style)."""
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 420
    }
    assert long == {}
