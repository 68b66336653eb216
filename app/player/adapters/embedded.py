"""What every third-party player's adapter does alike: load the vendor's script on first use and
report a failure when it cannot; make the vendor's player once, with the first item, and load every
later item into that same player (a page in the background may refuse to start a new player, never
a new item in one that played); send the player's reports to the load in progress only, so that a
track left behind reports nothing; and keep the volume across loads."""

from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import JsException, create_once_callable, create_proxy, to_js

from app.player.adapter import Listener, TrackItem
from app.player.adapters import stage
from app.player.adapters.scripts import require_script
from app.player.events import Failure, PlayerEvent
from app.player.vendors import VendorScript, script_failure


def js_object(value: dict[str, Any]) -> object:
    """A Python dict (nested ones too) as the plain JS object vendor APIs take for options."""
    return to_js(value, dict_converter=js.Object.fromEntries)


IGNORE = create_proxy(lambda *args: None)
"""For promises whose rejection changes nothing (a seek before the player is ready): handled,
so the console stays clean."""


class Session:
    """One load of one item: where its reports go. Once closed it reports nothing, whatever its
    player still says."""

    def __init__(self, listener: Listener) -> None:
        self._listener: Listener | None = listener

    @property
    def open(self) -> bool:
        return self._listener is not None

    def report(self, event: PlayerEvent) -> None:
        if self._listener is not None:
            self._listener(event)

    def once(self, handler: Callable[..., None]) -> object:
        """A callback for a promise, which may settle after the session closed: it then does nothing."""
        return create_once_callable(lambda *args: handler(*args) if self.open else None)

    def close(self) -> None:
        self._listener = None


class EmbeddedAdapter:
    """The shared half of an adapter for a third-party player. A subclass names its `script` and
    fills in `_create` (make the player for a first item; call `_created` once it takes commands,
    or `_creation_failed`), `_load_item` (play another item in it), `_start` (play the item it was
    made with), `_halt` (pause it for good), `_apply_volume`, `seek`, and the commands its vendor
    names otherwise; they all wait for `_player`: the vendor's player once it takes them."""

    script: VendorScript
    video = False
    """Whether the player shows on the stage (a video) or plays out of sight."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._session: Session | None = None
        self._player: Any = None
        self._creating = False
        self._wanted: TrackItem | None = None
        """The item to play once the player is made."""
        self._volume = (1.0, False)
        self._callbacks: list[object] = []
        """The player's event handlers, made once with it: never released, as the player stays."""

    @property
    def kind(self) -> str:
        return self.script.kind

    def load(self, item: TrackItem, listener: Listener) -> None:
        self._end_session()
        session = self._session = Session(listener)
        require_script(
            self.script,
            lambda: self._opened(session, item),
            lambda problem: session.report(script_failure(self.script, problem)),
        )

    def _opened(self, session: Session, item: TrackItem) -> None:
        if not session.open:
            return
        if self.video:
            stage.show_video(self.kind)
        try:
            if self._player is not None:
                self._load_item(session, item)
                return
            self._wanted = item
            if not self._creating:
                self._creating = True
                self._create(item)
        except (JsException, AttributeError) as error:  # the vendor's API is not what it documents
            self._creating = False
            problem = f"the {self.script.name} player failed: {error}"
            session.report(Failure("player", self.kind, problem))

    def _created(self, player: Any, item: TrackItem) -> None:
        """The player made with `item` takes commands: it plays the item wanted now, if any."""
        self._creating, self._player = False, player
        self._apply_volume()
        wanted, self._wanted = self._wanted, None
        session = self._session
        if wanted is None or session is None:
            self._halt()
        elif wanted is item:
            self._start(session, item)
        else:
            self._load_item(session, wanted)

    def _creation_failed(self, failure: Failure) -> None:
        """No player was made: the next load tries again."""
        self._creating, self._wanted = False, None
        self._report(failure)

    def _report(self, event: PlayerEvent) -> None:
        """What the player says, to the load in progress."""
        if self._session is not None:
            self._session.report(event)

    def _keep(self, handler: Callable[..., None]) -> object:
        """A callback for the player's events, kept as long as the player."""
        proxy = create_proxy(handler)
        self._callbacks.append(proxy)
        return proxy

    def _end_session(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.close()

    def stop(self) -> None:
        """Pause the player, which stays for the next item of its source."""
        self._end_session()
        self._wanted = None
        if self._player is not None:
            self._halt()
        if self.video:
            stage.hide_video()

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

    def _create(self, item: TrackItem) -> None:
        raise NotImplementedError

    def _load_item(self, session: Session, item: TrackItem) -> None:
        raise NotImplementedError

    def _start(self, session: Session, item: TrackItem) -> None:
        raise NotImplementedError

    def _halt(self) -> None:
        self.pause()

    def _apply_volume(self) -> None:
        raise NotImplementedError
