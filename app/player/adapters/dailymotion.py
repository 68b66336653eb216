"""Dailymotion, through its Player Embed Script (`dailymotion.createPlayer`, answering a promise of
the player), on the visible stage."""

from collections.abc import Callable
from typing import Any

import js

from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import EmbeddedAdapter, Session, js_object
from app.player.events import Ended, Failure, Paused, Playing, Progress
from app.player.vendors import dailymotion_failure, dailymotion_script, known_duration, reference


class DailymotionAdapter(EmbeddedAdapter):
    def __init__(self, clock: Callable[[], float], player_id: str) -> None:
        super().__init__(clock)
        self.script = dailymotion_script(player_id)
        self._bound: list[tuple[str, object]] = []

    def _open(self, session: Session, item: TrackItem) -> None:
        options = {"video": reference(item.eid), "params": {"mute": False}}
        js.dailymotion.createPlayer(stage.video_place().id, js_object(options)).then(
            session.once(lambda player: self._ready(session, player)),
            session.once(lambda error: session.report(dailymotion_failure("player", str(error)))),
        )

    def _ready(self, session: Session, player: Any) -> None:
        events = js.dailymotion.events
        handlers = {
            events.VIDEO_PLAYING: lambda state: session.report(Playing(self._clock(), self._duration(state))),
            events.VIDEO_PAUSE: lambda state: session.report(Paused(self._clock())),
            events.VIDEO_END: lambda state: session.report(Ended(self._clock())),
            events.VIDEO_TIMECHANGE: lambda state: session.report(
                Progress(self._clock(), float(state.videoTime), self._duration(state))
            ),
            events.PLAYER_ERROR: lambda state: session.report(self._failure(state)),
        }
        self._bound = [(name, session.callback(handler)) for name, handler in handlers.items()]
        for name, callback in self._bound:
            player.on(name, callback)
        self._player = player
        self._apply_volume()
        player.play()

    @staticmethod
    def _failure(state: Any) -> Failure:
        error = state.playerError
        return dailymotion_failure(str(getattr(error, "code", "")), str(getattr(error, "message", "") or ""))

    @staticmethod
    def _duration(state: Any) -> float | None:
        return known_duration(float(state.videoDuration or 0))

    def seek(self, seconds: float) -> None:
        if self._player is not None:
            self._player.seek(seconds)

    def _apply_volume(self) -> None:
        volume, muted = self._volume
        self._player.setVolume(volume)
        self._player.setMute(muted)

    def _close(self) -> None:
        if self._player is not None:
            for name, callback in self._bound:
                self._player.off(name, callback)
            self._player.pause()
        self._bound = []
        stage.hide_video()
