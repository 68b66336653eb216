"""SoundCloud, through its Widget API (`SC.Widget`) on a `w.soundcloud.com/player/` iframe, a new
one per track, kept out of sight in the widget holder."""

from collections.abc import Callable
from typing import Any

import js

from app.openwhyd.eid import SOUNDCLOUD
from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import EmbeddedAdapter, Session
from app.player.events import Ended, Paused, Playing, Progress
from app.player.vendors import SCRIPTS, SOUNDCLOUD_FAILURE, known_duration, percent, soundcloud_widget_url


class SoundcloudAdapter(EmbeddedAdapter):
    script = SCRIPTS[SOUNDCLOUD]

    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__(clock)
        self._widget: Any = None
        self._duration: float | None = None
        self._bound: list[str] = []

    def _open(self, session: Session, item: TrackItem) -> None:
        frame = js.document.createElement("iframe")
        frame.title = f"SoundCloud player: {item.name}" if item.name else "SoundCloud player"
        frame.allow = "autoplay"
        frame.src = soundcloud_widget_url(item.eid)
        stage.widget_place(SOUNDCLOUD).replaceChildren(frame)
        self._widget, self._duration = js.SC.Widget(frame), None
        events = js.SC.Widget.Events
        handlers = {
            events.READY: lambda data: self._ready(session),
            events.PLAY: lambda data: session.report(Playing(self._clock(), self._duration)),
            events.PAUSE: lambda data: session.report(Paused(self._clock())),
            events.FINISH: lambda data: session.report(Ended(self._clock())),
            events.PLAY_PROGRESS: lambda data: session.report(
                Progress(self._clock(), float(data.currentPosition) / 1000, self._duration)
            ),
            events.ERROR: lambda data: session.report(SOUNDCLOUD_FAILURE),
        }
        for name, handler in handlers.items():
            self._widget.bind(name, session.callback(handler))
        self._bound = list(handlers)

    def _ready(self, session: Session) -> None:
        self._player = self._widget
        self._apply_volume()
        self._widget.getDuration(session.once(self._heard_duration))
        self._widget.play()

    def _heard_duration(self, milliseconds: float) -> None:
        self._duration = known_duration(float(milliseconds) / 1000)

    def seek(self, seconds: float) -> None:
        if self._player is not None:
            self._player.seekTo(seconds * 1000)

    def _apply_volume(self) -> None:
        self._player.setVolume(percent(*self._volume))

    def _close(self) -> None:
        if self._widget is not None:
            for name in self._bound:
                self._widget.unbind(name)
            self._widget, self._bound = None, []
        stage.widget_place(SOUNDCLOUD).replaceChildren()
