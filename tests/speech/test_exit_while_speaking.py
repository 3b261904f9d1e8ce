"""A process that exits while the Piper voice loads or speaks on another thread ends
cleanly (ONNX Runtime aborted it before: "terminate called without an active
exception", exit status 134). Real processes, the real voice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.speech_support import require_speech

REPO = Path(__file__).resolve().parents[2]

#: Exits once the thread is inside ONNX Runtime: while the voice loads (its model is
#: made into a session, about 0.17 s, entered as the profile hook sees it; DELAY into
#: it), or while it speaks a long sentence.
LOADING = """
import sys, threading, time
from reader.speech import VoiceLibrary
inside = threading.Event()
def watch(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "_create_inference_session":
        inside.set()
threading.setprofile(watch)
library = VoiceLibrary()
threading.Thread(target=lambda: library.voice_for("en"), daemon=True).start()
inside.wait(60)
time.sleep(DELAY)
sys.exit(0)
"""
SPEAKING = """
import sys, threading, time
from reader.speech import SpeechUnavailable, VoiceLibrary
voice = VoiceLibrary().voice_for("en")
started = threading.Event()
def speak():
    started.set()
    try:
        for _ in range(20):
            voice.synthesize("A long sentence, read aloud while the program ends, "
                             "with many words in it so that it takes a while.", 1.0)
    except SpeechUnavailable:
        pass
threading.Thread(target=speak, daemon=True).start()
started.wait()
time.sleep(0.3)
sys.exit(0)
"""


def _exit_during(script: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )


def test_exiting_while_the_voice_loads_ends_cleanly() -> None:
    """At three moments of the load: one alone missed the abort about a third of the
    time before the fix."""
    require_speech()
    for delay in (0.0, 0.06, 0.12):
        done = _exit_during(LOADING.replace("DELAY", str(delay)))
        assert "terminate called" not in done.stderr, delay
        assert done.returncode == 0, (delay, done.stderr[-2000:])


def test_exiting_while_the_voice_speaks_ends_cleanly() -> None:
    require_speech()
    done = _exit_during(SPEAKING)
    assert "terminate called" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
