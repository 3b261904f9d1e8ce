"""Markdown to safe HTML: the sanitiser lets nothing active or remote through, links
and pictures become app URLs, and the Markdown extensions the handbook uses render."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.content.render import LinkContext, markdown_to_html, render_chapter, sanitize
from reader.handbook import Handbook, load_handbook
from tests.conftest import WriteHandbook

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
UNSAFE = re.compile(r"<script|\son\w+=|javascript:|file:|<iframe|style=", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def unsafe_markup(html: str) -> list[str]:
    """The tags of sanitised HTML that carry anything active, remote or styled.

    Only tags are searched: a chapter may well say "onclick=" or "file:" in its text,
    which the sanitiser escapes and shows as words. Every `<` left in the output
    starts a real tag, because text is escaped.
    """
    return [tag for tag in TAG.findall(html) if UNSAFE.search(tag)]


@pytest.mark.parametrize(
    ("source", "gone"),
    [
        ("<script>alert('x')</script>After", "alert"),
        ('<p onclick="steal()">Hi</p>', "steal"),
        ('<img src="pictures/p.svg" onerror="steal()" alt="p">', "steal"),
        ('<iframe src="https://example.org/"></iframe>', "example.org"),
        ('<object data="x.swf">object text</object>', "object text"),
        ('<embed src="x.swf">', "x.swf"),
        ("[run](javascript:alert(1))", "alert"),
        ('<a href="JaVaScRiPt:alert(1)">run</a>', "alert"),
        ("[passwords](file:///etc/passwd)", "passwd"),
        ("[page](data:text/html,<b>hi</b>)", "data:"),
        ("![pixel](data:image/png;base64,AAAA)", "base64"),
        ('<span style="display:none">hidden</span>', "display"),
        ("<style>p { display: none }</style>Text", "display"),
        ('<form action="https://example.org"><input name="q"></form>', "<input"),
        ("<textarea>typed</textarea>", "<textarea"),
        ("<!-- a secret comment -->", "secret"),
    ],
)
def test_sanitiser_removes_unsafe_markup(source: str, gone: str) -> None:
    html = markdown_to_html(source)
    assert gone not in html
    assert unsafe_markup(html) == []


def test_text_around_removed_markup_is_kept() -> None:
    html = markdown_to_html('<p onclick="x()">Keep me</p>\n\n<span style="color:red">and me</span>')
    assert "Keep me" in html
    assert "and me" in html


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ("![A drop of blood](https://example.org/blood.png)", "[Picture: A drop of blood]"),
        ('<img src="http://example.org/x.png" alt="A cell">', "[Picture: A cell]"),
        ("![](https://example.org/blood.png)", "[Picture not available]"),
    ],
)
def test_remote_pictures_become_their_alt_text(source: str, label: str) -> None:
    html = markdown_to_html(source)
    assert label in html
    assert "example.org" not in html
    assert "<img" not in html


@pytest.fixture
def linked(write_handbook: WriteHandbook) -> Handbook:
    manifest = 'title = "T"\nchapters = ["chapters/a.md", "chapters/b.md"]\n'
    root = write_handbook(
        {
            "chapters/a.md": (
                "# A\n\nSee [B's part](b.md#part), [all of B](b.md), [here](#mine),\n"
                "[gone](gone.md) and [no anchor](b.md#nope).\n\n## Mine\n\n"
                '![Two cells side by side](../pictures/cells.svg "Figure 1. Two cells.")\n\n'
                "Inline ![a dot](../pictures/cells.svg) picture.\n\n"
                "![Missing](../pictures/none.svg)\n"
            ),
            "chapters/b.md": "# B\n\n## Part\n\nText.\n\n## Part\n\nAgain.\n",
            "pictures/cells.svg": SVG,
        },
        manifest=manifest,
    )
    return load_handbook(root)


def _chapter_html(handbook: Handbook, chapter_id: str) -> str:
    chapter = handbook.chapter(chapter_id)
    assert chapter is not None
    return render_chapter(handbook, chapter)


def test_internal_links_become_section_urls(linked: Handbook) -> None:
    html = _chapter_html(linked, "a")
    assert '<a href="section:b/part">' in html
    assert '<a href="section:b">' in html
    assert '<a href="section:a/mine">' in html


def test_external_web_links_are_kept_and_marked(linked: Handbook) -> None:
    chapter = linked.chapter("a")
    assert chapter is not None
    html = markdown_to_html(
        "[IDF](https://primaryimmune.org/) [mail](mailto:team@example.org)",
        LinkContext.for_chapter(linked, chapter),
    )
    assert '<a class="external" href="https://primaryimmune.org/">IDF</a>' in html
    assert '<a class="external" href="mailto:team@example.org">mail</a>' in html


def test_broken_links_lose_their_address(linked: Handbook) -> None:
    html = _chapter_html(linked, "a")
    assert '<a class="broken-link">gone</a>' in html
    assert '<a class="broken-link">no anchor</a>' in html
    assert "gone.md" not in html


def test_pictures_become_picture_urls_with_captions(linked: Handbook) -> None:
    html = _chapter_html(linked, "a")
    figure = re.search(r'<div class="figure">(.*?)</div>', html, re.DOTALL)
    assert figure is not None
    assert 'src="picture:pictures/cells.svg"' in figure.group(1)
    assert 'alt="Two cells side by side"' in figure.group(1)
    assert '<p class="caption">Figure 1. Two cells.</p>' in figure.group(1)
    assert html.count('src="picture:pictures/cells.svg"') == 2
    assert "[Picture: Missing]" in html


def test_heading_ids_equal_the_section_anchors(linked: Handbook) -> None:
    for chapter in linked.reading_chapters:
        html = render_chapter(linked, chapter)
        heading_ids = re.findall(r'<h[23] id="([^"]+)"', html)
        assert heading_ids == [s.anchor for s in chapter.sections[1:]]
    assert re.findall(r'<h2 id="([^"]+)"', _chapter_html(linked, "b")) == ["part", "part-2"]


def test_bundled_heading_ids_equal_the_section_anchors(handbook: Handbook) -> None:
    for chapter in handbook.chapters:
        html = render_chapter(handbook, chapter)
        heading_ids = re.findall(r'<h[23] id="([^"]+)"', html)
        assert heading_ids == [s.anchor for s in chapter.sections[1:]], chapter.id


def test_admonitions_tables_and_definition_lists_render() -> None:
    html = markdown_to_html(
        '!!! note "Remember"\n    Ask your care team.\n\n'
        "| Step | What |\n|---|---|\n| 1 | Collect |\n\n"
        "Vector\n:   A carrier for a gene.\n"
    )
    assert '<div class="admonition note">' in html
    assert '<p class="admonition-title">Remember</p>' in html
    assert "<th>Step</th>" in html
    assert "<td>Collect</td>" in html
    assert "<dt>Vector</dt>" in html
    assert "<dd>A carrier for a gene.</dd>" in html


def test_hundreds_of_nested_lists_render_as_plain_text() -> None:
    text = "".join("  " * level + "- item\n" for level in range(500)) + "\nAfter the list.\n"
    html = markdown_to_html(text)
    assert "After the list." in html
    assert html.count("item") == 500


def test_render_without_context_drops_every_relative_link() -> None:
    html = markdown_to_html("[a](a.md) ![p](p.svg)")
    assert "href" not in html
    assert "src" not in html


def test_link_context_never_leads_outside_the_folder(linked: Handbook) -> None:
    chapter = linked.chapter("a")
    assert chapter is not None
    context = LinkContext.for_chapter(linked, chapter)
    assert context.picture_target("../../etc/passwd") is None
    assert context.picture_target("../pictures/cells.svg") == "picture:pictures/cells.svg"
    assert context.link_target("//example.org/x") is None


HTMLISH = st.lists(
    st.sampled_from(
        [
            "<script>",
            "</script>",
            "<scr",
            "ipt>",
            "<img src=x ",
            "onerror=",
            " onclick=",
            '"',
            "'",
            ">",
            "<",
            "javascript:",
            "java\tscript:",
            "&#106;avascript:",
            "file:",
            "file:///",
            "<iframe ",
            "<a href=",
            "style=",
            "<style>",
            "[x](",
            "![y](",
            ")",
            "\n\n",
            "    ",
            "> ",
            "- ",
            "```\n",
            "<!--",
            "-->",
            "<div ",
            "data:",
            "<svg ",
            "<math>",
            "{#id onclick=x}",
            "*",
            "`",
        ]
    )
    | st.text(max_size=8),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(HTMLISH)
def test_markdown_to_html_never_raises_and_never_lets_unsafe_markup_through(text: str) -> None:
    html = markdown_to_html(text)
    assert unsafe_markup(html) == [], html


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_sanitize_of_any_text_is_safe(text: str) -> None:
    assert unsafe_markup(sanitize(text)) == []


def test_pathological_long_lines_render_quickly_as_plain_text() -> None:
    """20,000 `[` took Python-Markdown 46 s; overlong lines are shown as escaped text."""
    html_out = markdown_to_html("Intro *kept*.\n\n" + "[" * 200_000 + "<b>\n\nEnd.")
    assert "<em>kept</em>" in html_out
    assert "[" * 1000 in html_out and "&lt;b&gt;" in html_out
    assert html_out.rstrip().endswith("<p>End.</p>")
