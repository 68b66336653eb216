"""Vimeo, through its player API (`Vimeo.Player`, whose methods answer promises), on the visible
stage: one player, made with the first video, and `loadVideo` for each one after."""

from typing import Any

import js

from app.openwhyd.eid import VIMEO
from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import IGNORE, EmbeddedAdapter, Session, js_object
from app.player.events import Ended, Failure, Paused, Playing, Progress
from app.player.vendors import SCRIPTS, known_duration, reference, vimeo_failure


def _failure(error: Any) -> Failure:
    """A Vimeo error, as a promise rejects with it or an `error` event carries it."""
    return vimeo_failure(str(error.name), str(error.message))


def _duration(data: Any) -> float | None:
    """The `duration` of an event's data, which some events come without."""
    return known_duration(float(data.duration)) if getattr(data, "duration", None) is not None else None


class VimeoAdapter(EmbeddedAdapter):
    script = SCRIPTS[VIMEO]
    video = True

    def _create(self, item: TrackItem) -> None:
        options = {"id": int(reference(item.eid)), "playsinline": True}
        embed = js.Vimeo.Player.new(stage.video_place(VIMEO), js_object(options))
        handlers = {
            "play": lambda data: self._report(Playing(self._clock(), _duration(data))),
            "pause": lambda data: self._report(Paused(self._clock())),
            "ended": lambda data: self._report(Ended(self._clock())),
            "timeupdate": lambda data: self._report(
                Progress(self._clock(), float(data.seconds), _duration(data))
            ),
            "error": lambda data: self._report(_failure(data)),
        }
        for name, handler in handlers.items():
            embed.on(name, self._keep(handler))
        embed.ready().then(
            self._keep(lambda *args: self._created(embed, item)),
            self._keep(lambda error: self._creation_failed(_failure(error))),
        )

    def _start(self, session: Session, item: TrackItem) -> None:
        self._player.play().catch(session.once(lambda error: self._refused(session, error)))

    def _load_item(self, session: Session, item: TrackItem) -> None:
        self._player.loadVideo(int(reference(item.eid))).then(
            session.once(lambda *args: self._start(session, item)),
            session.once(lambda error: session.report(_failure(error))),
        )

    def _refused(self, session: Session, error: Any) -> None:
        """The browser may refuse to start without a gesture: that is a pause, not a failure."""
        if str(error.name) == "NotAllowedError":
            session.report(Paused(self._clock()))
        else:
            session.report(_failure(error))

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
