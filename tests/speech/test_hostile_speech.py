"""Reading aloud what a hostile handbook writes: sentences that cost quadratic time to
find, sentences too long for a voice's memory, and text eSpeak NG could take for its own
options. Real voices where they are installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.speech import VoiceLibrary
from reader.speech.chunks import MAX_VOICE_CHARS, voice_chunks
from reader.speech.piper_voice import PIPER_SETTINGS, PiperVoice
from reader.speech.script import html_sentences
from reader.speech.sentences import split_sentences
from tests.speech_support import SPEECH_RMS_FLOOR, require_speech, samples_rms
from tests.support import run_python

#: Words to make sentences of: about 5 characters and a space a word.
WORDS = ("the", "new", "cells", "settle", "in", "the", "marrow", "and", "over", "a", "few",
         "months", "they", "make", "healthy")  # fmt: skip


def long_sentence(words: int, comma_every: int = 0) -> str:
    said = [WORDS[i % len(WORDS)] for i in range(words)]
    if comma_every:
        said = [w + "," if i % comma_every == comma_every - 1 else w for i, w in enumerate(said)]
    return " ".join(said) + "."


# -- finding sentences -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 240 KB where no full stop ends a sentence: 102 s when each end re-read the text
        ("X. a. " * 40_000, ["X. a. " * 39_999 + "X. a."]),
        # a million full stops in a row: the old pattern retried the run from each one
        ("Fin" + "." * 1_000_000 + " Sí.", ["Fin" + "." * 1_000_000, "Sí."]),
    ],
    ids=["no-end-ends", "run-of-stops"],
)
def test_splitSentences_isLinear_onTextWhereQuadraticWouldTakeMinutes(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


# -- what a voice is given at once -------------------------------------------------------


def test_voiceChunks_cutA3000WordSentence_atClausesThenWords_neverPastTheCap() -> None:
    with_commas, without = long_sentence(1_500, comma_every=12), long_sentence(1_500)
    one_word = "x" * (3 * MAX_VOICE_CHARS + 7)
    for text in (with_commas, without, one_word, f"{with_commas} {without} {one_word}"):
        chunks = voice_chunks(text)
        assert all(0 < len(chunk) <= MAX_VOICE_CHARS for chunk in chunks)
        assert "".join("".join(chunks).split()) == "".join(text.split())  # all, in order
    assert all(chunk.endswith(",") for chunk in voice_chunks(with_commas)[:-1])
    assert all(set(chunk.rstrip(".").split()) <= set(WORDS) for chunk in voice_chunks(without))
    assert [len(chunk) for chunk in voice_chunks(one_word)] == [MAX_VOICE_CHARS] * 3 + [7]
    assert voice_chunks("A short sentence.") == ["A short sentence."]


class _RecordingModel:
    """The real Piper model, noting each text it is given to synthesise."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.config = model.config
        self.given: list[str] = []

    def phonemize(self, text: str) -> list[list[str]]:
        return list(self.model.phonemize(text))

    def phonemes_to_ids(self, phonemes: list[str]) -> list[int]:
        return list(self.model.phonemes_to_ids(phonemes))

    def synthesize(self, text: str, config: Any) -> Any:
        self.given.append(text)
        return self.model.synthesize(text, config)

    def phoneme_ids(self, text: str) -> int:
        return sum(len(self.phonemes_to_ids(p)) for p in self.phonemize(text))


def _recording_piper(model: Any) -> tuple[PiperVoice, _RecordingModel]:
    recording = _RecordingModel(model)
    return PiperVoice("en", recording), recording


def test_piper_longSentence_isGivenInPiecesWithinTheCap_andIsSpoken(piper_model: Any) -> None:
    """Piper's memory grows with what it is given at once (200 words: 1.4 GB); a
    sentence past the cap reaches it in pieces, and all of it is spoken."""
    voice, model = _recording_piper(piper_model)
    text = long_sentence(50)
    assert len(text) > MAX_VOICE_CHARS
    samples = voice.synthesize(text, 1.0)
    assert len(model.given) >= 2
    assert all(len(given) <= MAX_VOICE_CHARS for given in model.given)
    assert all(model.phoneme_ids(g) <= PIPER_SETTINGS.max_phoneme_ids for g in model.given)
    assert " ".join(model.given) == text
    assert samples_rms(samples) > SPEECH_RMS_FLOOR
    seconds = len(samples) / 2 / voice.sample_rate
    assert 50 / 300 * 60 < seconds < 50 / 110 * 60  # all 50 words, at a speaking pace


