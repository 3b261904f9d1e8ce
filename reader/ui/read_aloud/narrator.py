"""The voice's side of reading aloud: a thread that speaks sentences one at a time into
a queue, so the window never waits for synthesis and sound starts after the first
sentence. No Qt here; the controller polls the queue on its timer."""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence

from reader.speech import Sentence, SpeechUnavailable, SpokenSentence, VoiceLibrary


class NarratorThread:
    """Speaks `sentences[first:]` at `rate` into `results`: SpokenSentence items, then
    None when done, or a str (a plain message) if no voice could speak."""

    def __init__(
        self,
        voices: VoiceLibrary,
        language: str,
        sentences: Sequence[Sentence],
        first: int,
        rate: float,
    ) -> None:
        self.results: queue.Queue[SpokenSentence | str | None] = queue.Queue()
        self.sample_rate = 0
        self._stop = threading.Event()
        self._args = (voices, language, sentences, first, rate)
        self._thread = threading.Thread(target=self._run, name="read-aloud", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from reader.speech import speak_sentences

        voices, language, sentences, first, rate = self._args
        try:
            voice = voices.voice_for(language)
            self.sample_rate = voice.sample_rate
            for spoken in speak_sentences(sentences, voice, rate, first, quick_start=True):
                if self._stop.is_set():
                    return
                self.results.put(spoken)
        except SpeechUnavailable as error:
            self.results.put(str(error))
            return
        except Exception as error:  # a voice that crashes must not take the window
            self.results.put(f"the voice failed: {error}")
            return
        self.results.put(None)

    def stop(self) -> None:
        """Ask the thread to finish and wait for it (at most one sentence's synthesis)."""
        self._stop.set()
        self._thread.join()
