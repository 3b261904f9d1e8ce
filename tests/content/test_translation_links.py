"""A translation with a chapter not translated yet: the main language's chapter is shown
in its place, and links between it and the translated chapters still lead somewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.check import check_handbook
from reader.content.render import render_chapter
from reader.handbook.languages import load_handbook_in

MISSING = "if-it-does-not-work"


def _partly_translated(handbook_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "handbook"
    shutil.copytree(handbook_dir, copy)
    (copy / "es" / "chapters" / f"{MISSING}.md").unlink()
    return copy


def test_links_cross_between_translated_and_untranslated_chapters(
    handbook_dir: Path, tmp_path: Path
) -> None:
    spanish = load_handbook_in(_partly_translated(handbook_dir, tmp_path), "es")
    untranslated = spanish.chapter(MISSING)
    translated = spanish.chapter("risks")
    assert untranslated is not None and translated is not None
    assert "section:risks" in render_chapter(spanish, untranslated)  # into the translation
    assert f"section:{MISSING}" in render_chapter(spanish, translated)  # and back
    link_problems = [p for p in check_handbook(spanish) if "link" in p.message]
    assert link_problems == []
