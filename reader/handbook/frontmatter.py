"""Front matter and meta-data at the top of a page: read for the title, never shown.

Other tools' Markdown opens with YAML front matter (a `---` block, MkDocs, Jekyll,
Hugo) or Python-Markdown meta-data lines (`title: Cli`). Both are set aside before
the page is parsed, and replaced by blank lines, not removed, so that every line
number in a problem still points at the author's line.

YAML is read with a safe loader that turns tags it does not know (such as
`!!python/name:`) into None: a page from anywhere can never run code or stop the load.
Aliases are weighed as the document is composed, before any value is built: a few
lines of `&a [*b, *b, ...]` ("billion laughs") can stand for billions of strings, so
a document whose aliases stand for more than MAX_ALIASED nodes and characters is
refused. Front matter over MAX_FRONT_MATTER_CHARS is set aside unread (PyYAML reads
about 100 KB a second here, and a title never needs more).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_META_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_META_MORE = re.compile(r"^(?:[ ]{4}|\t)\s*(.*)$")
_YAML_END = re.compile(r"^(?:---|\.\.\.)\s*$")
MAX_ALIASED = 100_000
MAX_FRONT_MATTER_CHARS = 64 * 1024


class _TooMuchAliased(Exception):
    """The aliases of a YAML document stand for more than MAX_ALIASED."""


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
    """YAML through a safe loader that ignores unknown tags and weighs aliases before
    building anything. Raises ValueError if bad."""
    try:
        import yaml  # only pages with front matter, and MkDocs projects, pay for it
    except ImportError:  # an install without it still opens everything else
        raise ValueError("PyYAML, which reads it, is not installed") from None
    try:
        return yaml.load(text, Loader=_loader_class())
    except RecursionError:  # `[[[[...` thousands deep: PyYAML composes recursively
        raise ValueError("nested too deeply") from None
    except _TooMuchAliased:
        message = f"its aliases (*name) stand for more than {MAX_ALIASED:,} values and letters"
        raise ValueError(message) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise ValueError(f"{problem}{where}") from None


_LOADER: list[type] = []  # built once, on first use, so that PyYAML loads only then


def _loader_class() -> type:
    if not _LOADER:
        _LOADER.append(_make_loader_class())
    return _LOADER[0]


def _make_loader_class() -> type:
    import yaml

    class _SafeWeighingLoader(yaml.SafeLoader):
        """SafeLoader that reads any tag it does not know as None (never runs it), and
        counts what each alias stands for as the document is composed."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.weights: dict[int, int] = {}  # node id: nodes and letters under it
            self.aliased = 0

        def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
            alias = self.check_event(yaml.AliasEvent)
            node: yaml.Node = super().compose_node(parent, index)  # type: ignore[no-untyped-call]
            weight = self.weights.get(id(node))
            if weight is None:
                weight = _weight(node, self.weights)
                if not alias:  # an alias to a node still being composed (a loop) is
                    self.weights[id(node)] = weight  # weighed as far as it goes
            if alias:
                self.aliased += weight
                if self.aliased > MAX_ALIASED:
                    raise _TooMuchAliased
            return node

    def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
        return None

    _SafeWeighingLoader.add_multi_constructor("", _ignore)  # type: ignore[no-untyped-call]
    return _SafeWeighingLoader


def _weight(node: Any, weights: dict[int, int]) -> int:
    """A composed node's nodes and letters, its children's already weighed."""
    value = node.value
    if isinstance(value, str):
        return 1 + len(value)
    children = (c for pair in value for c in pair) if node.id == "mapping" else value
    return 1 + sum(weights.get(id(child), 1) for child in children)


def split_front_matter(text: str) -> FrontMatter:
    """The page's front matter or meta-data, and its text with those lines blank."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if _YAML_END.match(lines[i])), None)
        if end is not None:
            blanked = "\n" * end + "\n" + "\n".join(lines[end + 1 :])
            size = sum(len(line) + 1 for line in lines[1:end])
            if size > MAX_FRONT_MATTER_CHARS:
                limit = MAX_FRONT_MATTER_CHARS // 1024
                error = f"front matter is too long to read (over {limit} KB)"
                return FrontMatter(blanked, {}, error)
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
