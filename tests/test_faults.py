"""Faults the command line and the core survive: bad arguments, a damaged, locked or
unwritable search cache, a full disk, and a handbook folder that disappears.

Every failure is one plain line on stderr with a non-zero exit code, never a traceback;
a damaged cache is rebuilt without a word. Tests run as root, so a path is made
unwritable by putting a regular file where its parent folder should be.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from reader.content.pages import Pages
from reader.handbook import Handbook, load_handbook
from reader.pdf.compose import PdfExportError, PdfRequest, export_pdf
from reader.search.engine import SearchIndex
from reader.search.index import INDEX_FOLDER, META_FILE
from tests.support import fill_disk, run_cli, run_reader, small_disk


def assert_one_plain_line(err: str, *fragments: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert err.startswith("handbook-reader")
    for fragment in fragments:
        assert fragment in err, (fragment, err)


# --- the command line: one clear line for each failure -----------------------------


@pytest.mark.parametrize(
    ("argv", "code", "fragments"),
    [
        (["--handbook", "{missing}", "toc"], 2, ["No handbook folder at"]),
        (["--handbook", "{file}", "show", "one"], 2, ["No handbook folder at"]),
        (["--handbook", "{book}", "show", "nope"], 1, ["no section 'nope'", "try"]),
        (["--handbook", "{book}", "export-pdf", "{file}/out.pdf"], 1, ["Could not write the PDF"]),
        (["--handbook", "{book}", "export-pdf", "{book}"], 1, ["folder with that name"]),
        (["--handbook", "{book}", "export-pdf", "x.pdf", "--chapter", "nope"], 1, ["'nope'"]),
        (["--handbook", "{book}", "search", "gene", "--limit", "0"], 2, ["--limit must be"]),
        (["--handbook", "{book}", "search", "gene", "--limit", "x"], 2, ["--limit", "'x'"]),
        (["--handbook", "{book}", "search"], 2, ["required", "--help"]),
        (["--handbook", "{book}", "glossary", "zzyzx"], 1, ["no glossary term 'zzyzx'"]),
        (["--handbook", "{book}", "frobnicate"], 2, ["invalid choice", "--help"]),
    ],
    ids=[
        "missing-folder",
        "file-not-folder",
        "unknown-section",
        "unwritable-pdf-path",
        "pdf-path-is-a-folder",
        "unknown-chapter-to-print",
        "limit-zero",
        "limit-not-a-number",
        "search-without-words",
        "unknown-glossary-term",
        "unknown-command",
    ],
)
def test_failure_is_one_plain_line_and_a_non_zero_exit(
    capsys: pytest.CaptureFixture[str],
    gene_book: Path,
    tmp_path: Path,
    argv: list[str],
    code: int,
    fragments: list[str],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    places = {"{missing}": tmp_path / "gone", "{file}": blocker, "{book}": gene_book}
    filled = []
    for arg in argv:
        for key, value in places.items():
            arg = arg.replace(key, str(value))
        filled.append(arg)
    exit_code, out, err = run_cli(capsys, *filled)
    assert exit_code == code
    assert out == ""
    assert_one_plain_line(err, *fragments)
    assert blocker.read_text(encoding="utf-8") == "a file where a folder should be"


def test_pdf_on_a_full_disk_is_one_line_and_keeps_the_previous_file(
    capsys: pytest.CaptureFixture[str], gene_book: Path, tmp_path: Path
) -> None:
    disk = tmp_path / "usb"
    with small_disk(disk) as mounted:
        assert mounted, "these tests run as root on Linux and mount a small tmpfs"
        out = disk / "packet.pdf"
        out.write_bytes(b"previous PDF")
        fill_disk(disk)
        code, stdout, err = run_cli(capsys, "--handbook", str(gene_book), "export-pdf", str(out))
        assert (code, stdout) == (1, "")
        assert_one_plain_line(err, "Could not write the PDF: the disk is full", str(out))
        assert out.read_bytes() == b"previous PDF"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "packet.pdf"]


# --- the search cache: damaged, locked, unwritable ---------------------------------


def _index_folder(home: Path) -> Path:
    [folder] = [p for p in (home / "cache" / INDEX_FOLDER).iterdir() if not p.name.startswith(".")]
    return folder


def _biggest_file(folder: Path) -> Path:
    files = [p for p in folder.iterdir() if p.name != META_FILE and not p.name.endswith("LOCK")]
    return max(files, key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("damage", ["truncated", "garbled"])
def test_damaged_index_is_rebuilt_silently_by_the_command_line(
    gene_book: Path, user_home: Path, damage: str
) -> None:
    first = run_reader("--handbook", str(gene_book), "search", "leukemia", home=user_home)
    assert first.returncode == 0 and first.stderr == "", first.stderr
    target = _biggest_file(_index_folder(user_home))
    data = target.read_bytes()
    if damage == "truncated":
        target.write_bytes(data[: len(data) // 3])
    else:
        target.write_bytes(data[:64] + b"\xff" * 64 + data[128:])
    again = run_reader("--handbook", str(gene_book), "search", "leukemia", home=user_home)
    assert again.returncode == 0
    assert again.stderr == ""
    assert again.stdout == first.stdout
    with SearchIndex.open_or_build(load_handbook(gene_book), user_home / "cache") as index:
        assert not index.rebuilt, "the rebuilt index is sound and kept"


def test_index_locked_by_another_writer_is_still_searched(gene_book: Path, user_home: Path) -> None:
    first = run_reader("--handbook", str(gene_book), "search", "lentivirus", home=user_home)
    assert first.returncode == 0, first.stderr
    folder = _index_folder(user_home)
    files_before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    writer = FileStorage(str(folder)).open_index().writer()  # holds the Whoosh write lock
    try:
        again = run_reader("--handbook", str(gene_book), "search", "lentivirus", home=user_home)
        with SearchIndex.open_or_build(load_handbook(gene_book), user_home / "cache") as index:
            assert not index.rebuilt
            assert [hit.id for hit in index.search("lentivirus").hits][:1] == ["two"]
    finally:
        writer.cancel()
    assert again.returncode == 0 and again.stderr == ""
    assert again.stdout == first.stdout
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.name in files_before}
    assert after == files_before, "the locked index was used as it was, not rebuilt"


def test_unwritable_cache_folder_still_searches_and_says_so_once(
    gene_book: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "cache").write_text("a file where the cache folder should be", encoding="utf-8")
    result = run_reader("--handbook", str(gene_book), "search", "leukemia", "--json", home=home)
    assert result.returncode == 0
    assert '"id": "two/risks"' in result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("cannot keep the search index in") and "memory" in result.stderr
    assert (home / "cache").read_text(encoding="utf-8").startswith("a file where")


# --- the handbook folder disappears while it is open ---------------------------------


@pytest.fixture
def vanished(gene_book: Path, tmp_path: Path) -> Handbook:
    """A handbook loaded from a folder that has since been removed (a USB stick pulled)."""
    copy = tmp_path / "on-usb"
    shutil.copytree(gene_book, copy)
    handbook = load_handbook(copy)
    shutil.rmtree(copy)
    return handbook


def test_pages_of_a_vanished_folder_still_render_with_picture_text(vanished: Handbook) -> None:
    pages = Pages(vanished)
    html = pages.chapter_html("two")
    assert "Leukemia was seen in early trials" in html
    assert "[Picture: The vector]" in html
    assert "<img" not in html


def test_search_of_a_vanished_folder_still_works(vanished: Handbook, user_home: Path) -> None:
    with SearchIndex.open_or_build(vanished, user_home / "cache") as index:
        assert [hit.id for hit in index.search("leukemia").hits][:1] == ["two/risks"]


def test_pdf_of_a_vanished_folder_fails_with_a_plain_message(
    vanished: Handbook, tmp_path: Path
) -> None:
    out = tmp_path / "packet.pdf"
    with pytest.raises(PdfExportError, match="handbook folder is no longer there") as caught:
        export_pdf(vanished, PdfRequest("all"), out)
    assert str(vanished.root) in str(caught.value)
    assert not out.exists()


def test_in_memory_index_leaves_other_builds_scratch_files_alone(
    gene_book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh's own scratch folder for an in-memory build is `<tmp>/MAIN.tmp`, shared by
    every build on the computer, and the first to finish deletes it under the others
    (two readers with unwritable caches at once lost their search)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    other_build = tmp_path / "MAIN.tmp"
    other_build.mkdir()
    (other_build / "postings.tmp").write_bytes(b"another build's scratch file")
    with SearchIndex.open_or_build(load_handbook(gene_book), None) as index:
        assert [hit.id for hit in index.search("leukemia").hits][:1] == ["two/risks"]
    assert (other_build / "postings.tmp").read_bytes() == b"another build's scratch file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["MAIN.tmp", gene_book.name], (
        "no leftovers"
    )


def test_two_real_processes_building_the_index_at_once_both_answer(
    tmp_path: Path, handbook_dir: Path
) -> None:
    """Two copies of the app started together on a fresh cache (a kiosk and a desktop
    session of one account, say) both build the index; neither breaks the other."""
    import json
    from concurrent.futures import ThreadPoolExecutor

    home = tmp_path / "home"
    argv = ("--handbook", str(handbook_dir), "search", "gene therapy", "--json")
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: run_reader(*argv, home=home), range(2)))
    for run in runs:
        assert (run.returncode, run.stderr) == (0, "")
        assert json.loads(run.stdout)["results"]
    again = run_reader(*argv, home=home)
    assert json.loads(again.stdout) == json.loads(runs[0].stdout)
