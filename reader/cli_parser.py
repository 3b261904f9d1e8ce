"""The command line's parser in the interface language: `--lang es` (or LANG=es_MX...
with no --lang) gives Spanish help and usage errors, everything else today's English.

argparse writes its own words ("usage:", "options", "the following arguments are
required") through the process-wide gettext; rather than change that for the whole
process, this parser formats with a translation function it is given. The English path
calls no translation at all, so English output stays byte for byte as it was.
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from reader.dates import language_code

Translate = Callable[[str], str]


def _as_is(text: str) -> str:
    return text


def translation_for(language: str) -> Translate:
    """The function that puts the command line's English into `language`."""
    if language_code(language) == "es":
        from reader.cli_spanish import spanish

        return spanish
    return _as_is


def interface_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """ "es" or "en": `--lang` (or an abbreviation argparse accepts, `--lan=es`) first,
    else the locale's messages language, as gettext reads it (LC_ALL, LC_MESSAGES,
    LANG)."""
    words = list(argv)
    for index, word in enumerate(words):
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if len(name) > 2 and "--lang".startswith(name):
            if not equals:
                value = words[index + 1] if index + 1 < len(words) else ""
            return language_code(value)
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(variable, ""):
            return language_code(value)
    return "en"


class LocalizedFormatter(argparse.HelpFormatter):
    """argparse's help formatter, with help texts and "usage: " passed through
    `translate`."""

    def __init__(self, prog: str, translate: Translate = _as_is, **kwargs: Any) -> None:
        super().__init__(prog, **kwargs)
        self._translate = translate

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        if prefix is None and self._translate is not _as_is:
            prefix = self._translate("usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        return self._translate(text) if text else text


class LocalizedParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and one-line usage errors are in the language its
    `translate` function writes. Sub-command parsers inherit the function (argparse
    builds them with this class and the keywords given to add_parser)."""

    def __init__(self, *args: Any, translate: Translate = _as_is, **kwargs: Any) -> None:
        kwargs.setdefault(
            "formatter_class", functools.partial(LocalizedFormatter, translate=translate)
        )
        super().__init__(*args, **kwargs)
        self.translate = translate
        if translate is not _as_is:
            self.description = translate(self.description) if self.description else None
            for group in self._action_groups:
                group.title = translate(group.title) if group.title else group.title

    def error(self, message: str) -> NoReturn:
        """One line on stderr, like every other error (sub-commands too)."""
        hint = self.translate("(try: {prog} --help)").format(prog=self.prog)
        self.exit(2, f"{self.prog}: {self.translate(message)} {hint}\n")
