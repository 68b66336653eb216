"""Bandcamp: Openwhyd's service finds where a track streams from (`/api/bandcampExtractor`, as
Openwhyd's own player asks it), then the audio-file adapter plays that stream. Pure Python around
the adapter it is given, so CPython tests cover it."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from app.api.errors import ApiError
from app.openwhyd.eid import AUDIO_FILE, BANDCAMP, source_kind
from app.player.adapter import Adapter, Listener, TrackItem
from app.player.events import Failure, PlayerEvent

NO_STREAM = "no-stream"


@dataclass(frozen=True)
class Stream:
    """A Bandcamp track's stream as the audio-file adapter plays it: a `/fi/` item."""

    eid: str
    name: str = ""


def _as_bandcamp(event: PlayerEvent) -> PlayerEvent:
    """The audio adapter's failures are the Bandcamp track's: logged as such."""
    return replace(event, source=BANDCAMP) if isinstance(event, Failure) else event


class BandcampAdapter:
    def __init__(self, find_stream: Callable[[str], Awaitable[str]], audio: Adapter[TrackItem]) -> None:
        self._find_stream = find_stream
        self._audio = audio
        self._lookup: asyncio.Task | None = None

    def load(self, item: TrackItem, listener: Listener) -> None:
        self.stop()
        self._lookup = asyncio.ensure_future(self._play(item, listener))

    async def _play(self, item: TrackItem, listener: Listener) -> None:
        try:
            url = await self._find_stream(item.eid.split("#")[0])
        except ApiError as error:
            listener(Failure(NO_STREAM, BANDCAMP, error.message))
            return
        stream = Stream(f"/{AUDIO_FILE}/{url}", item.name)
        if source_kind(stream.eid) != AUDIO_FILE:
            listener(Failure(NO_STREAM, BANDCAMP, "the stream's address is not a web address"))
            return
        self._audio.load(stream, lambda event: listener(_as_bandcamp(event)))

    def play(self) -> None:
        self._audio.play()

    def pause(self) -> None:
        self._audio.pause()

    def seek(self, seconds: float) -> None:
        self._audio.seek(seconds)

    def set_volume(self, volume: float, muted: bool) -> None:
        self._audio.set_volume(volume, muted)

    def stop(self) -> None:
        if self._lookup is not None:
            self._lookup.cancel()
            self._lookup = None
        self._audio.stop()
