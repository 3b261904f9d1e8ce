"""Sooner and lighter: a long first sentence starts to sound after its first words, and
Piper is given pieces whose speech fits its memory cap at every speed (real voices)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

from reader.speech import Sentence, VoiceLibrary
from reader.speech.narration import QUICK_START_CHARS, speak_sentences
from reader.speech.piper_voice import PIPER_SETTINGS, PiperVoice
from tests.speech.test_hostile_speech import _RecordingModel, long_sentence
from tests.speech_support import SPEECH_RMS_FLOOR, require_speech, samples_rms

LONG_FIRST = (
    "Gene therapy for some inherited immune conditions, such as ADA deficiency, is now "
    "an approved treatment in several countries, and for others it is offered in trials."
)


def test_quickStart_longFirstSentence_comesAsItsFirstWordsThenTheRest() -> None:
    """The window's first sound waits for a few words, not a whole long sentence; both
    parts keep the sentence's index, so the highlight stays on the whole sentence."""
    require_speech(piper=False)
    voice = VoiceLibrary(prefer_piper=False).voice_for("en")
    sentences = [Sentence(LONG_FIRST, LONG_FIRST), Sentence("Ask your team.", "Ask your team.")]
    spoken = list(speak_sentences(sentences, voice, quick_start=True))
    assert [s.index for s in spoken] == [0, 0, 1]
    lead, rest = spoken[0].text, spoken[1].text
    assert lead == "Gene therapy for some inherited immune conditions,"  # cut at a pause
    assert len(lead) <= QUICK_START_CHARS
    assert f"{lead} {rest}" == LONG_FIRST
    assert all(samples_rms(s.samples) > SPEECH_RMS_FLOOR for s in spoken)
    assert all(a.end == b.start for a, b in itertools.pairwise(spoken))
    # The command line's WAV and timings are unchanged: one item a sentence.
    assert [s.index for s in speak_sentences(sentences, voice)] == [0, 1]


def test_quickStart_shortFirstSentence_andLaterOnes_areWhole() -> None:
    require_speech(piper=False)
    voice = VoiceLibrary(prefer_piper=False).voice_for("en")
    sentences = [Sentence("Where it stands.", "Where it stands."), Sentence(LONG_FIRST, LONG_FIRST)]
    spoken = list(speak_sentences(sentences, voice, quick_start=True))
    assert [s.text for s in spoken] == ["Where it stands.", LONG_FIRST]
    # Started from the second sentence (where the reader is), that one is the first.
    assert [s.index for s in speak_sentences(sentences, voice, first=1, quick_start=True)] == [
        1,
        1,
    ]


def test_piper_slowerSpeech_isGivenInSmallerPieces_soItsMemoryStaysCapped(
    piper_model: Any,
) -> None:
    """Piper's memory follows the seconds of speech it makes at once: at the slowest
    speed each phoneme id lasts longer, so fewer fit under the cap."""
    model = _RecordingModel(piper_model)
    settings = replace(PIPER_SETTINGS, length_scale=1.0)
    voice = PiperVoice("en", model, settings)
    words = next(
        n
        for n in itertools.count(5)
        if model.phoneme_ids(long_sentence(n)) > 0.8 * settings.max_phoneme_ids
    )
    text = long_sentence(words)
    voice.synthesize(text, 1.0)
    assert model.given == [text]  # fits at the voice's own pace
    model.given.clear()
    samples = voice.synthesize(text, 0.75)
    assert len(model.given) >= 2
    slowest_cap = settings.max_phoneme_ids * 0.75
    assert all(model.phoneme_ids(given) <= slowest_cap for given in model.given)
    assert " ".join(model.given) == text
    assert samples_rms(samples) > SPEECH_RMS_FLOOR


def test_piper_pieceOverTheCap_isCutAtACommaWhereThereIsOne(piper_model: Any) -> None:
    model = _RecordingModel(piper_model)
    voice = PiperVoice("en", model)
    text = long_sentence(24, comma_every=6)
    assert model.phoneme_ids(text) > PIPER_SETTINGS.max_phoneme_ids
    voice.synthesize(text, 1.0)
    assert len(model.given) >= 2
    assert all(given.endswith((",", ".")) for given in model.given)
    assert " ".join(model.given) == text


def test_piperSettings_areWhatTheVoiceSpeaksWith(piper_model: Any) -> None:
    """The measured settings are data the voice is built with: a slower length scale
    makes the same words last longer."""
    text = long_sentence(16)
    own_pace = PiperVoice("en", piper_model, replace(PIPER_SETTINGS, length_scale=1.0))
    slower = PiperVoice("en", piper_model, replace(PIPER_SETTINGS, length_scale=1.3))
    assert len(slower.synthesize(text, 1.0)) > 1.15 * len(own_pace.synthesize(text, 1.0))


def test_windowsNarrator_startsALongFirstSentenceWithItsFirstWords() -> None:
    """The window's reading thread asks for the quick start (the command line does not)."""
    from reader.ui.read_aloud.narrator import NarratorThread

    require_speech(piper=False)
    sentences = [Sentence(LONG_FIRST, LONG_FIRST), Sentence("Ask your team.", "Ask your team.")]
    narrator = NarratorThread(VoiceLibrary(prefer_piper=False), "en", sentences, 0, 1.0)
    made = []
    while (item := narrator.results.get(timeout=30)) is not None:
        assert not isinstance(item, str), item
        made.append(item)
    narrator.stop()
    assert [(s.index, len(s.text) <= QUICK_START_CHARS) for s in made] == [
        (0, True),
        (0, False),
        (1, True),
    ]
