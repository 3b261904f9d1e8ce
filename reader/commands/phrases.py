"""The command line's own sentences in the handbook's language (`--lang es`).

The headless commands load no Qt translator, and these few lines are all they say in
words, so a small table is enough. English is the key; an unknown language or phrase
stays English.
"""

from __future__ import annotations

import re

_SPANISH = {
    "Did you mean: {suggestion}": "¿Quiso decir: {suggestion}?",
    "No results for {query!r}. Try fewer words, or check the spelling.": (
        "No hay resultados para {query!r}. Pruebe con menos palabras o revise la ortografía."
    ),
    "No results for {query!r}. Try: {words}.": "No hay resultados para {query!r}. Pruebe: {words}.",
    " (glossary)": " (glosario)",
    "Also called: ": "Otros nombres: ",
    "See also: ": "Vea también: ",
    "Appears in:": "Aparece en:",
    "Appears in: no section yet": "Aparece en: todavía en ninguna sección",
    "Wrote {path} ({pages} pages)": "Se guardó {path} ({pages} páginas)",
    "(try: handbook-reader toc)": "(pruebe: handbook-reader --lang es toc)",
}
_PHRASES = {"es": _SPANISH}


def phrase(language: str, english: str, **values: object) -> str:
    """`english` in `language` (English when there is no translation), filled in."""
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    return _PHRASES.get(code, {}).get(english, english).format(**values)


# The print request's errors come from reader/pdf/plan.py (pure Python, English); they are
# matched here by their fixed words, keeping the names the reader typed.
_SPANISH_ERRORS = (
    (re.compile(r"^There is no chapter '(.*)'\.$"), "No hay ningún capítulo '{0}'."),
    (re.compile(r"^There is no section '(.*)'\.$"), "No hay ninguna sección '{0}'."),
    (re.compile(r"^Choose at least one section to print\.$"), "Elija al menos una sección."),
    (
        re.compile(r"^Unknown page size '(.*)' \(use A4 or Letter\)\.$"),
        "Tamaño de página desconocido: '{0}' (use A4 o Letter).",
    ),
    (re.compile(r"^Unknown print scope '(.*)'\.$"), "Alcance de impresión desconocido: '{0}'."),
)


def error_phrase(language: str, message: str) -> str:
    """A print request's error message in `language`, when it is one we know."""
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    if code != "es":
        return message
    for pattern, spanish in _SPANISH_ERRORS:
        if match := pattern.match(message):
            return spanish.format(*match.groups())
    return message
