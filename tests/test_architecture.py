"""The house rules that keep the core usable without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import reader

CORE = sorted(
    f"reader.{p.stem}" if p.parent.name == "reader" else f"reader.commands.{p.stem}"
    for p in [
        *Path(reader.__file__).parent.glob("*.py"),
        *(Path(reader.__file__).parent / "commands").glob("*.py"),
    ]
    if p.stem not in {"__main__", "__init__"}
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
