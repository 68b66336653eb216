"""A long list's data, apart from how it is drawn and paged (`long_list`): what the state keeps of
each list on screen, so the state can name it without loading the drawing."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.openwhyd.models import Track
from app.ui.components.virtual_list import Paging, Window
from app.ui.core.viewer import Viewer


@dataclass(frozen=True)
class Chunk:
    """A page of a list: its tracks, what to show at the end of each row (or nothing), and where
    the next page starts (None: this was the last)."""

    tracks: tuple[Track, ...]
    cursor: str | None
    extras: tuple[str, ...] = ()


Fetch = Callable[[str | None, int], Awaitable[Chunk]]
"""Fetches about `size` tracks from a cursor on (None: from the start; some lists fix the size)."""


@dataclass
class LongList:
    key: str
    """The list's name in `AppState.lists`, for `play-list`, and in `AppState.long_lists`."""
    label: str
    fetch: Fetch
    first_page: int
    """The size of the first page: later ones grow from it."""
    tracks: tuple[Track, ...]
    paging: Paging
    extras: tuple[str, ...] = ()
    total: int | None = None
    """How long the list is, when the service says so; else it is known at the end."""
    track_query: dict[str, str] | None = None
    """Added to each row's link to its track page (where the track was found)."""
    shown: Window | None = None
    """The window last drawn."""

    @property
    def rows_id(self) -> str:
        return f"{self.key}-rows"

    @property
    def status_id(self) -> str:
        return f"{self.key}-status"

    @property
    def set_size(self) -> int:
        """The `aria-setsize` of the rows: -1 while the length is unknown."""
        if self.paging.complete:
            return len(self.tracks)
        return self.total if self.total is not None else -1

    def rows(self, start: int, end: int, playing: str | None, viewer: Viewer) -> dict[str, Any]:
        """The context `track_list.html` draws rows `start` to `end` with."""
        return {
            "viewer": viewer,
            "tracks": self.tracks[start:end],
            "offset": start,
            "list_key": self.key,
            "extra": self.extras or None,
            "track_query": self.track_query,
            "set_size": self.set_size,
            "playing": playing,
        }
