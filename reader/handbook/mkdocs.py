"""MkDocs projects opened as they are: `mkdocs.yml` gives the title, folder and order.

`site_name` is the handbook's title, `docs_dir` (default `docs`) holds the pages, and
`nav` gives the chapter order and titles, nested sections included. Without a nav,
every page is a chapter, each folder's index first, as MkDocs lists them. With one,
pages the nav leaves out follow it (MkDocs still builds them, and links reach them).
Nav entries that lead to a missing page or a folder (often one a plugin generates
at build time) become problems on the mkdocs.yml line that names them, never a crash.
`docs_dir` must lead to a folder inside the project: `docs_dir: /` would otherwise
walk the whole disk, and `check` list names of files that are none of its business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.handbook.chapters import ORDER_PREFIX, parse_chapter, title_from_file_name
from reader.handbook.frontmatter import load_yaml
from reader.handbook.gate import (
    NUL_IN_NAME,
    folder_entries,
    is_dir,
    is_file,
    read_text,
    real_path,
    real_root,
)
from reader.handbook.ids import slugify
from reader.handbook.lines import LineIndex
from reader.handbook.model import Chapter, Handbook, HandbookError
from reader.problems import Problem

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
_PAGE_SUFFIXES = (".md", ".markdown")
_INDEX_STEMS = ("index", "readme")
_EXTERNAL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
MAX_PAGES = 5000
MAX_CONFIG_CHARS = 1024 * 1024


@dataclass(frozen=True)
class NavPage:
    """One page the project shows: its file, its nav title (if any) and nav sections."""

    path: Path
    title: str = ""
    part: tuple[str, ...] = ()


@dataclass
class _Project:
    config: Path
    text: str
    docs: Path
    root: Path
    pages: list[NavPage] = field(default_factory=list)
    listed: set[Path] = field(default_factory=set)  # the pages' paths: one set, not a scan
    problems: list[Problem] = field(default_factory=list)
    visited: int = 0
    too_deep: bool = False
    lines: LineIndex | None = None  # read once, on the first problem

    def report(self, value: str, message: str) -> None:
        if self.lines is None:
            self.lines = LineIndex(self.text)
        self.problems.append(Problem(self.config, self.lines.line_of(value), message))


def find_config(path: Path) -> Path | None:
    """The mkdocs.yml that `path` is, or that sits in the folder `path`."""
    if path.name.lower() in CONFIG_NAMES and is_file(path.parent, path):
        return path
    if is_dir(path, path):
        return next((path / n for n in CONFIG_NAMES if is_file(path, path / n)), None)
    return None


def load_mkdocs(config: Path) -> Handbook:
    """The MkDocs project whose config is `config`, as a handbook."""
    problems: list[Problem] = []
    text = read_text(config.parent, config, problems) or ""
    unreadable = ""
    try:
        data = _config_data(text)
    except ValueError as error:
        unreadable = f"{config.name} cannot be read: {error}"
        problems.append(Problem(config, 1, unreadable))
        data = {}
    root = config.parent
    docs, refused = _docs_folder(root, data.get("docs_dir", "docs"))
    if refused:
        problems.append(Problem(config, LineIndex(text).line_of("docs_dir"), refused))
    if not is_dir(root, docs):
        raise HandbookError(unreadable or refused or f"The MkDocs pages folder {docs} is missing")
    project = _Project(config, text, docs, root, problems=problems)
    nav = data.get("nav")
    if isinstance(nav, list) and nav:
        _read_nav(project, nav, ())
        project.pages += [NavPage(p) for p in _all_pages(root, docs) if p not in project.listed]
    else:
        project.pages = [NavPage(p, part=_folder_part(docs, p)) for p in _all_pages(root, docs)]
    chapters = _load_chapters(project)
    if not chapters:
        raise HandbookError(refused or f"{docs} holds no Markdown pages")
    site_name = data.get("site_name")
    title = site_name.strip() if isinstance(site_name, str) and site_name.strip() else ""
    language = _language(data)
    return Handbook(
        root=root,
        title=title or chapters[0].title,
        subtitle=str(data.get("site_description") or "").strip(),
        language=language,
        source=str(data.get("site_url") or data.get("repo_url") or "").strip(),
        chapters=chapters,
        problems=tuple(project.problems),
    )


def _config_data(text: str) -> dict[str, object]:
    """The config's settings. PyYAML reads about 250 KB a second here, and a nav of
    MAX_PAGES pages needs far less than MAX_CONFIG_CHARS: a larger file is not read."""
    if len(text) > MAX_CONFIG_CHARS:
        raise ValueError(f"it is too large (over {MAX_CONFIG_CHARS >> 20} MB)")
    data = load_yaml(text)
    return data if isinstance(data, dict) else {}


def _docs_folder(root: Path, name: object) -> tuple[Path, str]:
    """The pages folder `docs_dir` names, really (links resolved), if it is inside the
    project; else `docs`, and why `docs_dir` was refused."""
    default = real_root(root / "docs")
    if not isinstance(name, str):
        return default, "docs_dir must be the name of a folder"
    folder = real_path(root / name)
    if folder is None:
        return default, f"docs_dir is refused: its {NUL_IN_NAME}"
    if not folder.is_relative_to(real_root(root)):
        return default, f"docs_dir '{name[:80]}' is outside the project, so it is not read"
    return folder, ""


def _language(data: dict[str, object]) -> str:
    theme = data.get("theme")
    value = theme.get("language") if isinstance(theme, dict) else None
    return value if isinstance(value, str) and re.fullmatch(r"[a-z]{2}", value) else "en"


def _read_nav(project: _Project, items: list[object], part: tuple[str, ...]) -> None:
    """Walk the nav. YAML aliases can make a small file name millions of entries
    (`&a [*b, *b, ...]`), so the walk stops at MAX_PAGES entries or 20 levels."""
    if len(part) > 20:
        if not project.too_deep:
            project.report("nav", "nav is nested more than 20 levels deep")
        project.too_deep = True
        return
    for item in items:
        project.visited += 1
        if project.visited > MAX_PAGES:
            if project.visited == MAX_PAGES + 1:
                project.report(
                    "nav", f"nav has more than {MAX_PAGES} entries; the rest are left out"
                )
            return
        if isinstance(item, str):
            _nav_entry(project, "", item, part)
        elif isinstance(item, dict):
            for title, value in item.items():
                name = str(title).strip()
                if isinstance(value, list):
                    _read_nav(project, value, (*part, name))
                elif isinstance(value, str):
                    _nav_entry(project, name, value, part)
                else:
                    project.report(name, f"nav entry '{name[:60]}' names no page")
        else:
            # never repr(item): an aliased list can stand for millions of entries
            project.report("nav", f"nav entry of type {type(item).__name__} is not a page")


def _nav_entry(project: _Project, title: str, target: str, part: tuple[str, ...]) -> None:
    target = target.strip()
    if _EXTERNAL.match(target):
        return  # a web link in the menu: nothing to read
    path = real_path(project.docs / target)  # never raises, even on a loop
    if path is None:
        project.report(target, f"nav entry '{target[:80]}' is refused: its {NUL_IN_NAME}")
    elif not path.is_relative_to(project.docs):
        project.report(target, f"nav entry '{target}' is outside the pages folder")
    elif is_dir(project.root, path):
        project.report(target, f"nav entry '{target}' is a folder, not a page (built by a plugin?)")
    elif not is_file(project.root, path):
        project.report(target, f"nav entry '{target}' points to a missing page")
    elif path.suffix.lower() not in _PAGE_SUFFIXES:
        project.report(target, f"nav entry '{target}' is not a Markdown page")
    elif path not in project.listed:
        project.listed.add(path)
        project.pages.append(NavPage(path, title, part))


def _all_pages(root: Path, docs: Path) -> list[Path]:
    """Every page as MkDocs finds them: each folder's index (or README) first, then its
    pages by name, then its subfolders; hidden files and `templates` left out."""
    pages: list[Path] = []

    def visit(folder: Path, depth: int) -> None:
        if depth > 20 or len(pages) > MAX_PAGES:
            return
        # An unreadable folder lists nothing: its pages cannot be shown anyway.
        entries = folder_entries(root, folder)
        files = [p for p, _ in entries if p.suffix.lower() in _PAGE_SUFFIXES and is_file(root, p)]
        files = [p for p in files if not p.name.startswith(".")]
        index = [p for p in files if p.stem.lower() == "index"]
        readme = [p for p in files if p.stem.lower() == "readme"] if not index else []
        others = [p for p in files if p.stem.lower() not in _INDEX_STEMS]
        pages.extend([*index, *readme, *others])
        for sub, is_folder in entries:  # links to folders are not followed
            hidden = sub.name.startswith((".", "_")) or sub.name == "templates"
            if is_folder and not hidden:
                visit(sub, depth + 1)

    visit(docs, 0)
    resolved = (real_path(p) for p in pages[:MAX_PAGES])
    # links out of the folder: no
    return [p for p in resolved if p is not None and p.is_relative_to(docs)]


def _folder_part(docs: Path, page: Path) -> tuple[str, ...]:
    folders = page.relative_to(docs).parts[:-1]
    return tuple(title_from_file_name(Path(f)) for f in folders)


def page_id(docs: Path, page: Path) -> str:
    """A chapter id from the page's place in the pages folder: `ext/toc.md` is `ext-toc`,
    `ext/index.md` is `ext`, so pages of the same name in two folders stay apart."""
    parts = list(page.relative_to(docs).with_suffix("").parts)
    if len(parts) > 1 and parts[-1].lower() in _INDEX_STEMS:
        parts.pop()
    return slugify("-".join(ORDER_PREFIX.sub("", part) for part in parts))


def _load_chapters(project: _Project) -> tuple[Chapter, ...]:
    chapters: list[Chapter] = []
    used: set[str] = set()
    for page in project.pages:
        text = read_text(project.config.parent, page.path, project.problems)
        if text is None:
            continue
        chapter_id = page_id(project.docs, page.path)
        while chapter_id in used:
            chapter_id += "-page"
        used.add(chapter_id)
        found: list[Problem] = []
        title = page.title
        chapter = parse_chapter(chapter_id, page.path, text, found, title=title)
        if not text.strip() or any("'# Title'" in p.message for p in found):
            # MkDocs names a page without a title by its file, and that is no mistake.
            found = [p for p in found if "'# Title'" not in p.message]
            if not title and chapter.title == title_from_file_name(page.path):
                chapter = parse_chapter(
                    chapter_id, page.path, text, [], title=_file_title(project.docs, page.path)
                )
        # A repeated heading is usual in other tools' docs ("Fixed" in every release
        # of a changelog): MkDocs numbers its id, and so do we, so it is no mistake.
        project.problems.extend(p for p in found if not p.message.startswith("duplicate section"))
        chapters.append(_with_part(chapter, page.part))
    return tuple(chapters)


def _file_title(docs: Path, path: Path) -> str:
    """MkDocs' title for a page with none: its file name, capitalised; "Home" at the top."""
    if path.stem.lower() in _INDEX_STEMS and path.parent == docs:
        return "Home"
    stem = path.stem if path.stem.lower() not in _INDEX_STEMS else path.parent.name
    words = ORDER_PREFIX.sub("", stem).replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Page"


def _with_part(chapter: Chapter, part: tuple[str, ...]) -> Chapter:
    return Chapter(
        chapter.id,
        chapter.title,
        chapter.path,
        chapter.markdown,
        chapter.sections,
        anchors=chapter.anchors,
        part=part,
    )
