"""Read aloud's sound output through a real PortAudio stream: an ALSA "null" device
stands in for a sound card (it plays at the card's pace and discards the sound), so the
sound-card path runs here and in CI, which have no speaker."""

from __future__ import annotations

from pathlib import Path

from tests.speech_support import require_sound_library, require_speech
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


def null_sound_home(tmp_path: Path) -> Path:
    """A home folder whose ALSA default device is the null device; needs PortAudio."""
    require_sound_library()
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(NULL_SOUND_CARD, encoding="utf-8")
    return home


def test_soundCardPlayer_playsWhatItIsFed_andHoldsWhilePaused(tmp_path: Path) -> None:
    home = null_sound_home(tmp_path)
    done = run_python(["-c", PLAY], home=home, extra_env={"HOME": str(home)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "played 1.25"


WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.handbook import load_handbook
from reader.preferences import Preferences
from reader.ui.mainwindow import MainWindow
window = MainWindow(load_handbook(Path(sys.argv[1])), Preferences())
window.start("a/beta")
controller = window.read_aloud
seen = []
controller.sentence_changed.connect(seen.append)
loop = QEventLoop()
controller.finished.connect(loop.quit)
QTimer.singleShot(60_000, loop.quit)
window.action_set["listen"].trigger()
loop.exec()
print(repr(controller.no_sound_reason), controller.bar.status.text(), seen, controller.state)
"""


def test_window_readsThroughASoundCard_highlightFollowingIt(tmp_path: Path) -> None:
    require_speech()
    home = null_sound_home(tmp_path)
    book = tmp_path / "book"
    book.mkdir()
    (book / "a.md").write_text("# Alpha\n\nOne.\n\n## Beta\n\nTwo short words.\n", "utf-8")
    done = run_python(
        ["-c", WINDOW, str(book)],
        home=home,
        extra_env={"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "'' Reading aloud [0, 1] idle"


#: Put first on PYTHONPATH, this makes `import sounddevice` fail as it does where
#: Debian's PortAudio is missing (sounddevice raises OSError when it cannot find it).
WITHOUT_PORTAUDIO = """
import importlib.abc
import sys


class NoPortAudio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return None


sys.meta_path.insert(0, NoPortAudio())
"""


def test_withoutPortAudio_theWindowSaysNoSound_andTheHighlightStillMoves(tmp_path: Path) -> None:
    """A computer without PortAudio: Listen reads on, says plainly that there is no
    sound, and no error reaches the reader."""
    require_speech()
    hidden = tmp_path / "without-portaudio"
    hidden.mkdir()
    (hidden / "sitecustomize.py").write_text(WITHOUT_PORTAUDIO, encoding="utf-8")
    book = tmp_path / "book"
    book.mkdir()
    (book / "a.md").write_text("# Alpha\n\nOne.\n\n## Beta\n\nTwo short words.\n", "utf-8")
    probe = "import sounddevice"
    blocked = run_python(["-c", probe], home=tmp_path, first_on_path=[hidden])
    assert "PortAudio library not found" in blocked.stderr  # the stand-in works
    done = run_python(
        ["-c", WINDOW, str(book)],
        home=tmp_path,
        first_on_path=[hidden],
        extra_env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    reason, status = done.stdout.strip().split(" ", 1)
    assert reason == "'no-library'"
    assert status == (
        "No sound: this computer has no speaker or sound card that works. "
        "The sentences are still marked as they would be read. [0, 1] idle"
    )
    assert done.stderr == ""
