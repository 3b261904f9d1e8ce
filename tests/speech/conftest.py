"""Fixtures for the read-aloud core tests."""

from __future__ import annotations

from typing import Any

import pytest

from reader.speech import VoiceLibrary
from reader.speech.piper_voice import PiperVoice
from tests.speech_support import require_speech


@pytest.fixture(scope="module")
def piper_model() -> Any:
    """The real Piper model, loaded once for a test file (half a second each)."""
    require_speech()
    voice = VoiceLibrary().voice_for("en")
    assert isinstance(voice, PiperVoice)
    return voice.model
