"""Read aloud's sound output through a real PortAudio stream: an ALSA "null" device
stands in for a sound card (it plays at the card's pace and discards the sound), so the
sound-card path runs here and in CI, which have no speaker."""

from __future__ import annotations

import ctypes.util
import os
from pathlib import Path

import pytest

from tests.speech_support import REQUIRE_TOOLS_ENV
from tests.support import run_python

NULL_SOUND_CARD = "pcm.!default { type null }\n"

PLAY = """
import time
from reader.ui.read_aloud.audio import SoundCardPlayer, open_player

player, reason = open_player(22050)
assert isinstance(player, SoundCardPlayer) and reason == "", reason
first = 22050 // 4  # samples: a quarter of a second
player.feed(b"\\x10\\x00" * first)

def wait_for(condition):
    deadline = time.monotonic() + 30
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()

assert wait_for(lambda: player.position() >= first / 22050), player.position()
player.set_paused(True)
player.feed(b"\\x10\\x00" * 22050)
held = player.position()
time.sleep(0.2)
assert player.position() == held  # paused: nothing more is played
player.set_paused(False)
assert wait_for(lambda: player.position() >= (first + 22050) / 22050), player.position()
player.close()
print("played", round(player.position(), 2))
"""


def test_soundCardPlayer_playsWhatItIsFed_andHoldsWhilePaused(tmp_path: Path) -> None:
    if ctypes.util.find_library("portaudio") is None:
        reason = "PortAudio is not installed (apt-get install libportaudio2)"
        if os.environ.get(REQUIRE_TOOLS_ENV) == "1":
            pytest.fail(f"{reason}, and {REQUIRE_TOOLS_ENV}=1 requires it")
        pytest.skip(reason)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(NULL_SOUND_CARD, encoding="utf-8")
    done = run_python(["-c", PLAY], home=home, extra_env={"HOME": str(home)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "played 1.25"
