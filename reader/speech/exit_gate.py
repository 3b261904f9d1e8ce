"""Calls into ONNX Runtime finish before the interpreter exits.

ONNX Runtime aborts the whole process ("terminate called without an active exception",
exit status 134) when Python exits while one of its calls runs on another thread: a
voice loading on the window's idle thread, or a sentence being spoken on the reading
thread, as the last window closes or a script ends. Measured here: an exit 0.3 s into
a voice load, or 0.4-0.8 s into speaking, aborted the process.

So every call into it passes through `ONNX_CALLS`. When the interpreter exits the gate
closes: it waits for the calls under way (one load is about 1.6 s, one piece's speech
well under one), then refuses new ones with `SpeechUnavailable`, which a reading thread
already handles as "no voice".
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from reader.speech.voices import SpeechUnavailable

#: How long an exit waits for calls under way: far past a load on a busy machine, and
#: an exit that hangs on a stuck call must still end.
EXIT_WAIT_SECONDS = 20.0


class ExitGate:
    """Counts the calls under way; `close` waits for them and refuses new ones."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._running = 0
        self._closed = False

    @contextmanager
    def call(self) -> Iterator[None]:
        with self._changed:
            if self._closed:
                raise SpeechUnavailable("the reader is closing")
            self._running += 1
        try:
            yield
        finally:
            with self._changed:
                self._running -= 1
                self._changed.notify_all()

    def close(self, timeout: float = EXIT_WAIT_SECONDS) -> bool:
        """Refuse new calls and wait for those under way; False if some still run."""
        with self._changed:
            self._closed = True
            return self._changed.wait_for(lambda: self._running == 0, timeout)


ONNX_CALLS = ExitGate()
atexit.register(ONNX_CALLS.close)
