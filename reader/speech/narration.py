"""A section spoken sentence by sentence, with the time each sentence starts and ends.

Each sentence is synthesised on its own and followed by a short silence, so the timings
are exact by construction (no guessing from word counts) and the window can start
playing as soon as the first sentence is ready. Each sentence is brought to the same
loudness (loudness.py), so none is louder than its neighbours. A sentence's time runs from its first
sample to the first sample of the next one; the last ends with the audio, so together
they cover it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.speech.chunks import cut_pieces
from reader.speech.loudness import level
from reader.speech.script import Sentence
from reader.speech.voices import Voice, check_rate

# Seconds of silence after a sentence (at rate 1): longer after a heading or a block.
PAUSE_AFTER = {"heading": 0.5, "picture": 0.4, "cell": 0.3, "text": 0.25}
#: With `quick_start`, a first sentence longer than twice this is spoken in two parts:
#: its first words up to a pause (at most this many characters), then the rest. Sound
#: then starts after a few words are made (about 0.3 s), not the whole sentence (up to
#: about 1 s for 240 characters); the two parts meet where a reader pauses.
QUICK_START_CHARS = 60


@dataclass(frozen=True)
class SpokenSentence:
    index: int
    text: str
    shown: str
    start: float
    end: float
    samples: bytes  # the sentence's audio and the silence after it


@dataclass(frozen=True)
class Narration:
    sample_rate: int
    sentences: tuple[SpokenSentence, ...]

    @property
    def seconds(self) -> float:
        return self.sentences[-1].end if self.sentences else 0.0

    @property
    def samples(self) -> bytes:
        return b"".join(sentence.samples for sentence in self.sentences)

    def timings(self) -> list[dict[str, object]]:
        """The timings as `--json` prints them and the highlighting uses them: `text` is
        what the voice was given, `shown` the words on the page."""
        return [
            {
                "text": s.text,
                "shown": s.shown,
                "start": round(s.start, 3),
                "end": round(s.end, 3),
            }
            for s in self.sentences
        ]


def speak_sentences(
    sentences: Sequence[Sentence],
    voice: Voice,
    rate: float = 1.0,
    first: int = 0,
    *,
    quick_start: bool = False,
) -> Iterator[SpokenSentence]:
    """Synthesise `sentences[first:]` one at a time; times count from the first one.
    With `quick_start` (the window: a family waits for the first sound), a long first
    sentence comes as two items with the same `index`, its first words and the rest."""
    check_rate(rate)
    frame = 2  # bytes per 16-bit mono sample
    position = 0  # in samples
    for index in range(first, len(sentences)):
        sentence = sentences[index]
        parts = quick_start_parts(sentence.text) if quick_start and index == first else []
        pause_seconds = PAUSE_AFTER.get(sentence.kind, 0.25)
        said = [(part, 0.0) for part in parts[:-1]] + [
            (parts[-1] if parts else sentence.text, pause_seconds)
        ]
        for text, after in said:
            audio = level(voice.synthesize(text, rate), voice.sample_rate)
            samples = audio + b"\0" * (int(voice.sample_rate * after / rate) * frame)
            length = len(samples) // frame
            yield SpokenSentence(
                index,
                text,
                sentence.shown,
                position / voice.sample_rate,
                (position + length) / voice.sample_rate,
                samples,
            )
            position += length


def quick_start_parts(text: str) -> list[str]:
    """A long sentence's first words, up to a pause, and the rest; [] for a sentence
    short enough to make at once (or with nowhere to cut)."""
    if len(text) <= 2 * QUICK_START_CHARS:
        return []
    lead = cut_pieces(text, QUICK_START_CHARS)[0]
    rest = text[text.index(lead) + len(lead) :].strip()
    return [lead, rest] if rest and any(c.isalnum() for c in lead) else []


def narrate(sentences: Sequence[Sentence], voice: Voice, rate: float = 1.0) -> Narration:
    """The whole narration at once (for the command line's WAV file)."""
    return Narration(voice.sample_rate, tuple(speak_sentences(sentences, voice, rate)))
