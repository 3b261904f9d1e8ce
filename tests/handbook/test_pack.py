"""`pack FOLDER OUT.handbook` (#22): one file that opens as its folder does, read-only.

The real handbook (both languages) and an MkDocs project are packed; `toc --json`,
`search --json`, the PDF's text and `check` must be the same from the file as from
the folder; the file carries no search index, and the reader's own cache gets one."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.bookmarks.model import handbook_key
from reader.handbook.gate import read_bytes
from reader.handbook.languages import load_handbook_in
from reader.handbook.pictures import read_picture
from reader.paths import UserDirs
from reader.pdf.compose import PdfRequest, export_pdf
from reader.search.index import open_or_build_index
from tests.helpers.mkdocs_project import write_mkdocs_project
from tests.support import run_cli

QUERIES = ["bone marrow", "lentivirus", "leukaemia risk", "transplnat", "gene"]
SPANISH_QUERIES = ["trasplante de medula", "riesgos", "virus"]


def pack(capsys: pytest.CaptureFixture[str], folder: Path, out: Path) -> Path:
    code, printed, err = run_cli(capsys, "pack", str(folder), str(out))
    assert (code, err) == (0, ""), err
    assert printed.startswith(f"Wrote {out} (")
    return out


@pytest.fixture(scope="module")
def packed_handbook(handbook_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook packed once for the module (both languages are read back)."""
    from reader.cli import main

    out = tmp_path_factory.mktemp("packed") / "gene-therapy.handbook"
    assert main(["pack", str(handbook_dir), str(out)]) == 0
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_mkdocs_project(tmp_path / "clinic-docs")


