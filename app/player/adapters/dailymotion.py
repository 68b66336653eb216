"""Dailymotion, through its Player Embed Script (`dailymotion.createPlayer`, answering a promise of
the player), on the visible stage: one player, made with the first video, and `loadContent` for
each one after."""

from collections.abc import Callable
from typing import Any

import js

from app.openwhyd.eid import DAILYMOTION
from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import EmbeddedAdapter, Session, js_object
from app.player.events import Ended, Failure, Paused, Playing, Progress
from app.player.vendors import dailymotion_failure, dailymotion_script, known_duration, reference


class DailymotionAdapter(EmbeddedAdapter):
    video = True

    def __init__(self, clock: Callable[[], float], player_id: str) -> None:
        super().__init__(clock)
        self.script = dailymotion_script(player_id)

    def _create(self, item: TrackItem) -> None:
        options = {"video": reference(item.eid), "params": {"mute": False}}
        js.dailymotion.createPlayer(stage.video_place(DAILYMOTION).id, js_object(options)).then(
            self._keep(lambda player: self._bind(player, item)),
            self._keep(lambda error: self._creation_failed(dailymotion_failure("player", str(error)))),
        )

    def _bind(self, player: Any, item: TrackItem) -> None:
        events = js.dailymotion.events
        handlers = {
            events.VIDEO_PLAYING: lambda state: self._report(Playing(self._clock(), self._duration(state))),
            events.VIDEO_PAUSE: lambda state: self._report(Paused(self._clock())),
            events.VIDEO_END: lambda state: self._report(Ended(self._clock())),
            events.VIDEO_TIMECHANGE: lambda state: self._report(
                Progress(self._clock(), float(state.videoTime), self._duration(state))
            ),
            events.PLAYER_ERROR: lambda state: self._report(self._failure(state)),
        }
        for name, handler in handlers.items():
            player.on(name, self._keep(handler))
        self._created(player, item)

    def _start(self, session: Session, item: TrackItem) -> None:
        self._player.play()

    def _load_item(self, session: Session, item: TrackItem) -> None:
        self._player.loadContent(js_object({"video": reference(item.eid)}))
        self._player.play()

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
