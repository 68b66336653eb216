"""Audio files (`/fi/` eIds: mp3, ogg, opus, m4a, wav, flac) in an HTML <audio> element.

A new element per load: events still queued for the previous file can then never be taken for
the new one's.
"""

import math
from collections.abc import Callable

import js
from pyodide.ffi import create_once_callable, create_proxy

from app.openwhyd.eid import AUDIO_FILE, url_from_eid
from app.player.adapter import Listener
from app.player.events import Ended, Failure, Paused, Playing, Progress

MEDIA_ERRORS = {
    1: "MEDIA_ERR_ABORTED",
    2: "MEDIA_ERR_NETWORK",
    3: "MEDIA_ERR_DECODE",
    4: "MEDIA_ERR_SRC_NOT_SUPPORTED",
}


class AudioFileAdapter:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._audio = None
        self._listener: Listener | None = None
        self._handlers: list[tuple[str, object]] = []
        self._volume = (1.0, False)

    def load(self, item: object, listener: Listener) -> None:
        self.stop()
        audio = js.document.createElement("audio")
        audio.preload = "auto"
        audio.volume, audio.muted = self._volume
        self._audio, self._listener = audio, listener
        handlers = {
            "playing": lambda event: listener(Playing(self._clock(), self._duration())),
            "pause": self._paused,
            "timeupdate": lambda event: listener(
                Progress(self._clock(), float(audio.currentTime), self._duration())
            ),
            "ended": lambda event: listener(Ended(self._clock())),
            "error": lambda event: listener(self._failure()),
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

    def _refused(self, audio: object, error: object) -> None:
        """The browser may refuse to start without a gesture: that is a pause, not a failure.
        Other refusals come again as the element's `error` event."""
        if audio is self._audio and error.name == "NotAllowedError":
            self._paused()

    def _paused(self, event: object = None) -> None:
        """A pause, unless it is the one every finished file makes just before `ended`."""
        if self._listener is not None and not self._audio.ended:
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

    def _duration(self) -> float | None:
        duration = float(self._audio.duration)
        return duration if math.isfinite(duration) and duration > 0 else None

    def _failure(self) -> Failure:
        error = self._audio.error
        code = int(error.code) if error else 0
        return Failure(code, AUDIO_FILE, MEDIA_ERRORS.get(code, "the file could not be played"))
