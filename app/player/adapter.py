"""What every source's player offers, so one controller drives YouTube, audio files and patches alike."""

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from app.player.events import PlayerEvent

Listener = Callable[[PlayerEvent], None]
Item = TypeVar("Item", contravariant=True)


class TrackItem(Protocol):
    """What a track's adapter reads of the item it plays: an Openwhyd `Track`, or the stream that
    the Bandcamp adapter hands the audio-file adapter."""

    @property
    def eid(self) -> str: ...

    @property
    def name(self) -> str: ...


class Adapter(Protocol[Item]):
    """One source's player, for the items of its source. It reports through the listener given to
    `load` until the next `load` or `stop`: `Playing`, `Paused`, `Progress`, `Ended`, and `Failure`
    when it cannot play."""

    def load(self, item: Item, listener: Listener) -> None:
        """Start playing `item` (autoplay refused by the browser is a `Paused`, not a failure)."""

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def seek(self, seconds: float) -> None: ...

    def set_volume(self, volume: float, muted: bool) -> None: ...

    def stop(self) -> None:
        """Stop and forget the item; no more reports."""


AnyAdapter = Adapter[Any]
"""The adapter of an item of any kind, as the controller holds it: `Sources` picks the one for the
item's kind, by a test at run time that the type checker does not follow."""