def json_of(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = run_cli(capsys, *argv)
    assert (code, err) == (0, ""), err
    return json.loads(out)


def pdf_pages(handbook_path: Path, out: Path) -> tuple[str, list[bytes]]:
    """The printout's text and each page's drawing (pictures included)."""
    handbook = load_handbook_in(handbook_path, "en")
    export_pdf(handbook, PdfRequest("all"), out, printed_on=date(2026, 1, 15))
    pages = PdfReader(out).pages
    drawn = [page.get_contents().get_data() for page in pages]  # type: ignore[union-attr]
    return "\n".join(page.extract_text() for page in pages), drawn


def test_packing_the_same_folder_twice_gives_the_same_bytes(
    handbook_dir: Path, packed_handbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    again = pack(capsys, handbook_dir, tmp_path / "again.handbook")
    assert again.read_bytes() == packed_handbook.read_bytes()


@pytest.mark.parametrize("language", ["en", "es"])
def test_packed_handbook_lists_the_same_contents_as_its_folder(
    handbook_dir: Path, packed_handbook: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = json_of(capsys, "--handbook", str(handbook_dir), "--lang", language, "toc", "--json")
    packed = json_of(
        capsys, "--handbook", str(packed_handbook), "--lang", language, "toc", "--json"
    )
    assert packed == folder
    assert isinstance(folder, dict) and len(folder["chapters"]) > 10


@pytest.mark.parametrize(
    ("language", "query"),
    [("en", q) for q in QUERIES] + [("es", q) for q in SPANISH_QUERIES],
)
def test_packed_handbook_finds_the_same_sections_as_its_folder(
    handbook_dir: Path,
    packed_handbook: Path,
    language: str,
    query: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["--lang", language, "search", query, "--json", "--limit", "8"]
    folder = json_of(capsys, "--handbook", str(handbook_dir), *argv)
    packed = json_of(capsys, "--handbook", str(packed_handbook), *argv)
    assert packed == folder
    assert isinstance(folder, dict) and folder["results"]


def test_packed_search_index_is_built_in_the_user_cache_and_nothing_is_written_beside(
    packed_handbook: Path, user_dirs: UserDirs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pack carries no index (an index is pickled code): the reader builds one from
    the pack's text into its own cache, once, and writes nothing beside the file."""
    before = sorted(packed_handbook.parent.iterdir())
    stamp = packed_handbook.stat().st_mtime_ns
    for language in ("en", "es"):
        handbook = load_handbook_in(packed_handbook, language)
        opened = open_or_build_index(handbook, user_dirs.cache)
        assert opened.location is not None and opened.rebuilt
        assert opened.location.is_relative_to(user_dirs.cache / "search")
        opened.index.close()
        again = open_or_build_index(handbook, user_dirs.cache)  # the second time: kept
        assert (again.location, again.rebuilt) == (opened.location, False)
        again.index.close()
    json_of(capsys, "--handbook", str(packed_handbook), "search", "gene", "--json")
    assert run_cli(capsys, "--handbook", str(packed_handbook), "check")[0] == 0
    assert sorted(packed_handbook.parent.iterdir()) == before
    assert packed_handbook.stat().st_mtime_ns == stamp


def test_a_pack_holds_only_the_handbook_and_its_checksum_list(packed_handbook: Path) -> None:
    with zipfile.ZipFile(packed_handbook) as archive:
        names = archive.namelist()
    assert names == sorted(names) and "CHECKSUMS.sha256" in names
    assert all(n.startswith("handbook/") for n in names if n != "CHECKSUMS.sha256")


def test_packed_handbook_prints_the_same_pdf_text_as_its_folder(
    handbook_dir: Path, packed_handbook: Path, tmp_path: Path
) -> None:
    folder_text, folder_drawn = pdf_pages(handbook_dir, tmp_path / "folder.pdf")
    packed_text, packed_drawn = pdf_pages(packed_handbook, tmp_path / "packed.pdf")
    assert packed_text == folder_text
    assert "Glossary" in packed_text
    assert packed_drawn == folder_drawn  # the same pictures, drawn the same way


def test_packed_pictures_and_bookmark_key_are_the_folders(
    handbook_dir: Path, packed_handbook: Path
) -> None:
    folder = load_handbook_in(handbook_dir, "es")
    packed = load_handbook_in(packed_handbook, "es")
    assert handbook_key(packed) == handbook_key(folder)
    for name in ("pictures/ex-vivo-steps.svg", "es/pictures/ex-vivo-steps.svg"):
        from_folder = read_picture(handbook_dir, handbook_dir / name)
        from_file = read_picture(packed_handbook, packed_handbook / name)
        assert from_file == from_folder
    outside = read_bytes(packed_handbook, packed_handbook / "../gene-therapy.handbook")
    assert not isinstance(outside, bytes)


def test_check_on_a_packed_handbook_finds_what_it_finds_in_the_folder(
    handbook_dir: Path, packed_handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--handbook", str(packed_handbook), "check")
    assert (code, err) == (0, "")
    assert out == run_cli(capsys, "--handbook", str(handbook_dir), "check")[1]


def test_packed_mkdocs_project_matches_its_folder(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    packed = pack(capsys, project / "mkdocs.yml", tmp_path / "clinic.handbook")
    for argv in (["toc", "--json"], ["search", "wound", "--json"], ["search", "visitng"]):
        folder_out = run_cli(capsys, "--handbook", str(project), *argv)
        assert run_cli(capsys, "--handbook", str(packed), *argv) == folder_out
    text = run_cli(capsys, "--handbook", str(packed), "toc")[1]
    assert "\nExtensions\n\n  Table of Contents  [ext-toc]\n" in text
    assert pdf_pages(packed, tmp_path / "p.pdf") == pdf_pages(project, tmp_path / "f.pdf")


def test_toc_text_puts_chapters_under_their_nav_sections(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "--handbook", str(project), "toc")
    assert code == 0
    assert out.startswith("Clinic Guide\n\nWelcome  [index]\n")
    expected = (
        "\nExtensions\n\n  Table of Contents  [ext-toc]\n    Usage  [ext-toc/usage]\n"
        "\n  Attribute Lists  [ext-attr]\n"
    )
    assert expected in out
    assert "\n  Deeper\n\n    Notes deep down  [ext-deep-notes]\n" in out
    assert "\nUnlisted page  [zz-unlisted]\n" in out  # after the nav: no section


def test_pack_refuses_a_name_without_the_suffix_and_a_missing_folder(
    handbook_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "pack", str(handbook_dir), str(tmp_path / "book.zip"))
    assert (code, out) == (2, "") and err.count("\n") == 1 and ".handbook" in err
    code, _, err = run_cli(capsys, "pack", str(tmp_path / "none"), str(tmp_path / "b.handbook"))
    assert code == 2 and err.count("\n") == 1 and "No handbook folder" in err
    assert not (tmp_path / "b.handbook").exists()


def test_pack_leaves_out_links_out_of_the_folder_and_says_so(
    write_handbook: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "chapters" / "a.md").write_text("# A\n\nSafe words.\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for packing", encoding="utf-8")
    (folder / "chapters" / "b.md").symlink_to(secret)
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("x", encoding="utf-8")
    out = tmp_path / "book.handbook"
    code, _, err = run_cli(capsys, "pack", str(folder), str(out))
    assert code == 0
    assert err.startswith("left out: ") and "outside" in err
    assert b"not for packing" not in out.read_bytes()
    assert b".git" not in out.read_bytes()


def test_a_packed_plain_folder_keeps_its_folders_bookmark_key(
    gene_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    packed = pack(capsys, gene_book, tmp_path / f"{gene_book.name}.handbook")
    folder = load_handbook_in(gene_book, None)
    assert not folder.has_manifest
    assert handbook_key(load_handbook_in(packed, None)) == handbook_key(folder)


@pytest.mark.parametrize(
    "argv",
    [
        ["glossary", "--json"],
        ["glossary", "vector"],
        ["show", "how-it-works", "--format", "html"],
        ["--lang", "es", "show", "risks", "--format", "text"],
    ],
)
def test_packed_handbook_shows_and_explains_as_its_folder_does(
    handbook_dir: Path, packed_handbook: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_cli(capsys, "--handbook", str(handbook_dir), *argv)
    assert folder[0] == 0 and folder[1]
    assert run_cli(capsys, "--handbook", str(packed_handbook), *argv) == folder
