"""Rendered pages kept between runs (reader/content/page_store.py): the next start shows its
first page without Markdown, a changed handbook is never shown stale, and a broken or
unwritable cache only means rendering again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.content.page_store import FINGERPRINT_FILE, PageStore
from reader.content.pages import Pages
from reader.handbook import load_handbook
from tests.support import run_python


@pytest.fixture
def book(tmp_path: Path, handbook_dir: Path) -> Path:
    """A copy of the bundled handbook that a test may change."""
    return Path(shutil.copytree(handbook_dir, tmp_path / "handbook"))


def test_a_page_rendered_once_comes_back_from_disk_in_the_next_run(
    book: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    handbook = load_handbook(book)
    first_id = handbook.reading_chapters[0].id
    rendered = Pages(handbook, PageStore(cache, book)).chapter_html(first_id, mark_terms=True)
    assert 'class="term"' in rendered  # the marked page was stored, terms and all

    again = PageStore(cache, book)
    assert again.get(first_id, marked=True) == rendered
    assert again.get(first_id, marked=False) is None  # never rendered unmarked
    assert Pages(load_handbook(book), again).chapter_html(first_id) == rendered


def test_a_changed_chapter_is_rendered_afresh_never_shown_stale(book: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    handbook = load_handbook(book)
    chapter = handbook.reading_chapters[0]
    Pages(handbook, PageStore(cache, book)).chapter_html(chapter.id)
    chapter.path.write_text(chapter.markdown + "\n\nA sentence added today.\n", encoding="utf-8")
    os.utime(chapter.path, ns=(1, 1))  # even with an old modification time: size differs

    store = PageStore(cache, book)
    assert store.get(chapter.id, marked=True) is None
    fresh = Pages(load_handbook(book), store).chapter_html(chapter.id)
    assert "A sentence added today." in fresh
    assert PageStore(cache, book).get(chapter.id, marked=True) == fresh


def test_a_new_picture_file_also_invalidates_the_pages(book: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    handbook = load_handbook(book)
    chapter_id = handbook.reading_chapters[0].id
    Pages(handbook, PageStore(cache, book)).chapter_html(chapter_id)
    (book / "pictures" / "extra.svg").write_text("<svg/>", encoding="utf-8")
    assert PageStore(cache, book).get(chapter_id, marked=True) is None


def test_the_first_page_from_the_store_needs_no_markdown(book: Path, tmp_path: Path) -> None:
    """The point of the store: a start with a stored page never imports Markdown."""
    cache = tmp_path / "cache"
    handbook = load_handbook(book)
    chapter_id = handbook.reading_chapters[0].id
    Pages(handbook, PageStore(cache, book)).chapter_html(chapter_id, mark_terms=False)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.handbook import load_handbook\n"
        "from reader.content.page_store import PageStore\n"
        "from reader.content.pages import Pages\n"
        f"book = Path({str(book)!r})\n"
        f"pages = Pages(load_handbook(book), PageStore(Path({str(cache)!r}), book))\n"
        f"html = pages.chapter_html({chapter_id!r}, mark_terms=False)\n"
        "print(len(html) > 1000, 'markdown' in sys.modules, 'nh3' in sys.modules)\n"
    )
    done = run_python(["-c", probe], home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "False"]


def test_a_damaged_store_is_ignored_and_repaired(book: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    handbook = load_handbook(book)
    chapter_id = handbook.reading_chapters[0].id
    good = Pages(handbook, PageStore(cache, book)).chapter_html(chapter_id)
    store = PageStore(cache, book)
    (store.folder / FINGERPRINT_FILE).write_bytes(b"\xff\xfe not text")
    (store.folder / f"{chapter_id}.marked.html").write_bytes(b"\xff\xfe")

    damaged = PageStore(cache, book)
    assert damaged.get(chapter_id, marked=True) is None
    assert Pages(load_handbook(book), damaged).chapter_html(chapter_id) == good
    assert PageStore(cache, book).get(chapter_id, marked=True) == good


def test_an_unwritable_cache_still_shows_every_page(book: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    handbook = load_handbook(book)
    pages = Pages(handbook, PageStore(blocked, book))
    for chapter in handbook.chapters:
        assert chapter.title in pages.chapter_html(chapter.id)
    assert blocked.read_text(encoding="utf-8").startswith("a file")


def test_two_handbook_folders_keep_separate_pages(book: Path, tmp_path: Path) -> None:
    other = Path(shutil.copytree(book, tmp_path / "other"))
    chapter = load_handbook(other).reading_chapters[0]
    chapter.path.write_text("# Only in the other copy\n\nHello.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = Pages(load_handbook(book), PageStore(cache, book)).chapter_html(chapter.id)
    second = Pages(load_handbook(other), PageStore(cache, other)).chapter_html(chapter.id)
    assert "Only in the other copy" in second and "Only in the other copy" not in first
    assert PageStore(cache, book).get(chapter.id, marked=True) == first


def test_unknown_chapters_still_raise_key_error(book: Path, tmp_path: Path) -> None:
    pages = Pages(load_handbook(book), PageStore(tmp_path / "cache", book))
    with pytest.raises(KeyError):
        pages.chapter_html("no-such-chapter")


def test_the_fingerprint_covers_the_rendering_code_and_libraries(book: Path) -> None:
    """An upgraded Markdown or nh3, or a new build of the app, shows no stale page."""
    import markdown
    import nh3

    from reader.content.page_store import fingerprint

    text = fingerprint(book)
    for module in (markdown, nh3):
        assert (
            f"{Path(str(module.__file__)).name} {Path(str(module.__file__)).stat().st_size}" in text
        )
    assert "code content/render.py " in text and "program " in text
    # every module of the rendering packages, not a hand-kept list: ids come from ids.py
    assert "code handbook/ids.py " in text and "code content/marking.py " in text
    assert "file chapters/" in text and "file handbook.toml " in text
