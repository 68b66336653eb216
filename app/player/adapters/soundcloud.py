"""SoundCloud, through its Widget API (`SC.Widget`) on a `w.soundcloud.com/player/` iframe, kept out
of sight in the widget holder: one widget, made with the first track, and `widget.load(url,
options)` for each one after; the listeners bound to it keep working across loads."""

from collections.abc import Callable
from typing import Any

import js

from app.openwhyd.eid import SOUNDCLOUD, url_from_eid
from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import EmbeddedAdapter, Session, js_object
from app.player.events import Ended, Paused, Playing, Progress
from app.player.vendors import (
    SCRIPTS,
    SOUNDCLOUD_FAILURE,
    SOUNDCLOUD_LOAD_OPTIONS,
    known_duration,
    percent,
    soundcloud_widget_url,
)


class SoundcloudAdapter(EmbeddedAdapter):
    script = SCRIPTS[SOUNDCLOUD]

    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__(clock)
        self._duration: float | None = None

    def _create(self, item: TrackItem) -> None:
        frame = js.document.createElement("iframe")
        frame.title = "SoundCloud player"
        frame.allow = "autoplay"
        frame.src = soundcloud_widget_url(item.eid)
        stage.widget_place(SOUNDCLOUD).replaceChildren(frame)
        widget = js.SC.Widget(frame)
        events = js.SC.Widget.Events
        handlers = {
            events.READY: lambda data: self._ready(widget, item),
            events.PLAY: lambda data: self._report(Playing(self._clock(), self._duration)),
            events.PAUSE: lambda data: self._report(Paused(self._clock())),
            events.FINISH: lambda data: self._report(Ended(self._clock())),
            events.PLAY_PROGRESS: lambda data: self._report(
                Progress(self._clock(), float(data.currentPosition) / 1000, self._duration)
            ),
            events.ERROR: lambda data: self._report(SOUNDCLOUD_FAILURE),
        }
        for name, handler in handlers.items():
            widget.bind(name, self._keep(handler))

    def _ready(self, widget: Any, item: TrackItem) -> None:
        """The widget says it is ready after every load: the first time only, it is made."""
        if self._player is None:
            self._created(widget, item)

    def _start(self, session: Session, item: TrackItem) -> None:
        self._duration = None
        self._player.getDuration(session.once(self._heard_duration))
        self._player.play()

    def _load_item(self, session: Session, item: TrackItem) -> None:
        started = session.once(lambda *args: self._start(session, item))
        options = {**SOUNDCLOUD_LOAD_OPTIONS, "callback": started}
        self._player.load(url_from_eid(item.eid) or "", js_object(options))

    def _heard_duration(self, milliseconds: float) -> None:
        self._duration = known_duration(float(milliseconds) / 1000)

    def seek(self, seconds: float) -> None:
        if self._player is not None:
            self._player.seekTo(seconds * 1000)

    def _apply_volume(self) -> None:
        self._player.setVolume(percent(*self._volume))
