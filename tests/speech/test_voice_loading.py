"""Loading the Piper voice safely: ONNX Runtime sessions are made one at a time, and the
windows of one process share one library of voices."""

from __future__ import annotations

import threading
import time

from reader.speech import VoiceLibrary, shared_voices
from reader.speech.piper_voice import SESSIONS, PiperVoice, load_piper_english
from tests.speech_support import require_speech

#: Far longer than a load takes on a quiet machine (0.4-1.6 s measured).
HELD_SECONDS = 2.5


def test_a_voice_waits_while_another_thread_makes_or_lets_go_of_a_session() -> None:
    """The suite once crashed (SIGSEGV) inside ONNX Runtime making a session on a
    window's idle thread; ONNX Runtime makes only `run` safe across threads."""
    require_speech()
    loaded: list[PiperVoice | None] = []
    loader = threading.Thread(target=lambda: loaded.append(load_piper_english()))
    with SESSIONS:  # another thread is making (or letting go of) a session
        loader.start()
        deadline = time.monotonic() + HELD_SECONDS
        while time.monotonic() < deadline and loader.is_alive():
            time.sleep(0.05)
        assert loader.is_alive() and not loaded  # it waits its turn
    loader.join(timeout=60)
    assert not loader.is_alive()
    assert isinstance(loaded[0], PiperVoice) and loaded[0].sample_rate > 0


def test_the_windows_share_one_library_and_a_library_loads_a_voice_once() -> None:
    require_speech()
    assert shared_voices() is shared_voices()
    library = VoiceLibrary()
    voices: list[object] = []

    def load() -> None:
        voices.append(library.voice_for("en"))

    threads = [threading.Thread(target=load) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(voices) == 3 and voices[0] is voices[1] is voices[2]
