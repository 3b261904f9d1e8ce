"""The voices: a neural Piper voice for English, eSpeak NG for Spanish (and for English
where Piper is not installed). Both run on this computer with files installed with the
app; nothing is ever downloaded.

Chosen by measurement (README, "Read aloud"): Piper's en_US "joe" voice sounds natural
and makes speech 20 times faster than it is spoken on two cores; no Piper voice for
Spanish is packaged, and eSpeak NG's Spanish is clear if mechanical. Piper's own part
(its settings, model and memory cap) is reader/speech/piper_voice.py.

A voice turns one sentence into 16-bit mono samples at its `sample_rate`; `rate` 1.0 is
the voice's normal pace, 0.75 slower, 1.5 faster. Each voice speaks a long sentence in
pieces of at most `MAX_VOICE_CHARS` characters (reader/speech/chunks.py), so what a
handbook writes cannot decide how much memory a voice takes at once.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import wave
from dataclasses import dataclass
from io import BytesIO
from typing import Protocol

from reader.speech.chunks import voice_chunks

MIN_RATE = 0.75
MAX_RATE = 1.5
ESPEAK_WORDS_PER_MINUTE = 175  # eSpeak NG's own default pace
ESPEAK_VOICES = {"en": "en-us", "es": "es"}
#: Seconds one eSpeak NG process may take for one piece (it needs well under one).
ESPEAK_TIMEOUT = 60


class SpeechUnavailable(Exception):
    """No voice for this language can run here; the message says what to install."""


class Voice(Protocol):
    name: str
    language: str
    sample_rate: int

    def synthesize(self, text: str, rate: float) -> bytes:
        """16-bit little-endian mono samples of `text` spoken at `rate`."""
        ...


def check_rate(rate: float) -> float:
    if not MIN_RATE <= rate <= MAX_RATE:
        raise ValueError(f"the speed must be from {MIN_RATE} to {MAX_RATE} (1 is normal)")
    return rate


@dataclass
class EspeakVoice:
    """eSpeak NG, the Debian `espeak-ng` program, one short process per piece (about
    10 ms each): nothing stays loaded, and a crash cannot take the window with it."""

    language: str
    program: str
    sample_rate: int = 22050
    name: str = ""

    def __post_init__(self) -> None:
        self.name = f"eSpeak NG {ESPEAK_VOICES.get(self.language, self.language)}"

    def synthesize(self, text: str, rate: float) -> bytes:
        speed = round(ESPEAK_WORDS_PER_MINUTE * check_rate(rate))
        return b"".join(self._speak(piece, speed) for piece in voice_chunks(text))

    def _speak(self, text: str, speed: int) -> bytes:
        """One piece, given on standard input (`--stdin`): text on the command line is
        read as options when it starts with "-" ("-5 grados", "-w/elsewhere.wav")."""
        voice = ESPEAK_VOICES.get(self.language, self.language)
        command = [self.program, "-v", voice, "-s", str(speed), "--stdout", "-b", "1", "--stdin"]
        try:
            done = subprocess.run(
                command,
                input=text.encode("utf-8", "replace"),
                capture_output=True,
                check=True,
                timeout=ESPEAK_TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise SpeechUnavailable(f"eSpeak NG failed: {error}") from None
        return _samples_from_wav(done.stdout, self.sample_rate)


def _samples_from_wav(data: bytes, expected_rate: int) -> bytes:
    """The samples of eSpeak's streamed WAV: its header gives no length, so the data is
    everything after the 44-byte header."""
    with wave.open(BytesIO(data[:44] + b"\0\0")) as header:
        if header.getframerate() != expected_rate or header.getsampwidth() != 2:
            raise SpeechUnavailable("eSpeak NG gave audio in an unexpected format")
    samples = data[44:]
    return samples[: len(samples) // 2 * 2]


class VoiceLibrary:
    """Loads each language's voice once, on first use, and keeps it.

    `prefer_piper=False` gives eSpeak NG for every language (smaller, faster to start;
    the benchmark compares both).
    """

    def __init__(self, *, prefer_piper: bool = True) -> None:
        self.prefer_piper = prefer_piper
        self._voices: dict[str, Voice] = {}
        # The window loads the voice on a thread while idle and the reading thread may
        # ask for it at the same moment: one loads it, the other waits for it.
        self._lock = threading.Lock()

    def voice_for(self, language: str) -> Voice:
        """The best voice for `language` ("en", "es", or "en-GB"-style tags)."""
        base = language.split("-")[0].split("_")[0].lower() or "en"
        with self._lock:
            if base not in self._voices:
                self._voices[base] = self._load(base)
            return self._voices[base]

    def is_loaded(self, language: str) -> bool:
        base = language.split("-")[0].split("_")[0].lower() or "en"
        return base in self._voices

    def _load(self, language: str) -> Voice:
        if language == "en" and self.prefer_piper:
            from reader.speech.piper_voice import load_piper_english

            piper = load_piper_english()
            if piper is not None:
                return piper
        if language not in ESPEAK_VOICES:
            raise SpeechUnavailable(f"there is no voice for the language '{language}'")
        program = shutil.which("espeak-ng")
        if program is None:
            raise SpeechUnavailable("reading aloud needs eSpeak NG (install the espeak-ng package)")
        return EspeakVoice(language, program)


_SHARED: VoiceLibrary | None = None
_SHARED_MADE = threading.Lock()


def shared_voices() -> VoiceLibrary:
    """The process's one library, for every window it opens.

    A language switch, another handbook or the end of a kiosk visit each replace the
    window. With a library of its own, each new window loaded Piper again (about 1.6 s
    and 150 MB) while the old window's copy was still held, and two windows' loads could
    run at once on two threads: ONNX Runtime makes only `run` safe across threads, and
    the test suite once crashed (SIGSEGV) inside a voice load on a window's idle thread.
    One library loads each voice once per process, one load at a time.
    """
    global _SHARED
    with _SHARED_MADE:
        if _SHARED is None:
            _SHARED = VoiceLibrary()
        return _SHARED
