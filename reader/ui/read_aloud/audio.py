"""Playing the narration: through the sound card with sounddevice (PortAudio), or, where
there is none (a silent kiosk, CI), a clock that keeps the highlight moving at the pace
the words would be heard. Both say how many seconds have been played.

sounddevice is imported only here, when reading aloud starts, never at start-up.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Protocol


class Player(Protocol):
    def feed(self, samples: bytes) -> None: ...
    def position(self) -> float: ...
    def set_paused(self, paused: bool) -> None: ...
    def close(self) -> None: ...


class _Buffer:
    """16-bit mono samples waiting to be played, shared with the audio thread."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self.lock = threading.Lock()
        self.data = bytearray()
        self.read = 0  # bytes played so far
        self.paused = False

    def fed_seconds(self) -> float:
        with self.lock:
            return len(self.data) / 2 / self.sample_rate


class SoundCardPlayer:
    """Plays through the default output device; the callback runs on PortAudio's thread
    and takes what has been fed, playing silence (without counting it) while paused or
    while the next sentence is still being made."""

    def __init__(self, sounddevice: Any, sample_rate: int) -> None:
        self._buffer = _Buffer(sample_rate)
        self._stream = sounddevice.RawOutputStream(
            samplerate=sample_rate, channels=1, dtype="int16", callback=self._callback
        )
        self._stream.start()

    def _callback(self, out: Any, frames: int, _time: Any, _status: Any) -> None:
        wanted = frames * 2
        buffer = self._buffer
        with buffer.lock:
            chunk = b"" if buffer.paused else bytes(buffer.data[buffer.read : buffer.read + wanted])
            buffer.read += len(chunk)
        out[: len(chunk)] = chunk
        out[len(chunk) : wanted] = b"\0" * (wanted - len(chunk))

    def feed(self, samples: bytes) -> None:
        with self._buffer.lock:
            self._buffer.data.extend(samples)

    def position(self) -> float:
        with self._buffer.lock:
            return self._buffer.read / 2 / self._buffer.sample_rate

    def set_paused(self, paused: bool) -> None:
        with self._buffer.lock:
            self._buffer.paused = paused

    def close(self) -> None:
        self._stream.abort()
        self._stream.close()


class SilentClock:
    """No sound device: the position advances in real time over what has been fed, so
    the reader can still follow the highlighted sentence."""

    def __init__(self, sample_rate: int) -> None:
        self._buffer = _Buffer(sample_rate)
        self._played = 0.0
        self._since: float | None = time.monotonic()

    def feed(self, samples: bytes) -> None:
        with self._buffer.lock:
            self._buffer.data.extend(samples)

    def position(self) -> float:
        if self._since is not None:
            now = time.monotonic()
            self._played = min(self._buffer.fed_seconds(), self._played + now - self._since)
            self._since = now
        return self._played

    def set_paused(self, paused: bool) -> None:
        self.position()
        self._since = None if paused else time.monotonic()

    def close(self) -> None:
        self._since = None


def open_player(sample_rate: int) -> tuple[Player, str]:
    """A player for the sound card, or the silent clock and a plain reason why not."""
    try:
        import sounddevice
    except (ImportError, OSError):
        return SilentClock(sample_rate), "no-library"
    try:
        sounddevice.query_devices(kind="output")
        return SoundCardPlayer(sounddevice, sample_rate), ""
    except Exception:  # PortAudioError, ValueError: no device, or it cannot be opened
        return SilentClock(sample_rate), "no-device"
