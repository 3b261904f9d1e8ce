"""Spanish words for search: stop words, an accent-blind Snowball stemmer, the analyzer.

Whoosh already ships the Snowball Spanish stemmer and a Spanish stop list, so Spanish
search needs no new library. Families often type without accents ("medula",
"quimioterapia", "informacion"), so every stem is folded to plain letters; the
stemmer still sees the accents when they are typed, because Snowball's Spanish
suffixes are written with them ("-ación"), and an unaccented "-cion" is given its
accent back first so that "informacion" and "información" meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from whoosh.analysis import Analyzer, Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token
from whoosh.lang.snowball.spanish import SpanishStemmer
from whoosh.lang.stopwords import stoplists

from reader.folding import fold_accents

# Whoosh's list has some question words (qué, como, cuando); the others, with and
# without their accents, are added: "cómo" would otherwise share "comida"'s stem. The
# rest are other ways a question starts ("quiero saber de la quimio").
_EXTRA_STOP_WORDS = [
    *("cómo", "cuándo", "dónde", "cuál", "cuáles", "quién", "quiénes", "cuánto", "cuánta"),
    *("cuántos", "cuántas", "cuanto", "cuanta", "cuantos", "cuantas"),
    *("puede", "pueden", "puedo", "hay", "sobre", "tengo", "tiene", "mi", "mis"),
    *("quiero", "quisiera", "saber", "necesito", "debo"),
]
# Words too important in this handbook to drop, though the general list has them.
_KEPT_WORDS = {"no", "sin", "contra"}
_UNACCENTED_ENDINGS = (
    (re.compile(r"cion(es)?$"), r"ción\1"),
    (re.compile(r"sion(es)?$"), r"sión\1"),
)


def _stop_words() -> frozenset[str]:
    words = (set(stoplists["es"]) | set(_EXTRA_STOP_WORDS)) - _KEPT_WORDS
    return frozenset(words | {fold_accents(word) for word in words})


SPANISH_STOP_WORDS = _stop_words()
_STEMMER = SpanishStemmer()


@lru_cache(maxsize=50_000)
def spanish_stem(word: str) -> str:
    """The accent-free Snowball stem of a lower-case Spanish word."""
    if word == fold_accents(word):
        for pattern, accented in _UNACCENTED_ENDINGS:
            word = pattern.sub(accented, word)
    return fold_accents(_STEMMER.stem(word))


class SpanishStemFilter(Filter):
    """Whoosh filter: each token becomes its accent-free Spanish stem."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = spanish_stem(token.text)
            yield token


def spanish_analyzer(word_pattern: str) -> Analyzer:
    """Words, lower case, no stop words, stemmed and accent-free."""
    return (
        RegexTokenizer(word_pattern)
        | LowercaseFilter()
        | StopFilter(stoplist=SPANISH_STOP_WORDS, minsize=2)
        | SpanishStemFilter()
    )
