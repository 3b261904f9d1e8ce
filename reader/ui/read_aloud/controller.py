"""Reading the current section aloud in the window: Listen, pause, stop, sentence steps,
speed, "keep going" into the next section, and the highlight that follows the voice.

The voice works on a thread (narrator.py); a timer here feeds what it made to the
player and moves the highlight to the sentence at the player's position. Speech is
imported, and the voice loaded, on a thread once the window has painted and is idle
(`preload_voice`), or by the first Listen if that comes sooner; never at start-up.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QTextDocument

from reader.handbook import Handbook
from reader.history import History
from reader.ui.actions import Actions
from reader.ui.content_view import ContentView
from reader.ui.read_aloud.bar import ReadAloudBar

if TYPE_CHECKING:
    from reader.speech import Sentence, SpokenSentence, VoiceLibrary
    from reader.ui.read_aloud.audio import Player
    from reader.ui.read_aloud.narrator import NarratorThread

TICK_MS = 40
#: Quiet time after the first paint before the voice loads in the background (ms). The
#: loaded Piper voice costs about 150 MB (measured); loading it at the first Listen made
#: families wait about 2 s ("Getting the voice ready…"), so every window, desktop or
#: kiosk, loads it once it is idle (README, "Read aloud").
PRELOAD_IDLE_MS = 500
SEARCH_CHARS = 60  # enough of a sentence to find it on the page


class ReadAloudController(QObject):
    """Owns one reading at a time; states: idle, reading, paused."""

    state_changed = Signal(str)
    sentence_changed = Signal(int)  # index in `sentences`
    made_all = Signal()  # the voice has spoken every sentence into the player
    finished = Signal()  # the section has been read to its end
    message = Signal(str, int)  # a status line and how long (ms) it stays
    navigate_requested = Signal(str)  # "keep going": show the next section (not recorded)

    def __init__(
        self,
        handbook: Handbook,
        current_section: Callable[[], str],
        content: ContentView,
        history: History,
        actions: Actions,
        bar: ReadAloudBar,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudController")
        self.handbook = handbook
        self.current_section = current_section
        self.content = content
        self.history = history
        self.actions = actions
        self.bar = bar
        self.state = "idle"
        self.rate = 1.0
        self.section_id = ""
        self.sentences: list[Sentence] = []
        self.spans: list[tuple[int, int]] = []  # each sentence's place on the page
        self.spoken: list[SpokenSentence] = []
        self.current = -1
        self.no_sound_reason = ""
        self.first_sound_seconds: float | None = None  # Listen to first sample, measured
        #: The process's voices (`shared_voices`), taken when the window is idle or at
        #: the first Listen: a window that replaces this one reuses a loaded voice.
        self.voices: VoiceLibrary | None = None
        self._narrator: NarratorThread | None = None
        self._preloader: threading.Thread | None = None
        self._player: Player | None = None
        self._made_all = False
        self._listen_time = 0.0
        self._history_moves = 0  # the reader's moves when this reading started
        self._handbook: object = None  # whose sentences are in `sentences`
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # -- loading the voice before it is asked for ----------------------------------------

    def preload_voice(self) -> None:
        """Load the voice for the handbook's language on a thread, once; the first
        Listen then speaks at once (a Listen during the load waits for it)."""
        if self._preloader is not None:
            return
        from reader.speech import SpeechUnavailable

        voices, language = self._voices(), self.handbook.language

        def load() -> None:
            with contextlib.suppress(SpeechUnavailable):  # Listen says so, when pressed
                voices.voice_for(language)

        self._preloader = threading.Thread(target=load, name="voice-preload", daemon=True)
        self._preloader.start()

    def _voices(self) -> VoiceLibrary:
        """The process's voices (a benchmark may have put others in `voices`)."""
        if self.voices is None:
            from reader.speech import shared_voices

            self.voices = shared_voices()
        return self.voices

    def shut_down(self) -> None:
        """Stop reading (the window is closing). A voice still loading is left to finish
        on its own: the window that replaces this one in a language switch must not wait
        for it (up to 1.6 s), and the process waits for it as it exits
        (reader/speech/exit_gate.py)."""
        self.stop()

    # -- what the reader asks for -------------------------------------------------------

    def listen(self) -> None:
        """Listen: start from where the reader is; while reading it pauses or resumes."""
        if self.state == "idle":
            self.start()
        else:
            self.set_paused(self.state == "reading")

    def start(self, first: int | None = None) -> None:
        section = self.handbook.section(self.current_section())
        if section is None:
            return
        from reader.speech import section_sentences

        handbook = self.handbook
        if section.id != self.section_id or handbook is not self._handbook:
            self.section_id, self._handbook = section.id, handbook
            language = self.handbook.language
            self.sentences = section_sentences(self.handbook, section, language)
        self.spans = self._locate(self.sentences, section.anchor)  # the page may be new
        start = self._where_reader_is() if first is None else first
        self._begin(max(0, min(start, len(self.sentences) - 1)))

    def set_paused(self, paused: bool) -> None:
        if self.state == "idle":
            return
        if self._player is not None:
            self._player.set_paused(paused)
        self._set_state("paused" if paused else "reading")

    def stop(self) -> None:
        """Stop the voice and the sound, and take the highlight away."""
        self._end_voice()
        self.current = -1
        self.content.highlights.mark_reading(0, 0)
        self._set_state("idle")

    def step(self, delta: int) -> None:
        """Go to the previous (-1) or next (+1) sentence and read on from there."""
        if self.state == "idle":
            return
        target = max(0, self.current + delta)
        if target >= len(self.sentences):
            self.stop()
            return
        self._restart(target)

    def set_rate(self, rate: float) -> None:
        """A new speed applies from the current sentence on."""
        self.rate = rate
        if self.state != "idle":
            self._restart(max(0, self.current))

    # -- reading ------------------------------------------------------------------------

    def _begin(self, first: int) -> None:
        from reader.ui.read_aloud.narrator import NarratorThread

        voices = self._voices()
        self._end_voice()
        self._listen_time = time.perf_counter()
        self.first_sound_seconds = None
        self.spoken = []
        self._made_all = False
        self._first_index = first
        language = self.handbook.language
        self._narrator = NarratorThread(voices, language, self.sentences, first, self.rate)
        self._history_moves = self.history.moves
        self._timer.start()
        self._set_state("reading")
        if not voices.is_loaded(language):
            self.bar.show_status(self.tr("Getting the voice ready…"))

    def _restart(self, first: int) -> None:
        paused = self.state == "paused"
        self._begin(first)
        if paused:
            self.set_paused(True)

    def _end_voice(self) -> None:
        self._timer.stop()
        if self._narrator is not None:
            self._narrator.stop()
            self._narrator = None
        if self._player is not None:
            self._player.close()
            self._player = None

    def _tick(self) -> None:
        self._take_made_sentences()
        if self._player is None or self.state == "idle":
            return
        self.show_position(self._player.position())
        if self._made_all and self.spoken and self._player.position() >= self.spoken[-1].end:
            self._finish()

    def _take_made_sentences(self) -> None:
        import queue

        narrator = self._narrator
        while narrator is not None:
            try:
                item = narrator.results.get_nowait()
            except queue.Empty:
                return
            if item is None:
                self._made_all = True
                self.made_all.emit()
            elif isinstance(item, str):
                self._fail(item)
                return
            else:
                self._play(item, narrator.sample_rate)

    def _play(self, spoken: SpokenSentence, sample_rate: int) -> None:
        if self._player is None:
            from reader.ui.read_aloud.audio import open_player

            self._player, self.no_sound_reason = open_player(sample_rate)
            self.first_sound_seconds = time.perf_counter() - self._listen_time
            if self.state == "paused":
                self._player.set_paused(True)
            self.bar.show_status(self._status_text())
        self._player.feed(spoken.samples)
        self.spoken.append(spoken)

    def _status_text(self) -> str:
        if self.no_sound_reason:
            return self.tr(
                "No sound: this computer has no speaker or sound card that works. "
                "The sentences are still marked as they would be read."
            )
        return self.tr("Reading aloud")

    def _fail(self, message: str) -> None:
        self.stop()
        text = self.tr("Cannot read aloud: %1").replace("%1", message)
        self.bar.show_status(text)
        self.message.emit(text, 10000)

    def _finish(self) -> None:
        continue_on = self.actions["continue_reading"].isChecked()
        following = self.handbook.neighbour(self.section_id, 1)
        self.stop()
        self.finished.emit()
        if continue_on and following is not None:
            self.navigate_requested.emit(following)
            self.start(first=0)

    # -- the highlight ------------------------------------------------------------------

    def show_position(self, seconds: float) -> None:
        """Highlight the sentence heard at `seconds` into the current reading."""
        index = self._index_at(seconds)
        if index < 0 or index == self.current:
            return
        self.current = index
        start, end = self.spans[index] if index < len(self.spans) else (0, 0)
        self.content.highlights.mark_reading(start, end)
        self.sentence_changed.emit(index)

    def _index_at(self, seconds: float) -> int:
        for spoken in self.spoken:
            if spoken.start <= seconds < spoken.end:
                return spoken.index
        return self.spoken[-1].index if self.spoken and seconds >= self.spoken[-1].end else -1

    def _locate(self, sentences: list[Sentence], anchor: str) -> list[tuple[int, int]]:
        """Where each sentence is on the page, searching on from the last one found, so
        the same words twice are told apart; (0, 0) for one that is not shown."""
        document = self.content.document()
        position = self.content.anchor_position(anchor)
        spans: list[tuple[int, int]] = []
        for sentence in sentences:
            needle = sentence.shown[:SEARCH_CHARS]
            found = document.find(needle, position, QTextDocument.FindFlag.FindCaseSensitively)
            if not needle or found.isNull():
                spans.append((0, 0))
                continue
            start = found.selectionStart()
            block_end = found.block().position() + found.block().length() - 1
            spans.append((start, min(block_end, start + len(sentence.shown))))
            position = found.selectionEnd()
        return spans

    def _where_reader_is(self) -> int:
        """The first sentence that reaches into the view (0 when the section's heading
        is in view), so Listen starts where the reader is looking."""
        top = self.content.cursorForPosition(QPoint(0, 0)).position()
        for index, (start, end) in enumerate(self.spans):
            if end > start and end > top:
                return index if index > 1 else 0
        return 0

    # -- the window ---------------------------------------------------------------------

    def on_section_changed(self, section_id: str) -> None:
        """Reading stops when the reader goes to another section (a link, the contents,
        search, back); scrolling through the page, which also changes the current
        section, does not stop it."""
        moved = self.history.moves != self._history_moves
        if self.state != "idle" and moved and section_id != self.section_id:
            self.stop()

    def reset_visit(self) -> None:
        """Kiosk reset: stop, and forget this visitor's speed and choices."""
        self.stop()
        self.rate = 1.0
        self.bar.set_speed(1.0)
        self.actions["continue_reading"].setChecked(False)
        self.bar.show_status("")

    def _set_state(self, state: str) -> None:
        changed = state != self.state
        self.state = state
        actions = self.actions
        actions["pause_reading"].setChecked(state == "paused")
        for action_id in ("pause_reading", "stop_reading", "previous_sentence", "next_sentence"):
            actions[action_id].setEnabled(state != "idle")
        self.bar.setVisible(state != "idle")
        if changed:
            self.state_changed.emit(state)
