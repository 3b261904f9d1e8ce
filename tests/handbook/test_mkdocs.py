"""Other tools' Markdown opens faithfully (#22): setext headings, front matter, meta-data,
attribute-list ids and MkDocs projects, on real folders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.check import check_handbook, format_problems
from reader.content.render import render_chapter
from reader.handbook import Handbook, load_handbook
from reader.handbook.frontmatter import split_front_matter
from reader.handbook.headings import iter_headings, plain_text
from reader.pdf.compose import export_pdf
from reader.pdf.plan import PdfRequest
from tests.conftest import WriteHandbook
from tests.helpers.mkdocs_project import write_mkdocs_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_mkdocs_project(tmp_path / "clinic-docs")


@pytest.fixture
def mkdocs_book(project: Path) -> Handbook:
    return load_handbook(project)


def test_setext_and_atx_headings_are_both_headings() -> None:
    text = "Title\n=====\n\nIntro.\n\nPart one\n--------\n\nText.\n\n## Part two ##\n"
    found = [(h.level, h.title, h.line, h.end) for h in iter_headings(text)]
    assert found == [(1, "Title", 1, 2), (2, "Part one", 6, 7), (2, "Part two", 11, 11)]


def test_rules_lists_and_code_are_not_setext_headings() -> None:
    text = "Para\n\n---\n\n- item\n---\n\n```\ncode\n----\n```\n\n    indented\n    ---\n"
    assert list(iter_headings(text)) == []


def test_inline_markdown_in_titles_becomes_plain_text() -> None:
    assert plain_text("Using the `markdown_py` Command") == "Using the markdown_py Command"
    assert plain_text("A **bold** [link](x.md) and _em_ &amp; ![pic](p.svg)") == (
        "A bold link and em & pic"
    )
    assert plain_text("snake_case_name stays") == "snake_case_name stays"


def test_yaml_front_matter_is_read_and_blanked_keeping_line_numbers() -> None:
    front = split_front_matter("---\ntitle: Hello\n---\n# Heading\n")
    assert front.title == "Hello"
    assert front.body.split("\n")[:4] == ["", "", "", "# Heading"]


def test_hostile_yaml_tags_are_ignored_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f'---\ntitle: Safe\nx: !!python/object/apply:os.system ["touch {marker}"]\n---\nBody\n'
    front = split_front_matter(text)
    assert front.title == "Safe" and front.meta["x"] is None
    assert not marker.exists()


def test_bad_front_matter_is_a_problem_not_a_crash(write_handbook: WriteHandbook) -> None:
    root = write_handbook({"a.md": "---\ntitle: [unclosed\n---\n# A\n"})
    handbook = load_handbook(root)
    assert [c.title for c in handbook.chapters] == ["A"]
    assert any("front matter cannot be read: " in p.message for p in handbook.problems)


def test_meta_data_lines_name_the_chapter_and_are_never_shown(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook({"a.md": "title: Proper title\nauthor: X\n\nBody text.\n"})
    handbook = load_handbook(root)
    chapter = handbook.chapters[0]
    assert chapter.title == "Proper title"
    html = render_chapter(handbook, chapter)
    assert "author" not in html and "Body text." in html
    assert check_handbook(handbook) == []


def test_plain_folder_opens_at_index_with_its_title(write_handbook: WriteHandbook) -> None:
    root = write_handbook(
        {"b.md": "# B\n", "index.md": "Our docs\n========\n", "README.md": "# Readme\n"}
    )
    handbook = load_handbook(root)
    assert [c.id for c in handbook.chapters] == ["index", "b"]
    assert handbook.title == "Our docs"


def test_mkdocs_project_gives_title_order_titles_and_parts(mkdocs_book: Handbook) -> None:
    book = mkdocs_book
    assert book.title == "Clinic Guide"
    assert [(c.id, c.title, c.part) for c in book.chapters] == [
        ("index", "Welcome", ()),
        ("cli", "Using the tool", ()),
        ("ext-toc", "Table of Contents", ("Extensions",)),
        ("ext-attr", "Attribute Lists", ("Extensions",)),
        ("ext-deep-notes", "Notes deep down", ("Extensions", "Deeper")),
        ("zz-unlisted", "Unlisted page", ()),  # outside nav: follows it
    ]


def test_mkdocs_sections_come_from_setext_headings_with_toc_ids(mkdocs_book: Handbook) -> None:
    cli = mkdocs_book.chapter("cli")
    assert cli is not None
    assert [(s.id, s.title, s.level) for s in cli.sections[1:]] == [
        ("cli/using-the-markdown_py-command", "Using the markdown_py Command", 2),
        ("cli/options-list", "Options", 2),
        ("cli/options", "Options", 2),
    ]
    assert "title:" not in cli.markdown and "Someone" not in cli.markdown


def test_mkdocs_links_to_setext_and_attribute_ids_survive_rendering(
    mkdocs_book: Handbook,
) -> None:
    index = render_chapter(mkdocs_book, mkdocs_book.chapters[0])
    assert 'href="section:cli/using-the-markdown_py-command"' in index
    assert 'href="section:ext-attr/custom-place"' in index
    assert "broken-link" not in index
    assert "Welcome to the clinic" not in index and "pwned" not in index
    cli = render_chapter(mkdocs_book, mkdocs_book.chapter("cli"))  # type: ignore[arg-type]
    assert '<h2 id="using-the-markdown_py-command">Using the <code>markdown_py</code>' in cli
    assert 'href="section:cli/options-list">below' in cli  # a paragraph's {: #id}
    assert "broken-link" not in cli


def test_mkdocs_check_reports_only_the_nav_problems(mkdocs_book: Handbook) -> None:
    lines = format_problems(check_handbook(mkdocs_book), mkdocs_book.root)
    assert lines == [
        "mkdocs.yml:19: nav entry 'gone.md' points to a missing page",
        "mkdocs.yml:20: nav entry 'api/' is a folder, not a page (built by a plugin?)",
    ]


def test_mkdocs_yml_itself_opens_the_project(project: Path) -> None:
    assert load_handbook(project / "mkdocs.yml").title == "Clinic Guide"


def test_mkdocs_without_nav_lists_every_page_index_first(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text("site_name: No nav\ndocs_dir: pages\n", encoding="utf-8")
    book = load_handbook(project)
    assert [c.id for c in book.chapters] == [
        "index", "cli", "zz-unlisted", "ext-attr", "ext-toc", "ext-deep-notes",
    ]  # fmt: skip
    assert book.chapter("ext-deep-notes").part == ("Ext", "Deep")  # type: ignore[union-attr]


def test_mkdocs_missing_docs_dir_is_a_handbook_error(project: Path) -> None:
    from reader.handbook import HandbookError

    (project / "mkdocs.yml").write_text("site_name: X\ndocs_dir: nowhere\n", encoding="utf-8")
    with pytest.raises(HandbookError):
        load_handbook(project)


def test_pdf_title_page_and_running_headers_carry_the_site_name(
    project: Path, tmp_path: Path
) -> None:
    long_page = project / "pages" / "ext" / "deep" / "notes.md"
    filler = "The river ran on past the mill while the valley slept under a pale sky. " * 40
    long_page.write_text(long_page.read_text() + f"\n{filler}\n" * 12, encoding="utf-8")
    mkdocs_book = load_handbook(project)
    out = tmp_path / "clinic.pdf"
    export_pdf(mkdocs_book, PdfRequest("all"), out, printed_on=date(2031, 3, 14))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    assert pages[0].startswith("Clinic Guide")
    assert "How our clinic works" in pages[0]
    notes = next(i for i, text in enumerate(pages) if text.startswith("Notes deep down"))
    unlisted = next(i for i, text in enumerate(pages) if text.startswith("Unlisted page"))
    assert unlisted > notes + 1, "the long page should fill more than one page"
    for text in pages[notes + 1 : unlisted]:  # running headers: site name and chapter title
        assert "Clinic Guide" in text and "Notes deep down" in text
    contents = pages[1]
    assert "Using the markdown_py Command" in contents and "`" not in contents
    assert PdfReader(out).metadata.title.startswith("Clinic Guide")  # type: ignore[union-attr]


def test_a_longer_fence_is_closed_only_by_the_same_fence() -> None:
    text = "````\n```\n## Not a heading\n```\n````\n\n## Heading\n"
    assert [h.title for h in iter_headings(text)] == ["Heading"]


def test_links_reach_deep_headings_quoted_headings_and_page_folders(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook(
        {
            "index.md": "# Home\n\nSee [deep](guide.md#deep-one), [quoted](guide.md#in_quote),"
            " [folder style](guide/) and [inline](guide.md#opt).\n",
            "guide.md": "# Guide\n\n## Part\n\n#### Deep one\n\n> #### in_quote\n>\n> Text.\n\n"
            "__opt__{: #opt }: an option.\n\n## Fixed\n\nA.\n\n## Fixed\n\nB.\n",
        }
    )
    (root / "mkdocs.yml").write_text("site_name: Links\ndocs_dir: .\n", encoding="utf-8")
    book = load_handbook(root)
    html = render_chapter(book, book.chapters[0])
    assert html.count('href="section:guide/part"') == 3 and 'href="section:guide"' in html
    assert check_handbook(book) == []  # repeated "Fixed" headings are usual, not mistakes
    guide = book.chapter("guide")
    assert guide is not None and guide.anchors["fixed_1"] == "fixed-2"


def test_hostile_mkdocs_yml_is_read_safely_and_quickly(tmp_path: Path) -> None:
    """Aliases that multiply (a "billion laughs" nav), deep nesting, paths out of the
    folder and a page that is a link to a file outside: problems, never a crash."""
    root = tmp_path / "hostile"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n", encoding="utf-8")
    (root / "docs" / "link.md").symlink_to(secret)
    laughs = ["a0: &a0 [index.md, index.md]"]
    laughs += [f"a{n}: &a{n} [{{S: *a{n - 1}}}, {{S: *a{n - 1}}}]" for n in range(1, 40)]
    (root / "mkdocs.yml").write_text(
        "site_name: Hostile\n" + "\n".join(laughs) + "\nnav:\n  - *a39\n  - ../../secret.md\n"
        "  - ../secret.md\n  - Deep: " + "[" * 3000 + "]" * 3000 + "\n",
        encoding="utf-8",
    )
    book = load_handbook(root)  # the deep nesting makes the YAML itself unreadable
    assert [c.id for c in book.chapters] == ["index"]
    assert any("mkdocs.yml cannot be read: " in p.message for p in book.problems)
    (root / "mkdocs.yml").write_text(
        "site_name: Hostile\n" + "\n".join(laughs) + "\nnav:\n  - S: *a39\n  - ../secret.md\n",
        encoding="utf-8",
    )
    book = load_handbook(root)  # the aliases stand for 2**40 entries: refused unbuilt
    assert [c.id for c in book.chapters] == ["index"]
    assert [p.message for p in book.problems] == [
        "mkdocs.yml cannot be read: its aliases (*name) stand for more than "
        "100,000 values and letters"
    ]
    deep = ["d0: &d0 [index.md]"] + [f"d{n}: &d{n} [{{S: *d{n - 1}}}]" for n in range(1, 40)]
    wide = [
        "w0: &w0 [" + ", ".join(["index.md"] * 100) + "]",
        "w1: &w1 [" + "{S: *w0}, " * 51 + "]",
    ]
    (root / "mkdocs.yml").write_text(
        "site_name: Hostile\n" + "\n".join(deep + wide) + "\nnav:\n  - S: *d39\n  - ../secret.md\n"
        "  - W: *w1\n",
        encoding="utf-8",
    )
    book = load_handbook(root)
    assert book.title == "Hostile"
    assert [c.id for c in book.chapters] == ["index"]  # the link out is not a page
    messages = [p.message for p in book.problems]
    assert messages == [
        "nav is nested more than 20 levels deep",
        "nav entry '../secret.md' is outside the pages folder",
        "nav has more than 5000 entries; the rest are left out",
    ]
    (root / "mkdocs.yml").write_text("nav:\n  - ../secret.md\n  - link.md\n", encoding="utf-8")
    book = load_handbook(root)
    assert [c.id for c in book.chapters] == ["index"]
    assert [p.message for p in book.problems] == [
        "nav entry '../secret.md' is outside the pages folder",
        "nav entry 'link.md' is outside the pages folder",
    ]
