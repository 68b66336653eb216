"""What every source's player offers, so one controller drives YouTube, audio files and patches alike."""

from collections.abc import Callable
from typing import Protocol

from app.player.events import PlayerEvent

Listener = Callable[[PlayerEvent], None]


class Adapter(Protocol):
    """One source's player. It reports through the listener given to `load` until the next
    `load` or `stop`: `Playing`, `Paused`, `Progress`, `Ended`, and `Failure` when it cannot play."""

    def load(self, item: object, listener: Listener) -> None:
        """Start playing `item` (autoplay refused by the browser is a `Paused`, not a failure)."""

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def seek(self, seconds: float) -> None: ...

    def set_volume(self, volume: float, muted: bool) -> None: ...

    def stop(self) -> None:
        """Stop and forget the item; no more reports."""
