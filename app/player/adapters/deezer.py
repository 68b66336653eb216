"""Deezer, through its JS SDK: `DZ.init` puts one player widget in the widget holder, once, and
`DZ.player.playTracks` plays each track in it. Without a Deezer login the widget plays 30 s
previews. The SDK's events are page-wide and cannot be unsubscribed, so they are subscribed once
and go to the load in progress."""

from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import to_js

from app.openwhyd.eid import DEEZER
from app.player.adapter import TrackItem
from app.player.adapters import stage
from app.player.adapters.embedded import EmbeddedAdapter, Session, js_object
from app.player.events import Ended, Paused, Playing, Progress
from app.player.vendors import (
    DEEZER_UNAVAILABLE,
    SCRIPTS,
    deezer_seek,
    known_duration,
    percent,
    reference,
)

WIDGET = "player-widget-dz-player"


class DeezerAdapter(EmbeddedAdapter):
    script = SCRIPTS[DEEZER]

    def __init__(self, clock: Callable[[], float], app_id: str) -> None:
        super().__init__(clock)
        self._app_id = app_id
        self._duration: float | None = None

    def _create(self, item: TrackItem) -> None:
        widget = js.document.createElement("div")
        widget.id = WIDGET
        stage.widget_place(DEEZER).replaceChildren(widget)
        handlers = {
            "player_play": lambda *args: self._report(Playing(self._clock(), self._duration)),
            "player_paused": lambda *args: self._report(Paused(self._clock())),
            "player_position": lambda position, *args: self._position(position),
            "track_end": lambda *args: self._report(Ended(self._clock())),
        }
        for name, handler in handlers.items():
            js.DZ.Event.subscribe(name, self._keep(handler))
        loaded = self._keep(lambda *args: self._created(js.DZ.player, item))
        player = {"container": WIDGET, "width": 300, "height": 300, "onload": loaded}
        js.DZ.init(js_object({"appId": self._app_id, "player": player}))

    def _start(self, session: Session, item: TrackItem) -> None:
        """The widget is made empty: its first track is queued like every other."""
        self._load_item(session, item)

    def _load_item(self, session: Session, item: TrackItem) -> None:
        self._duration = None
        track = int(reference(item.eid))
        self._player.playTracks(to_js([track]), session.once(lambda answer: self._queued(session, answer)))

    def _queued(self, session: Session, answer: Any) -> None:
        """The SDK answers with the tracks it could queue: none means Deezer cannot play this one."""
        tracks = getattr(answer, "tracks", None)
        if tracks is not None and tracks.length == 0:
            session.report(DEEZER_UNAVAILABLE)

    def _position(self, position: Any) -> None:
        self._duration = known_duration(float(position[1])) or self._duration
        self._report(Progress(self._clock(), float(position[0]), self._duration))

    def seek(self, seconds: float) -> None:
        at = deezer_seek(seconds, self._duration)
        if self._player is not None and at is not None:
            self._player.seek(at)

    def _apply_volume(self) -> None:
        volume, muted = self._volume
        self._player.setVolume(percent(volume))
        self._player.setMute(muted)
