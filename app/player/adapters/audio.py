"""Audio files (`/fi/` eIds: mp3, ogg, opus, m4a, wav, flac) in one HTML <audio> element for the
whole session, whose `src` changes from file to file: a page in the background lets a playing
element go on to the next file where it may refuse to start a new one.

Events the element queued for the previous file must not be taken for the next one's: setting
`src` starts the element's load, whose first event for the new file is `loadstart`; what comes
before it belongs to the file left behind and is not reported.
"""

import asyncio
import math
from collections.abc import Awaitable, Callable
from typing import Protocol

import js
from pyodide.ffi import create_once_callable, create_proxy

from app.openwhyd.eid import url_from_eid
from app.player.adapter import Listener, TrackItem
from app.player.events import Ended, Paused, PlayerEvent, Playing, Progress
from app.player.file_failures import media_failure, server_failure
from app.player.js_types import Promise, Proxy

Probe = Callable[[str], Awaitable[int | None]]
"""The HTTP status a HEAD request for a URL answers, or None when none came."""


class MediaError(Protocol):
    code: int


class PlayRefusal(Protocol):
    """Why `play()`'s promise was rejected: a DOMException."""

    name: str


class AudioElement(Protocol):
    """What the adapter uses of an HTML <audio> element."""

    preload: str
    src: str
    volume: float
    muted: bool
    currentTime: float
    duration: float
    ended: bool
    error: MediaError | None

    def play(self) -> Promise: ...

    def pause(self) -> None: ...

    def addEventListener(self, name: str, listener: Proxy) -> None: ...


def _duration(audio: AudioElement) -> float | None:
    duration = float(audio.duration)
    return duration if math.isfinite(duration) and duration > 0 else None


class AudioFileAdapter:
    def __init__(self, clock: Callable[[], float], probe: Probe) -> None:
        self._clock = clock
        self._probe = probe
        self._audio: AudioElement | None = None
        self._listener: Listener | None = None
        self._pending: Listener | None = None
        """The listener of the file just given to the element, until its `loadstart`."""
        self._url = ""
        self._asking: asyncio.Future | None = None
        self._volume = (1.0, False)

    def _element(self) -> AudioElement:
        """The element, made and listened to on first use."""
        if self._audio is not None:
            return self._audio
        audio: AudioElement = js.document.createElement("audio")
        audio.preload = "auto"
        audio.volume, audio.muted = self._volume
        handlers: dict[str, Callable[[object], None]] = {
            "loadstart": lambda event: self._started_loading(),
            "playing": lambda event: self._report(Playing(self._clock(), _duration(audio))),
            "pause": lambda event: self._paused(audio),
            "timeupdate": lambda event: self._report(
                Progress(self._clock(), float(audio.currentTime), _duration(audio))
            ),
            "ended": lambda event: self._report(Ended(self._clock())),
            "error": lambda event: self._failed(audio),
        }
        for name, handler in handlers.items():
            audio.addEventListener(name, create_proxy(handler))
        self._audio = audio
        return audio

    def load(self, item: TrackItem, listener: Listener) -> None:
        audio = self._element()
        self._listener, self._pending = None, listener
        self._url = url_from_eid(item.eid) or ""
        audio.src = self._url
        self.play()

    def _started_loading(self) -> None:
        if self._pending is not None:
            self._listener, self._pending = self._pending, None

    def _report(self, event: PlayerEvent) -> None:
        if self._listener is not None:
            self._listener(event)

    def play(self) -> None:
        audio, listener = self._audio, self._listener or self._pending
        if audio is not None and listener is not None:
            audio.play().catch(create_once_callable(lambda error: self._refused(listener, error)))

    def _refused(self, listener: Listener, error: PlayRefusal) -> None:
        """The browser may refuse to start without a gesture: that is a pause, not a failure.
        Other refusals come again as the element's `error` event."""
        if listener in (self._listener, self._pending) and error.name == "NotAllowedError":
            listener(Paused(self._clock()))

    def _paused(self, audio: AudioElement) -> None:
        """A pause of the file playing, unless it is the one every finished file makes just
        before `ended`."""
        if not audio.ended:
            self._report(Paused(self._clock()))

    def _failed(self, audio: AudioElement) -> None:
        """The element's error, or better, the reason the file's server gives. The element forgets
        its error as it starts to load the next file, so an error it still has is the file's own,
        even before `loadstart` (a file that failed before may fail again at once)."""
        listener, url, error = self._listener or self._pending, self._url, audio.error
        if listener is None or error is None:
            return
        found = media_failure(int(error.code))

        async def ask_the_server() -> None:
            told = server_failure(await self._probe(url))
            if listener in (self._listener, self._pending):
                listener(told or found)

        self._asking = asyncio.ensure_future(ask_the_server())

    def pause(self) -> None:
        if self._audio is not None:
            self._audio.pause()

    def seek(self, seconds: float) -> None:
        if self._audio is not None:
            self._audio.currentTime = seconds

    def set_volume(self, volume: float, muted: bool) -> None:
        self._volume = (volume, muted)
        if self._audio is not None:
            self._audio.volume, self._audio.muted = volume, muted

    def stop(self) -> None:
        """Pause the element, which stays for the next file; no more reports."""
        self._listener = self._pending = None
        if self._audio is not None:
            self._audio.pause()
