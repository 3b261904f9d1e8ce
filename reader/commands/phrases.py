"""The command line's own sentences in the handbook's language (`--lang es`), and its
one-line errors in the interface's (`--lang es`, or LANG=es_* with no --lang).

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
    "No problems found in {title}": "No se encontraron problemas en {title}",
    "{count} problem found": "Se encontró {count} problema",
    "{count} problems found": "Se encontraron {count} problemas",
    "unexpected error: {error} (set HANDBOOK_READER_DEBUG=1 for details)": (
        "error inesperado: {error} (para ver los detalles, use HANDBOOK_READER_DEBUG=1)"
    ),
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
    # The sub-commands' own one-line errors (reader/commands/*.py).
    (re.compile(r"^no section '(.*)'$"), "no hay ninguna sección '{0}'"),
    (re.compile(r"^--limit must be 1 or more$"), "--limit debe ser 1 o más"),
    (re.compile(r"^cannot open the handbook: (.*)$"), "no se puede abrir el manual: {0}"),
    (re.compile(r"^No handbook folder at (.*)$"), "No hay ninguna carpeta de manual en {0}"),
    (
        re.compile(r"^the packed handbook's name must end in (.*)$"),
        "el nombre del manual empaquetado debe terminar en {0}",
    ),
    (
        re.compile(r"^(.*) was not written \(a file there is kept\): (.*)$"),
        "{0} no se escribió (se conserva el archivo que ya había): {1}",
    ),
    (re.compile(r"^cannot write (.*?): (.*)$"), "no se puede escribir {0}: {1}"),
    (re.compile(r"^could not write (.*?): (.*)$"), "no se pudo escribir {0}: {1}"),
    (re.compile(r"^no PIN given on standard input$"), "no se recibió ningún PIN"),
    (
        re.compile(r"^the two PINs are not the same; nothing was changed$"),
        "los dos PIN no son iguales; no se cambió nada",
    ),
    (re.compile(r"^this handbook has no glossary$"), "este manual no tiene glosario"),
    (
        re.compile(r"^no glossary term '(.*)'\. Did you mean: (.*)\?$"),
        "no hay ningún término '{0}' en el glosario. ¿Quiso decir: {1}?",
    ),
    (re.compile(r"^no glossary term '(.*)'$"), "no hay ningún término '{0}' en el glosario"),
)
# Hints a message may end with; translated apart from the message before them.
_SPANISH_HINTS = {
    " (try: handbook-reader toc)": " (pruebe: handbook-reader --lang es toc)",
    " (try: handbook-reader glossary, for the whole list)": (
        " (pruebe: handbook-reader --lang es glossary, para ver la lista completa)"
    ),
}


def error_phrase(language: str, message: str) -> str:
    """A command's one-line error in `language`, when it is one we know (and its
    "(try: ...)" hint with it); any other message as it is."""
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    if code != "es":
        return message
    hint = next((h for h in _SPANISH_HINTS if message.endswith(h)), "")
    body = message[: len(message) - len(hint)] if hint else message
    for pattern, spanish in _SPANISH_ERRORS:
        if match := pattern.match(body):
            return spanish.format(*match.groups()) + _SPANISH_HINTS.get(hint, "")
    return message
