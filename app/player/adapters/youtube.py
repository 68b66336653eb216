"""YouTube, through the IFrame API (`YT.Player`), on the visible stage: one player, made with the
first video, and `loadVideoById` for each one after. The API reports states, not time, so the
position is polled while a video plays."""

from collections.abc import Callable

import js

from app.openwhyd.eid import YOUTUBE
from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import EmbeddedAdapter, Session, js_object
from app.player.controller import SetTimer
from app.player.events import Progress
from app.player.vendors import (
    SCRIPTS,
    YOUTUBE_PLAYING,
    known_duration,
    percent,
    reference,
    youtube_event,
    youtube_failure,
)

PROGRESS_EVERY = 0.5
"""Seconds between two looks at the position while playing."""


class YoutubeAdapter(EmbeddedAdapter):
    script = SCRIPTS[YOUTUBE]
    video = True

    def __init__(self, clock: Callable[[], float], set_timer: SetTimer) -> None:
        super().__init__(clock)
        self._set_timer = set_timer
        self._cancel_poll: Callable[[], None] = lambda: None

    def _create(self, item: TrackItem) -> None:
        options = {
            "width": "100%",
            "height": "100%",
            "videoId": reference(item.eid),
            "playerVars": {"playsinline": 1, "rel": 0, "origin": str(js.location.origin)},
            "events": {
                "onReady": self._keep(lambda event: self._created(event.target, item)),
                "onStateChange": self._keep(lambda event: self._changed(int(event.data))),
                "onError": self._keep(lambda event: self._report(youtube_failure(int(event.data)))),
            },
        }
        js.YT.Player.new(stage.video_place(YOUTUBE), js_object(options))

    def _start(self, session: Session, item: TrackItem) -> None:
        self._player.playVideo()

    def _load_item(self, session: Session, item: TrackItem) -> None:
        self._player.loadVideoById(reference(item.eid))

    def _changed(self, state: int) -> None:
        if state == YOUTUBE_PLAYING:
            self._poll()
        else:
            self._cancel_poll()
        event = youtube_event(state, self._clock(), self._duration())
        if event is not None:
            self._report(event)

    def _poll(self) -> None:
        self._cancel_poll()

        def look() -> None:
            if self._player is not None:
                position = float(self._player.getCurrentTime())
                self._report(Progress(self._clock(), position, self._duration()))
                self._poll()

        self._cancel_poll = self._set_timer(PROGRESS_EVERY, look)

    def _duration(self) -> float | None:
        return None if self._player is None else known_duration(float(self._player.getDuration()))

    def play(self) -> None:
        if self._player is not None:
            self._player.playVideo()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pauseVideo()

    def _halt(self) -> None:
        self._cancel_poll()
        self._player.pauseVideo()

    def seek(self, seconds: float) -> None:
        if self._player is not None:
            self._player.seekTo(seconds, True)

    def _apply_volume(self) -> None:
        volume, muted = self._volume
        self._player.setVolume(percent(volume))
        if muted:
            self._player.mute()
        else:
            self._player.unMute()
