"""What every third-party player's adapter does alike: load the vendor's script on first use and
report a failure when it cannot, keep each load apart so that a player being torn down reports
nothing, and keep the volume for the next player."""

from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import JsException, create_once_callable, create_proxy, to_js

from app.player.adapter import Listener, TrackItem
from app.player.adapters.scripts import require_script
from app.player.events import Failure, PlayerEvent
from app.player.js_types import Proxy
from app.player.vendors import VendorScript, script_failure


def js_object(value: dict[str, Any]) -> object:
    """A Python dict (nested ones too) as the plain JS object vendor APIs take for options."""
    return to_js(value, dict_converter=js.Object.fromEntries)


IGNORE = create_proxy(lambda *args: None)
"""For promises whose rejection changes nothing (a seek before the player is ready): handled,
so the console stays clean."""


class Session:
    """One load of one item: where its reports go and the callbacks made for its player. Once
    closed it reports nothing, whatever its player still says."""

    def __init__(self, listener: Listener) -> None:
        self._listener: Listener | None = listener
        self._proxies: list[Proxy] = []

    @property
    def open(self) -> bool:
        return self._listener is not None

    def report(self, event: PlayerEvent) -> None:
        if self._listener is not None:
            self._listener(event)

    def callback(self, handler: Callable[..., None]) -> object:
        """A callback for the player's events, released when the session closes: the adapter
        unbinds it from the player first."""
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        return proxy

    def once(self, handler: Callable[..., None]) -> object:
        """A callback for a promise, which may settle after the session closed: it then does nothing."""
        return create_once_callable(lambda *args: handler(*args) if self.open else None)

    def close(self) -> None:
        self._listener = None
        for proxy in self._proxies:
            proxy.destroy()
        self._proxies.clear()


class EmbeddedAdapter:
    """The shared half of an adapter for a third-party player; a subclass names its `script` and
    fills in `_open` (make the player for an item), `_close` (unbind and tear it down),
    `_apply_volume`, `seek`, and the commands its vendor names otherwise; they all wait for
    `_player`: the vendor's player once it takes them."""

    script: VendorScript

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._session: Session | None = None
        self._player: Any = None
        self._volume = (1.0, False)

    def load(self, item: TrackItem, listener: Listener) -> None:
        self.stop()
        session = self._session = Session(listener)
        require_script(
            self.script,
            lambda: self._opened(session, item),
            lambda problem: session.report(script_failure(self.script, problem)),
        )

    def _opened(self, session: Session, item: TrackItem) -> None:
        if not session.open:
            return
        try:
            self._open(session, item)
        except (JsException, AttributeError) as error:  # the vendor's API is not what it documents
            problem = f"the {self.script.name} player failed: {error}"
            session.report(Failure("player", self.script.kind, problem))

    def stop(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            self._close()
            self._player = None
            session.close()

    def play(self) -> None:
        """Most vendors' players name it `play` (YouTube overrides this)."""
        if self._player is not None:
            self._player.play()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def set_volume(self, volume: float, muted: bool) -> None:
        self._volume = (volume, muted)
        if self._player is not None:
            self._apply_volume()

    def _open(self, session: Session, item: TrackItem) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def _apply_volume(self) -> None:
        raise NotImplementedError
