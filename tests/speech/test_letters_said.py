"""Abbreviations a family must hear as letters: eSpeak NG's rules (which Piper's English
voice follows) read some as words before a comma or a full stop ("In a PI," as "in a
pie", "or EMA," as "or Emma"); the handbook's pronunciation lexicon spells them out."""

from __future__ import annotations

import re
from typing import Any

from reader.handbook.languages import load_handbook_in
from reader.paths import bundled_handbook_dir
from reader.speech import section_sentences

#: The abbreviations' letters read as one word, in Piper's phonemes: PI as "pie", EMA
#: as "Emma", NIH as "nih", AAV as "arv", IDF as "idf".
_SAID_AS_A_WORD = {"pˈaɪ": "PI", "ɪmˈæ": "EMA", "nˈɪ": "NIH", "ˈɑːv": "AAV", "ˈaɪdf": "IDF"}

#: A web address, said as its words ("www.ema.europa.eu"): no letters to spell there.
_ADDRESS = re.compile(r"\w[./]\w")


def test_piper_everyEnglishSentence_saysTheAbbreviationsAsLetters(piper_model: Any) -> None:
    handbook = load_handbook_in(bundled_handbook_dir(), "en")
    misread = []
    for chapter in handbook.chapters:
        for section in chapter.sections:
            for sentence in section_sentences(handbook, section, "en"):
                if _ADDRESS.search(sentence.text):
                    continue
                said = " ".join("".join(p) for p in piper_model.phonemize(sentence.text))
                words = set(said.replace(",", " ").replace(".", " ").split())
                misread += [
                    f"{_SAID_AS_A_WORD[w]}: {sentence.text[:60]}"
                    for w in words & set(_SAID_AS_A_WORD)
                ]
    assert misread == []
