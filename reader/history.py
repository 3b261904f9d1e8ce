"""Back/forward history of places read, like a browser's, with the scroll position kept."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """A section and how far down its page the reader had scrolled."""

    section_id: str
    scroll: int = 0


@dataclass
class History:
    limit: int = 200
    _back: list[Place] = field(default_factory=list)
    _forward: list[Place] = field(default_factory=list)
    #: Counts the reader's moves (leave, back, forward): a section change that left it
    #: alone came from scrolling, which is how read aloud tells the two apart.
    moves: int = 0

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def leave(self, current: Place) -> None:
        """Record `current` before moving somewhere new; the forward trail is dropped."""
        self.moves += 1
        if self._back and self._back[-1] == current:
            return
        self._back.append(current)
        del self._back[: -self.limit]
        self._forward.clear()

    def back(self, current: Place) -> Place | None:
        self.moves += 1
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: Place) -> Place | None:
        self.moves += 1
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