def test_piper_symbolsThatSayManySounds_areHalvedUntilTheyFit(piper_model: Any) -> None:
    voice, model = _recording_piper(piper_model)
    text = "#$*+=<>@^_" * 9
    assert model.phoneme_ids(text) > PIPER_SETTINGS.max_phoneme_ids
    samples = voice.synthesize(text, 1.5)  # the fastest rate: less audio to make
    assert len(model.given) >= 2
    assert all(model.phoneme_ids(given) <= PIPER_SETTINGS.max_phoneme_ids for given in model.given)
    assert "".join(model.given) == text
    assert samples_rms(samples) > SPEECH_RMS_FLOOR


# -- eSpeak NG gets text, never options --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "-5 grados de fiebre es normal.",
        "--Doctor, ¿es seguro?",
        "-w{folder}/fuera.wav",
        "--help, dijo.",
    ],
    ids=["minus-digit", "double-dash", "write-option", "help-option"],
)
def test_espeak_textStartingWithADash_isSpoken_andWritesNoFile(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_speech(piper=False)
    monkeypatch.chdir(tmp_path)
    voice = VoiceLibrary(prefer_piper=False).voice_for("es")
    samples = voice.synthesize(text.format(folder=tmp_path), 1.0)
    assert samples_rms(samples) > SPEECH_RMS_FLOOR
    assert list(tmp_path.iterdir()) == []


# -- letters joined by full stops: eSpeak NG aborts past about 85 in one clause ----------

DOTTED_LETTERS = "a.b.c.d.e." * 24  # 120 letters; eSpeak NG aborts from about 85


def test_espeak_manyLettersJoinedByFullStops_areSpoken() -> None:
    """eSpeak NG aborted on this ("stack smashing detected"): nothing was read."""
    require_speech(piper=False)
    voice = VoiceLibrary(prefer_piper=False).voice_for("en")
    assert samples_rms(voice.synthesize(DOTTED_LETTERS, 1.5)) > SPEECH_RMS_FLOOR


SPEAK_WITH_PIPER = """
import sys
from reader.speech import VoiceLibrary
voice = VoiceLibrary().voice_for("en")
samples = voice.synthesize(sys.argv[1], 1.5)
print(voice.name, len(samples) > 0)
"""


def test_piper_manyLettersJoinedByFullStops_doNotAbortTheProcess(tmp_path: Path) -> None:
    """Piper's copy of eSpeak NG runs in the window's own process: this text aborted it
    (the window closed with no message). A child process, so a regression fails here."""
    require_speech()
    done = run_python(["-c", SPEAK_WITH_PIPER, DOTTED_LETTERS], home=tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, "Piper en_US joe (medium) True"), (
        done.stderr[-500:]
    )


# -- a long sentence is read, and highlighted, piece by piece ----------------------------


def test_a3000WordSentence_isReadAsPiecesFoundOnThePage_eachWithinTheCap() -> None:
    """Read whole, such a sentence made the window wait minutes for its first sound,
    and for Stop; in pieces, each is found on the page and highlighted in turn."""
    paragraph = long_sentence(1_500, comma_every=12)[:-1] + " " + long_sentence(1_500)
    sentences = html_sentences(f"<p>{paragraph}</p>", "en")
    assert len(sentences) > 3_000 * 5 // MAX_VOICE_CHARS
    assert " ".join(s.shown for s in sentences) == paragraph
    assert all(len(s.text) <= MAX_VOICE_CHARS + 1 for s in sentences)  # with its end mark
    ends = [s.text.endswith(".") for s in sentences]
    assert ends == [False] * (len(sentences) - 1) + [True]  # it goes on until its end
