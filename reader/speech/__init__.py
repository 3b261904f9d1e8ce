"""Reading aloud, offline: what to say for a section, the voices, timings and WAV files.

Nothing here is imported at start-up: the window loads it, and the voice, half a second
after its first paint (reader/ui/read_aloud/), or at the first Listen if that is sooner.
"""

from reader.speech.narration import Narration, SpokenSentence, narrate, speak_sentences
from reader.speech.script import Sentence, section_sentences
from reader.speech.voices import (
    MAX_RATE,
    MIN_RATE,
    SpeechUnavailable,
    Voice,
    VoiceLibrary,
    check_rate,
    shared_voices,
)
from reader.speech.wav import OutputRefused, write_wav

__all__ = [
    "MAX_RATE",
    "MIN_RATE",
    "Narration",
    "OutputRefused",
    "Sentence",
    "SpeechUnavailable",
    "SpokenSentence",
    "Voice",
    "VoiceLibrary",
    "check_rate",
    "narrate",
    "section_sentences",
    "shared_voices",
    "speak_sentences",
    "write_wav",
]
