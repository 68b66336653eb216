"""YouTube, through the IFrame API (`YT.Player`), on the visible stage. The API reports states,
not time, so the position is polled while the video plays."""

from collections.abc import Callable
from typing import Any

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

    def __init__(self, clock: Callable[[], float], set_timer: SetTimer) -> None:
        super().__init__(clock)
        self._set_timer = set_timer
        self._embed: Any = None
        self._cancel_poll: Callable[[], None] = lambda: None

    def _open(self, session: Session, item: TrackItem) -> None:
        options = {
            "width": "100%",
            "height": "100%",
            "videoId": reference(item.eid),
            "playerVars": {"autoplay": 1, "playsinline": 1, "rel": 0, "origin": str(js.location.origin)},
            "events": {
                "onReady": session.callback(lambda event: self._ready(event.target)),
                "onStateChange": session.callback(lambda event: self._changed(session, int(event.data))),
                "onError": session.callback(lambda event: session.report(youtube_failure(int(event.data)))),
            },
        }
        self._embed = js.YT.Player.new(stage.video_place(), js_object(options))

    def _ready(self, player: Any) -> None:
        self._player = player
        self._apply_volume()
        player.playVideo()

    def _changed(self, session: Session, state: int) -> None:
        if state == YOUTUBE_PLAYING:
            self._poll(session)
        else:
            self._cancel_poll()
        event = youtube_event(state, self._clock(), self._duration())
        if event is not None:
            session.report(event)

    def _poll(self, session: Session) -> None:
        self._cancel_poll()

        def look() -> None:
            if session.open and self._player is not None:
                position = float(self._player.getCurrentTime())
                session.report(Progress(self._clock(), position, self._duration()))
                self._poll(session)

        self._cancel_poll = self._set_timer(PROGRESS_EVERY, look)

    def _duration(self) -> float | None:
        return None if self._player is None else known_duration(float(self._player.getDuration()))

    def play(self) -> None:
        if self._player is not None:
            self._player.playVideo()

    def pause(self) -> None:
        if self._player is not None:
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

    def _close(self) -> None:
        self._cancel_poll()
        if self._embed is not None:
            self._embed.destroy()
            self._embed = None
        stage.hide_video()
