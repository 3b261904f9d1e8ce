"""The command line's own sentences in the handbook's language (`--lang es`).

The headless commands load no Qt translator, and these few lines are all they say in
words, so a small table is enough. English is the key; an unknown language or phrase
stays English.
"""

from __future__ import annotations

_SPANISH = {
    "Did you mean: {suggestion}": "¿Quiso decir: {suggestion}?",
    "No results for {query!r}. Try fewer words, or check the spelling.": (
        "No hay resultados para {query!r}. Pruebe con menos palabras o revise la ortografía."
    ),
    " (glossary)": " (glosario)",
    "Wrote {path} ({pages} pages)": "Se guardó {path} ({pages} páginas)",
}
_PHRASES = {"es": _SPANISH}


def phrase(language: str, english: str, **values: object) -> str:
    """`english` in `language` (English when there is no translation), filled in."""
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    return _PHRASES.get(code, {}).get(english, english).format(**values)
