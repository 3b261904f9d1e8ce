"""Finding glossary terms in text: a term's names, aliases and simple plurals, as whole
words, spaces and hyphens alike, the longest name first, abbreviations in capitals only
(the rules are spelled out in reader/content/marking.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from reader.handbook.glossary import Glossary, Term, is_abbreviation

_SEPARATOR = r"[\s\-\u2010\u2011]+"
_SEPARATOR_RE = re.compile(_SEPARATOR)
_BEFORE = r"(?<![\w\-])"
_AFTER = r"(?!\w|-\w)"
_NEVER = re.compile(r"(?!)")


def _plural_forms(name: str) -> list[str]:
    name = name.strip()
    if not name:
        return []
    if not name[-1].isalpha():
        return [name]
    if is_abbreviation(name):
        return [name, name + "s"]
    lowered = name.lower()
    if lowered.endswith(("s", "x", "z", "ch", "sh")):
        return [name, name + "es"]
    if lowered.endswith("y") and lowered[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return [name, name[:-1] + "ies"]
    return [name, name + "s"]


def _form_regex(form: str) -> str:
    words = [re.escape(part) for part in _SEPARATOR_RE.split(form)]
    body = _SEPARATOR.join(words)
    return body if is_abbreviation(form) else f"(?i:{body})"


def _form_key(text: str, exact: bool) -> str:
    joined = _SEPARATOR_RE.sub(" ", text.strip())
    return joined if exact else joined.casefold()


def _ordered(forms: Iterable[str]) -> list[str]:
    """Longest first, so the longest name wins; then alphabetical, so output is stable."""
    return sorted(set(forms), key=lambda f: (-len(f), f))


def _compile(forms: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(_form_regex(f) for f in _ordered(forms))
    return re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}")


@lru_cache(maxsize=256)
def term_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all the ways a term is written, longest first, whole words only."""
    forms = [f for name in names for f in _plural_forms(name)]
    return _compile(forms) if forms else _NEVER


def term_used_in(term: Term, text: str) -> bool:
    """Whether plain text names the term (any alias or plural, whole words)."""
    return bool(term_pattern(term.names).search(text))


@dataclass(frozen=True, eq=False)
class TermFinder:
    """Finds every glossary term in a text at once, and says which term each match is.

    A name given explicitly (a term or an alias) beats a generated plural of another
    term's name, and the first term (A to Z) wins when two share a name. For speed, the
    text is read word by word and only the names starting with that word are tried: the
    result is the same as `pattern.finditer`, about ten times faster on a chapter.
    """

    forms: tuple[str, ...]
    exact: dict[str, Term]
    folded: dict[str, Term]
    by_first_word: _FirstWordPatterns | None = None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """All names in one regex; compiled only if a name has no first word."""
        return _compile(self.forms) if self.forms else _NEVER

    @classmethod
    def for_glossary(cls, glossary: Glossary) -> TermFinder:
        return _finder_for(glossary.terms)

    def term_for(self, matched: str) -> Term | None:
        return self.exact.get(_form_key(matched, True)) or self.folded.get(
            _form_key(matched, False)
        )

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], Term]]:
        for match in self._matches(text):
            term = self.term_for(match.group())
            if term is not None:
                yield match, term

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        if self.by_first_word is None:
            yield from self.pattern.finditer(text)
            return
        done = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < done or (start > 0 and text[start - 1] == "-"):
                continue
            names = self.by_first_word.get(word.group().casefold())
            match = names.match(text, start) if names is not None else None
            if match is not None:
                done = match.end()
                yield match


_WORD = re.compile(r"\w+")


class _FirstWordPatterns:
    """Names grouped by their first word, each group one regex, compiled on first use:
    compiling all of them cost more than the rest of start-up's marking together."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self._groups = groups
        self._compiled: dict[str, re.Pattern[str]] = {}

    def get(self, word: str) -> re.Pattern[str] | None:
        pattern = self._compiled.get(word)
        if pattern is None:
            group = self._groups.get(word)
            if group is None:
                return None
            alternatives = "|".join(_form_regex(f) for f in _ordered(group))
            pattern = self._compiled[word] = re.compile(f"(?:{alternatives}){_AFTER}")
        return pattern


def _first_word_index(forms: list[str]) -> _FirstWordPatterns | None:
    """The names by first word; None if some name has no first word at all."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        first = _WORD.match(form)
        if first is None:
            return None
        groups.setdefault(first.group().casefold(), []).append(form)
    return _FirstWordPatterns(groups)


@lru_cache(maxsize=16)
def _finder_for(terms: tuple[Term, ...]) -> TermFinder:
    exact: dict[str, Term] = {}
    folded: dict[str, Term] = {}
    named = [(name, term) for term in terms for name in term.names if name.strip()]
    plurals = [(form, term) for name, term in named for form in _plural_forms(name)[1:]]
    for form, term in named + plurals:
        is_exact = is_abbreviation(form)
        table = exact if is_exact else folded
        table.setdefault(_form_key(form, is_exact), term)
    forms = [f.strip() for f, _ in named + plurals]
    if not forms:
        return TermFinder((), exact, folded)
    return TermFinder(tuple(forms), exact, folded, _first_word_index(forms))
