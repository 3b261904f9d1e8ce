"""Front matter and meta-data at the top of a page: read for the title, never shown.

Other tools' Markdown opens with YAML front matter (a `---` block, MkDocs, Jekyll,
Hugo) or Python-Markdown meta-data lines (`title: Cli`). Both are set aside before
the page is parsed, and replaced by blank lines, not removed, so that every line
number in a problem still points at the author's line.

YAML is read with a safe loader that turns tags it does not know (such as
`!!python/name:`) into None: a page from anywhere can never run code or stop the load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_META_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_META_MORE = re.compile(r"^(?:[ ]{4}|\t)\s*(.*)$")
_YAML_END = re.compile(r"^(?:---|\.\.\.)\s*$")


@dataclass(frozen=True)
class FrontMatter:
    """What the top of a page said about it, and the page with that part blanked out."""

    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    error: str = ""

    @property
    def title(self) -> str:
        value = self.meta.get("title")
        if isinstance(value, list):  # meta-data lines give lists of lines
            value = " ".join(str(v) for v in value)
        return str(value).strip() if isinstance(value, str | int | float) else ""


def load_yaml(text: str) -> Any:
    """YAML through a safe loader that ignores unknown tags. Raises ValueError if bad."""
    try:
        import yaml  # only pages with front matter, and MkDocs projects, pay for it
    except ImportError:  # an install without it still opens everything else
        raise ValueError("PyYAML, which reads it, is not installed") from None

    class _TolerantLoader(yaml.SafeLoader):
        """SafeLoader that reads any tag it does not know as None (never runs it)."""

    def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
        return None

    _TolerantLoader.add_multi_constructor("", _ignore)  # type: ignore[no-untyped-call]
    try:
        return yaml.load(text, Loader=_TolerantLoader)
    except RecursionError:  # `[[[[...` thousands deep: PyYAML composes recursively
        raise ValueError("nested too deeply") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise ValueError(f"{problem}{where}") from None


def split_front_matter(text: str) -> FrontMatter:
    """The page's front matter or meta-data, and its text with those lines blank."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if _YAML_END.match(lines[i])), None)
        if end is not None:
            blanked = "\n" * end + "\n" + "\n".join(lines[end + 1 :])
            try:
                data = load_yaml("\n".join(lines[1:end]))
            except ValueError as error:
                return FrontMatter(blanked, {}, f"front matter cannot be read: {error}")
            return FrontMatter(blanked, data if isinstance(data, dict) else {})
    return _meta_data_lines(lines, text)


def _meta_data_lines(lines: list[str], text: str) -> FrontMatter:
    """Python-Markdown's meta-data: `key: value` lines up to the first blank line."""
    meta: dict[str, Any] = {}
    key = ""
    count = 0
    for line in lines:
        if not line.strip():
            break
        match = _META_LINE.match(line)
        more = _META_MORE.match(line) if match is None else None
        if match:
            key = match.group(1).lower()
            meta.setdefault(key, []).append(match.group(2).strip())
        elif more and key:
            meta[key].append(more.group(1).strip())
        else:
            return FrontMatter(text)  # an ordinary first paragraph
        count += 1
    if not meta or count == len(lines):
        return FrontMatter(text)
    return FrontMatter("\n" * count + "\n".join(lines[count:]), meta)
