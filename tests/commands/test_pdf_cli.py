"""`handbook-reader export-pdf`: the success line, exit codes and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication

from reader.cli import main
from tests.conftest import WriteHandbook

GLOSSARY = """
[[terms]]
term = "Quokka"
definition = "Quokkadef: a small marsupial."

[[terms]]
term = "Axolotl"
definition = "Axolotldef: a salamander."
"""


@pytest.fixture
def book(write_handbook: WriteHandbook, qapp: QGuiApplication) -> Path:
    return write_handbook(
        {
            "chapters/one.md": "# One Title\n\nA quokka hops.\n\n## Two Part\n\nPlain words.\n",
            "chapters/three.md": "# Three Title\n\nMore plain words.\n",
            "glossary.toml": GLOSSARY,
        },
        manifest='title = "Cli Book"\nchapters = ["chapters/one.md", "chapters/three.md"]\n',
    )


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages).replace("\t", " ")


def test_export_prints_one_success_line(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "book.pdf"
    assert main(["--handbook", str(book), "export-pdf", str(out)]) == 0
    pages = len(PdfReader(out).pages)
    assert capsys.readouterr().out == f"Wrote {out} ({pages} pages)\n"
    assert "Axolotldef" in _text(out), "--all is the default and holds the whole glossary"


def test_repeated_sections_with_glossary_make_a_packet(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "packet.pdf"
    argv = ["--handbook", str(book), "export-pdf", str(out), "--section", "one"]
    argv += ["--section", "three", "--glossary", "--page-size", "Letter"]
    assert main(argv) == 0
    text = _text(out)
    assert "Take-home packet" in text and "Three Title" in text
    assert "Quokkadef" in text and "Axolotldef" not in text
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 612


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--chapter", "nope"], "no chapter 'nope'"),
        (["--section", "one", "--section", "one/nope"], "no section 'one/nope'"),
    ],
)
def test_unknown_ids_exit_1_with_one_line(
    book: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: list[str],
    message: str,
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--handbook", str(book), "export-pdf", str(out), *option]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert not out.exists()


def test_unwritable_target_exits_1_with_one_line(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "x.pdf"
    assert main(["--handbook", str(book), "export-pdf", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Could not write the PDF: the folder does not exist" in err


def test_runs_headless_without_a_display(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "headless.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--handbook",
            str(book),
            "export-pdf",
            str(out),
            "--chapter",
            "one",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {out} (") and result.stdout.endswith(" pages)\n")
    assert "One Title" in _text(out)
