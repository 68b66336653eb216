"""Audio files (`/fi/` eIds: mp3, ogg, opus, m4a, wav, flac) in an HTML <audio> element.

A new element per load: events still queued for the previous file can then never be taken for
the new one's.
"""

import math
from collections.abc import Callable
from typing import Protocol

import js
from pyodide.ffi import create_once_callable, create_proxy

from app.openwhyd.eid import AUDIO_FILE, url_from_eid
from app.player.adapter import Listener, TrackItem
from app.player.events import Ended, Failure, Paused, Playing, Progress
from app.player.js_types import Promise, Proxy

MEDIA_ERRORS = {
    1: "MEDIA_ERR_ABORTED",
    2: "MEDIA_ERR_NETWORK",
    3: "MEDIA_ERR_DECODE",
    4: "MEDIA_ERR_SRC_NOT_SUPPORTED",
}


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

    def removeEventListener(self, name: str, listener: Proxy) -> None: ...


def _duration(audio: AudioElement) -> float | None:
    duration = float(audio.duration)
    return duration if math.isfinite(duration) and duration > 0 else None


def _failure(audio: AudioElement) -> Failure:
    error = audio.error
    code = int(error.code) if error else 0
    return Failure(code, AUDIO_FILE, MEDIA_ERRORS.get(code, "the file could not be played"))


class AudioFileAdapter:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._audio: AudioElement | None = None
        self._listener: Listener | None = None
        self._handlers: list[tuple[str, Proxy]] = []
        self._volume = (1.0, False)

    def load(self, item: TrackItem, listener: Listener) -> None:
        self.stop()
        audio: AudioElement = js.document.createElement("audio")
        audio.preload = "auto"
        audio.volume, audio.muted = self._volume
        self._audio, self._listener = audio, listener
        handlers = {
            "playing": lambda event: listener(Playing(self._clock(), _duration(audio))),
            "pause": lambda event: self._paused(audio),
            "timeupdate": lambda event: listener(
                Progress(self._clock(), float(audio.currentTime), _duration(audio))
            ),
            "ended": lambda event: listener(Ended(self._clock())),
            "error": lambda event: listener(_failure(audio)),
        }
        for name, handler in handlers.items():
            proxy = create_proxy(handler)
            audio.addEventListener(name, proxy)
            self._handlers.append((name, proxy))
        audio.src = url_from_eid(item.eid) or ""
        self.play()

    def play(self) -> None:
        audio = self._audio
        if audio is not None:
            audio.play().catch(create_once_callable(lambda error: self._refused(audio, error)))

    def _refused(self, audio: AudioElement, error: PlayRefusal) -> None:
        """The browser may refuse to start without a gesture: that is a pause, not a failure.
        Other refusals come again as the element's `error` event."""
        if audio is self._audio and error.name == "NotAllowedError":
            self._paused(audio)

    def _paused(self, audio: AudioElement) -> None:
        """A pause of the element playing, unless it is the one every finished file makes just
        before `ended`."""
        if self._listener is not None and not audio.ended:
            self._listener(Paused(self._clock()))

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
        if self._audio is None:
            return
        for name, proxy in self._handlers:
            self._audio.removeEventListener(name, proxy)
            proxy.destroy()
        self._handlers.clear()
        self._audio.pause()
        self._audio, self._listener = None, None
