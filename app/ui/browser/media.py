"""The `MediaSession` port: what the operating system's media controls and lock screen show, and
its media keys (where browsers have a Media Session; elsewhere these do nothing)."""

from collections.abc import Mapping
from typing import Protocol

import js
from pyodide.ffi import create_proxy
from pyscript import window

from app.ui.browser.dom import options
from app.ui.core.ports import Act


class Session(Protocol):
    metadata: object
    playbackState: str

    def setActionHandler(self, key: str, handler: object) -> None: ...


def _session() -> Session | None:
    return getattr(window.navigator, "mediaSession", None)


class BrowserMediaSession:
    def show_now_playing(self, metadata: dict[str, str] | None, playing: bool) -> None:
        session = _session()
        if session is None:
            return
        if metadata is None:
            session.metadata = None
        else:
            artwork = [{"src": metadata["artwork"]}] if "artwork" in metadata else []
            session.metadata = js.MediaMetadata.new(options(**{**metadata, "artwork": artwork}))
        session.playbackState = "playing" if playing else ("paused" if metadata else "none")

    def on_keys(self, keys: Mapping[str, str], act: Act) -> None:
        """The media keys run the player actions `keys` names."""
        session = _session()
        if session is None:
            return
        for key, action in keys.items():
            session.setActionHandler(key, create_proxy(lambda details, action=action: act(action, {})))
