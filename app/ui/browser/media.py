"""The `MediaSession` port: what the operating system's media controls and lock screen show, and
its media keys (where browsers have a Media Session; elsewhere these do nothing)."""

import math
from collections.abc import Mapping
from typing import Any, Protocol

import js
from pyodide.ffi import JsException, create_proxy
from pyscript import window

from app.ui.browser.dom import options
from app.ui.core.ports import Act


class Session(Protocol):
    metadata: object
    playbackState: str

    def setActionHandler(self, key: str, handler: object) -> None: ...

    def setPositionState(self, *state: object) -> None: ...


def _session() -> Session | None:
    return getattr(window.navigator, "mediaSession", None)


def _artwork(url: str) -> dict[str, str]:
    """A generated cover is an SVG, which the system is told, as it cannot guess it from a name."""
    return {"src": url, "type": "image/svg+xml"} if url.startswith("data:image/svg+xml") else {"src": url}


def _details(details: Any) -> dict[str, str]:
    """What an action's details carry for the player: the time `seekto` goes to."""
    seek_time = getattr(details, "seekTime", None)
    return {} if seek_time is None else {"value": str(float(seek_time))}


class BrowserMediaSession:
    def show_now_playing(self, metadata: dict[str, str] | None, playing: bool) -> None:
        session = _session()
        if session is None:
            return
        if metadata is None:
            session.metadata = None
        else:
            artwork = [_artwork(metadata["artwork"])] if metadata.get("artwork") else []
            session.metadata = js.MediaMetadata.new(options(**{**metadata, "artwork": artwork}))
        session.playbackState = "playing" if playing else ("paused" if metadata else "none")

    def show_position(self, position: float, duration: float | None) -> None:
        """The system's seek bar; cleared while the duration is unknown (the browser refuses a
        position without one, or past it)."""
        session = _session()
        if session is None or not hasattr(session, "setPositionState"):
            return
        if duration is None or not math.isfinite(duration) or duration <= 0:
            session.setPositionState()
            return
        at = min(max(position, 0.0), duration)
        session.setPositionState(options(duration=duration, position=at, playbackRate=1))

    def on_keys(self, keys: Mapping[str, str], act: Act) -> None:
        """The media keys run the player actions `keys` names."""
        session = _session()
        if session is None:
            return
        for key, action in keys.items():
            handler = create_proxy(lambda details, action=action: act(action, _details(details)))
            try:
                session.setActionHandler(key, handler)
            except JsException:  # a browser without this action throws; the others stay
                handler.destroy()
