"""Where Piper's pieces meet: a sentence over the phoneme-id cap is said in parts, each
a whole utterance (its last words slow and fall), so the parts must meet where a reader
pauses, never inside a phrase ("a stem | cell transplant")."""

from __future__ import annotations

import itertools
import re
from typing import Any

from reader.handbook.languages import load_handbook_in
from reader.paths import bundled_handbook_dir
from reader.speech import section_sentences
from reader.speech.chunks import PHRASE_WORDS_EN, pause_cut, voice_chunks
from reader.speech.piper_voice import PIPER_SETTINGS, PiperVoice

#: A web address or a reference number: no phrase to keep whole, any place will do.
_ADDRESS = re.compile(r"\w[./]\w")


def test_pauseCut_prefersAClauseMark_thenAPhraseWord_overTheNearestSpace() -> None:
    sentence = "Children who need a stem cell transplant but have no matched donor in the family"
    at_phrase = pause_cut(sentence, 32, 60, PHRASE_WORDS_EN)
    assert sentence[:at_phrase] == "Children who need a stem cell transplant"
    with_comma = "For most other types of PI, a child can only get gene therapy by joining"
    assert with_comma[: pause_cut(with_comma, 25, 40, PHRASE_WORDS_EN)] == (
        "For most other types of PI,"
    )
    far_comma = "In Europe, it has been approved since 2016 for severe types of PI"
    assert far_comma[: pause_cut(far_comma, 30, 50, PHRASE_WORDS_EN)] == (
        "In Europe, it has been approved"  # a phrase near the middle, not 10 characters
    )
    before_bracket = "It does not work well enough (3 of 62 children in the largest study)"
    cut = pause_cut(before_bracket, 20, 40, PHRASE_WORDS_EN)
    assert before_bracket[cut:].strip().startswith("(3 of 62")


def test_pauseCut_withoutASpace_cutsAtTheLimit() -> None:
    assert pause_cut("#$*+=<>@^_" * 9, 40, 50, PHRASE_WORDS_EN) == 50


def _reader_pause(before: str, after: str) -> bool:
    word = after.split(maxsplit=1)[0].strip("\"'“‘").casefold()
    return before[-1] in ",;:—–" or after.startswith("(") or word in PHRASE_WORDS_EN


def test_piper_everyHandbookSentence_isCutWhereAReaderPauses(piper_model: Any) -> None:
    """Every English sentence Piper says in parts (one in five; but the sources' paper
    titles) is cut after a clause mark, before a bracket or before a word a phrase
    starts with; before, 11 of the 34 cuts in the word-error benchmark's sections (and
    199 in the handbook) fell inside a phrase ("one gene | added or fixed", "the side |
    effects"). Every part still fits the memory cap."""
    voice = PiperVoice("en", piper_model)
    handbook = load_handbook_in(bundled_handbook_dir(), "en")
    joins, inside_a_phrase = 0, []
    for chapter in handbook.chapters:
        if chapter.id == "sources":  # titles of papers: few pauses, read as a list
            continue
        for section in chapter.sections:
            for sentence in section_sentences(handbook, section, "en"):
                if _ADDRESS.search(sentence.text):
                    continue
                for piece in voice_chunks(sentence.text):
                    parts = voice._fitting_parts(piece, 1.0)
                    assert all(
                        voice._phoneme_ids(p) <= PIPER_SETTINGS.max_phoneme_ids for p in parts
                    )
                    assert " ".join(parts) == " ".join(piece.split())
                    joins += len(parts) - 1
                    inside_a_phrase += [
                        f"{a[-30:]} | {b[:30]}"
                        for a, b in itertools.pairwise(parts)
                        if not _reader_pause(a, b)
                    ]
    assert joins > 100
    assert inside_a_phrase == []
