"""How much work Python-Markdown will do on a text, found before it is asked to.

Python-Markdown is quadratic on some shapes (measured on this machine kind):
- brackets: each `[` scans ahead for its `]`; 4,000 lines of `[` (8 KB) took 4.5 s,
  one line of 9,999 `[` 18 s. The work is the sum, over every `[`, of the distance to
  its match (or to the end of the paragraph when there is none);
- split blocks: a definition or a note splits its block and pushes the rest back;
  thousands of them in one block (no blank line between) are quadratic too;
- nesting: each level of `>` quote or indented list parses its block again; 1,000
  lines quoted 1 to 1,000 deep (500 KB) took 8 s and 230 MB. The work is the depth
  times the length of the run of blocks that nest.

`costly_runs` finds the runs of lines whose estimate passes a budget; the renderer
shows those as plain text (everything else renders as usual), and `check` names them
with their first line. The budgets allow any ordinary chapter many times over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_LINE = 10_000  # longer lines are set aside as plain text before any of this
BRACKET_BUDGET = 1_500_000  # character steps of bracket matching in one run
SPLIT_BUDGET = 5_000_000  # block-splitting lines x characters in one run
MAX_TABLE_ROWS = 5_000
# Python-Markdown spends 10-100 microseconds on each element (a heading, an entity, a
# line): 250,000 headings in 1 MB took 27 s even apart. Past this many elements in a
# chapter, the rest of it is shown as plain text.
ELEMENT_BUDGET = 40_000
_ELEMENT_MARK = re.compile(r"[\n&<\[`*_]")
NESTING_BUDGET = 20_000_000  # depth x characters in one run of nested blocks
NESTING_UNIT = 2  # columns of indentation per list level counted

_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)+")
# Lines that make a block processor split its block and push the rest back, copying
# it each time: 2,000 definition lines in one block took 1.4 s, 10,000 took 7.7 s.
_SPLITTING_LINE = re.compile(r"[ \t]*(?::|!!!|\?\?\?)")


@dataclass(frozen=True)
class CostlyRun:
    """Lines `first`..`last` (0-based, inclusive) would take too long to render."""

    first: int
    last: int
    reason: str


def costly_runs(lines: list[str]) -> list[CostlyRun]:
    """Every run of lines whose rendering cost passes a budget, in order."""
    found: list[CostlyRun] = []
    elements = 0
    for first, last in _runs(lines):
        run = [line for line in lines[first : last + 1] if len(line) <= LONG_LINE]
        if not run:
            continue
        elements += sum(_elements(line) for line in run)
        if elements > ELEMENT_BUDGET:
            message = "chapter has too many elements to render quickly; the rest is plain text"
            found.append(CostlyRun(first, len(lines) - 1, message))
            break
        reason = _too_costly(run)
        if reason:
            found.append(CostlyRun(first, last, reason))
    return found


def _elements(line: str) -> int:
    """About how many elements Markdown makes of a line; a heading costs several."""
    return len(_ELEMENT_MARK.findall(line)) + (6 if line.startswith("#") else 1)


def _runs(lines: list[str]) -> list[tuple[int, int]]:
    """Groups of blank-line-separated blocks that Markdown parses together: a block
    that starts indented continues the run before it (a list item's next paragraph)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    previous_blank = True
    for number, line in enumerate(lines):
        blank = not line.strip()
        if blank:
            previous_blank = True
            continue
        continues = line[:1] in (" ", "\t")
        if start is None or (previous_blank and not continues):
            if start is not None:
                runs.append((start, _last_nonblank(lines, start, number)))
            start = number
        previous_blank = False
    if start is not None:
        runs.append((start, _last_nonblank(lines, start, len(lines))))
    return runs


def _last_nonblank(lines: list[str], start: int, end: int) -> int:
    last = end - 1
    while last > start and not lines[last].strip():
        last -= 1
    return last


def _too_costly(run: list[str]) -> str | None:
    text = "\n".join(run)
    steps = bracket_steps(text)
    if steps > BRACKET_BUDGET:
        return f"too many unmatched '[' to render quickly ({steps:,} steps)"
    splits = sum(1 for line in run if _SPLITTING_LINE.match(line))
    if splits * len(text) > SPLIT_BUDGET:
        return f"{splits:,} definitions or notes in one block: too costly to render"
    rows = sum(1 for line in run if line.lstrip().startswith("|"))
    if rows > MAX_TABLE_ROWS:
        return f"table of {rows:,} rows: too costly to render (at most {MAX_TABLE_ROWS:,})"
    depth = max(nesting_depth(line) for line in run)
    if depth * len(text) > NESTING_BUDGET:
        return f"nested {depth} levels deep over {len(text):,} characters: too costly to render"
    return None


def bracket_steps(text: str) -> int:
    """The sum over every `[` of how far Markdown scans for its `]`, in one pass."""
    total = 0
    opened: list[int] = []
    for match in re.finditer(r"[\[\]]|\n[ \t]*\n", text):
        if match.group(0) == "[":
            opened.append(match.start())
        elif match.group(0) == "]":
            if opened:
                total += match.start() - opened.pop()
        else:  # a paragraph ends: what is still open scanned to here
            total += sum(match.start() - start for start in opened)
            opened.clear()
    return total + sum(len(text) - start for start in opened)


def nesting_depth(line: str) -> int:
    """Quote levels plus list levels (by indentation) that a line sits at."""
    quote = _QUOTE_PREFIX.match(line)
    quotes = quote.group(0).count(">") if quote else 0
    rest = line[quote.end() :] if quote else line
    indent = len(rest) - len(rest.lstrip(" \t"))
    return quotes + len(rest[:indent].expandtabs(4)) // NESTING_UNIT
