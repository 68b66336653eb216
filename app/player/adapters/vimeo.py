"""Vimeo, through its player API (`Vimeo.Player`, whose methods answer promises), on the visible
stage."""

from collections.abc import Callable
from typing import Any

import js

from app.openwhyd.eid import VIMEO
from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import IGNORE, EmbeddedAdapter, Session, js_object
from app.player.events import Ended, Paused, Playing, Progress
from app.player.vendors import SCRIPTS, known_duration, reference, vimeo_failure


def _duration(data: Any) -> float | None:
    """The `duration` of an event's data, which some events come without."""
    return known_duration(float(data.duration)) if getattr(data, "duration", None) is not None else None


class VimeoAdapter(EmbeddedAdapter):
    script = SCRIPTS[VIMEO]

    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__(clock)
        self._embed: Any = None
        self._bound: list[str] = []

    def _open(self, session: Session, item: TrackItem) -> None:
        options = {"id": int(reference(item.eid)), "autoplay": True, "playsinline": True}
        embed = self._embed = js.Vimeo.Player.new(stage.video_place(), js_object(options))
        handlers = {
            "play": lambda data: session.report(Playing(self._clock(), _duration(data))),
            "pause": lambda data: session.report(Paused(self._clock())),
            "ended": lambda data: session.report(Ended(self._clock())),
            "timeupdate": lambda data: session.report(
                Progress(self._clock(), float(data.seconds), _duration(data))
            ),
            "error": lambda data: session.report(vimeo_failure(str(data.name), str(data.message))),
        }
        for name, handler in handlers.items():
            embed.on(name, session.callback(handler))
        self._bound = list(handlers)
        embed.ready().then(
            session.once(lambda *args: self._ready(session, embed)),
            session.once(lambda error: session.report(vimeo_failure(str(error.name), str(error.message)))),
        )

    def _ready(self, session: Session, embed: Any) -> None:
        self._player = embed
        self._apply_volume()
        embed.play().catch(session.once(lambda error: self._refused(session, error)))

    def _refused(self, session: Session, error: Any) -> None:
        """The browser may refuse to start without a gesture: that is a pause, not a failure."""
        if str(error.name) == "NotAllowedError":
            session.report(Paused(self._clock()))
        else:
            session.report(vimeo_failure(str(error.name), str(error.message)))

    def play(self) -> None:
        if self._player is not None:
            self._player.play().catch(IGNORE)

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause().catch(IGNORE)

    def seek(self, seconds: float) -> None:
        if self._player is not None:
            self._player.setCurrentTime(seconds).catch(IGNORE)

    def _apply_volume(self) -> None:
        volume, muted = self._volume
        self._player.setVolume(0.0 if muted else volume).catch(IGNORE)

    def _close(self) -> None:
        if self._embed is not None:
            for name in self._bound:
                self._embed.off(name)
            self._embed.destroy().catch(IGNORE)
            self._embed, self._bound = None, []
        stage.hide_video()
