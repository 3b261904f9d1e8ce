"""Issue #38 (defect 17): nothing a handbook wrote reaches the terminal as something it
obeys. Titles, headings, ids, file names and messages lose their escape sequences and
control characters in `toc`, `show`, `check`, `search`, `glossary` and error lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.terminal import for_terminal
from tests.support import run_cli, write_files

ESC = "\x1b"
CLEAR = f"{ESC}[2J"
TITLE_SET = f"{ESC}]0;owned{chr(7)}"
LINK = f"{ESC}]8;;file:///etc/passwd{ESC}\\"
OBEYED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def toml_text(text: str) -> str:
    """`text` as a TOML string: control characters written as escapes, as TOML wants."""
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 32 else c for c in text) + '"'


@pytest.fixture
def escaping(tmp_path: Path) -> Path:
    """A handbook whose title, headings, ids, glossary and file names carry escapes."""
    name = f"b{CLEAR}.md"
    write_files(
        tmp_path,
        {
            "handbook.toml": f"title = {toml_text(f'Evil{TITLE_SET}{CLEAR} book')}\n"
            f'chapters = ["a.md", {toml_text(name)}]\nglossary = "glossary.toml"\n',
            "a.md": f"# Alpha{CLEAR}\r\n\nWords{LINK} here.\u202e\n\n"
            f"## Part{CLEAR} one {{#p{ESC}[31m}}\n\nSee [gone](missing{ESC}[1m.md).\n",
            "glossary.toml": f"[[terms]]\nterm = {toml_text(f'Gene{CLEAR}')}\n"
            f"definition = {toml_text(f'A piece{CLEAR} of DNA.')}\n",
        },
    )
    return tmp_path


CHECK_SAYS = [
    "a.md:7: link to missing file 'missing[1m.md'",  # the sequence taken out whole
    "chapter 'b.md' is listed in handbook.toml but the file is missing",
    "glossary term 'Gene' is not used",
]


@pytest.mark.parametrize(
    ("command", "says"),
    [(["toc"], ["Evil book", "Part one  [a/p]"]), (["show", "a"], ["Words here."]),
     (["show", "a", "--format", "html"], []), (["check"], CHECK_SAYS), (["glossary"], []),
     (["search", "words"], []), (["show", f"no{CLEAR}such"], ["no section 'nosuch'"])],
)  # fmt: skip
def test_nothing_the_terminal_obeys_is_printed(
    escaping: Path, command: list[str], says: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: titles, headings, names and the missing-section line printed ESC as is."""
    code, out, err = run_cli(capsys, "--handbook", str(escaping), *command)
    assert code in (0, 1), err
    assert out or err
    for text in (out, err):
        assert not OBEYED.search(text), (command, text)
    for words in says:
        assert words in out + err


def test_for_terminal_takes_out_sequences_whole_and_keeps_words() -> None:
    assert for_terminal(f"a{CLEAR}b{TITLE_SET}c{LINK}d\re\x9b31mf\u202eg") == "abcdefg"
    assert for_terminal("one\ntwo\tthree") == "one two three"
    assert for_terminal("one\ntwo\tthree", lines=True) == "one\ntwo\tthree"
    assert for_terminal(f"cut{ESC}]0;never ended\nnext line", lines=True) == "cut\nnext line"
    assert for_terminal("Ñandú — ¿qué? 日本") == "Ñandú — ¿qué? 日本"
