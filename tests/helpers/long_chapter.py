"""A copy of the bundled handbook with one chapter grown long (about 1 MB of real
Markdown): every chapter's text again and again, each copy's headings made unique, for
the long-chapter test and the stall benchmark."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

#: The chapter that grows (its first section stays where it was).
LONG_CHAPTER = "risks"
_HEADING = re.compile(r"^(#{2,6}) +(.*?)(?: *\{#[^}]*\})? *$", re.MULTILINE)
_TITLE = re.compile(r"^# .*$", re.MULTILINE)


def _renamed(text: str, copy: int) -> str:
    """A chapter's body as copy `copy`: its own title a level-2 heading, every heading
    numbered (so its anchor is new) and no explicit ids (they would repeat)."""
    text = _HEADING.sub(lambda m: f"{m.group(1)} {m.group(2)} ({copy})", text)
    return _TITLE.sub(lambda m: f"## {m.group(0)[2:]} ({copy})", text)


def grow_chapter(source: Path, target: Path, size: int = 1_000_000) -> str:
    """Copy the handbook at `source` to `target` with LONG_CHAPTER grown to at least
    `size` characters; returns the id of the grown chapter's last section heading's
    chapter-relative slug source text (its last heading's title)."""
    shutil.copytree(source, target)
    chapters = sorted((source / "chapters").glob("*.md"))
    grown_path = target / "chapters" / f"{LONG_CHAPTER}.md"
    parts = [grown_path.read_text(encoding="utf-8")]
    copy = 0
    last = ""
    while sum(len(part) for part in parts) < size:
        copy += 1
        for chapter in chapters:
            body = _renamed(chapter.read_text(encoding="utf-8"), copy)
            parts.append(body)
            headings = _HEADING.findall(body)
            last = headings[-1][1] if headings else last
    grown_path.write_text("\n\n".join(parts), encoding="utf-8")
    return last
