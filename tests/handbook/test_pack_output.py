"""`pack` never leaves a file the reader refuses (#38, defect 15): a stray file whose
name the reader would refuse in a pack (a backslash, a newline, an escape character) is
left out with one warning line each, and OUT is replaced only by a file that was read
back as the reader reads it, holding the folder's chapters; else the old OUT stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.handbook import load_handbook
from tests.support import run_cli

STRAY = ("pictures/a\\b.png", "notes\nand more.txt", "x\x1b[31mred.svg")  # not chapters


def toc_of(capsys: pytest.CaptureFixture[str], book: Path) -> object:
    code, out, err = run_cli(capsys, "--handbook", str(book), "toc", "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)["chapters"]


@pytest.fixture
def old_pack(write_handbook: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A good OUT.handbook already there, from another folder."""
    other = write_handbook({"old.md": "# Old\n\nThe old edition.\n"})  # type: ignore[operator]
    out = tmp_path / "out" / "guide.handbook"
    out.parent.mkdir()
    assert run_cli(capsys, "pack", str(other), str(out))[0] == 0
    assert load_handbook(out).chapters[0].title == "Old"
    return out


def test_stray_names_the_reader_refuses_are_left_out_and_the_pack_reads_back(
    gene_book: Path, old_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in STRAY:
        (gene_book / name).write_bytes(b"stray")
    code, out, err = run_cli(capsys, "pack", str(gene_book), str(old_pack))
    assert code == 0 and out.startswith(f"Wrote {old_pack} (")
    lines = err.splitlines()
    assert len(lines) == len(STRAY) and err.endswith("\n")
    assert all(line.startswith("left out: ") and "refuses this name" in line for line in lines)
    assert "\x1b" not in err and "a\\\\b.png" not in err and "a\\b.png" in err
    assert toc_of(capsys, old_pack) == toc_of(capsys, gene_book)  # the new pack, whole
    assert sorted(p.name for p in old_pack.parent.iterdir()) == [old_pack.name]


def test_a_pack_that_would_lose_a_chapter_never_replaces_the_old_file(
    write_handbook: object, old_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chapter named with a newline opens from the folder, but a pack cannot hold it:
    nothing is replaced, and the error is one line (the name's newline escaped)."""
    folder = write_handbook(  # type: ignore[operator]
        {"chapters/a.md": "# A\n\nAlpha.\n", "chapters/b\nc.md": "# B\n\nBeta.\n"},
        manifest='title = "Two"\nchapters = ["chapters/a.md", "chapters/b\\nc.md"]\n',
    )
    assert len(load_handbook(folder).chapters) == 2
    before = old_pack.read_bytes()
    code, out, err = run_cli(capsys, "pack", str(folder), str(old_pack))
    assert (code, out) == (1, "")
    left_out, refusal = err.splitlines()
    assert left_out.startswith("left out: ") and "b\\nc.md" in left_out
    assert refusal.startswith(f"handbook-reader: {old_pack} was not written")
    assert "would lose chapter b-c" in refusal
    assert old_pack.read_bytes() == before
    assert sorted(p.name for p in old_pack.parent.iterdir()) == [old_pack.name]
