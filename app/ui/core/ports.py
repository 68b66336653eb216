"""The browser as the app sees it: small interfaces, one per thing the app asks of the page. The
composition root (`app/compose.py`) hands the real ones (`app/ui/browser/`) to the controller, which
holds them in `App.ports`; the unit tests hand it fakes. No view, screen or component reaches the
DOM or JavaScript any other way."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from app.player.controller import Cancel
from app.ui.components.virtual_list import Geometry, Window

Act = Callable[[str, dict[str, str]], object]
"""Runs the action named, with the data the page gave it (the controller's `act`, put in a task)."""
ActionFor = Callable[..., str | None]
"""The action a key press names (`player_bar.shortcut_action`), or None to leave it to the browser."""


class Page(Protocol):
    """The page's regions and elements, by id."""

    def set_html(self, region: str, markup: str) -> None: ...
    def set_title(self, title: str) -> None: ...
    def focus(self, region: str) -> None: ...
    def set_text(self, element_id: str, text: str) -> None: ...
    def set_value(self, element_id: str, value: str) -> None: ...
    def highlight(self, track_id: str) -> None: ...
    def open_dialog(self, dialog_id: str) -> None: ...
    def log_error(self, text: str) -> None: ...


class ListView(Protocol):
    """What a long list asks of the page. Each does nothing when the element is not in the page
    (any more)."""

    def list_geometry(self, element_id: str) -> Geometry | None: ...
    def patch_list(self, element_id: str, wanted: Window, above: str, below: str) -> None: ...
    def set_list_status(self, element_id: str, markup: str) -> None: ...
    def replace(self, element_id: str, markup: str) -> None:
        """Put `markup` in place of the element (a row's button drawn again)."""


class Location(Protocol):
    """The page's `#…` location, which is the app's route."""

    def current(self) -> str: ...
    def go(self, location_hash: str) -> None: ...
    def on_change(self, callback: Callable[[str], object]) -> None: ...


class Storage(Protocol):
    """What the device keeps between visits, by key; "" is nothing."""

    def stored(self, key: str) -> str: ...
    def store(self, key: str, value: str) -> None: ...


class Files(Protocol):
    """Files the user picked in a file input or dropped on a drop zone, read by path; None, with
    nothing read, when together they are larger than `limit` bytes."""

    async def picked(self, input_id: str, limit: int) -> dict[str, bytes] | None: ...
    async def dropped(self, limit: int) -> dict[str, bytes] | None: ...
    def on_drops(self, act: Act) -> None: ...


class Downloads(Protocol):
    def save(self, name: str, content: bytes, mime: str) -> None: ...


class Timers(Protocol):
    def set_timer(self, seconds: float, callback: Callable[[], None]) -> Cancel: ...


class MediaSession(Protocol):
    """What the operating system's media controls show, and the media keys."""

    def show_now_playing(self, metadata: dict[str, str] | None, playing: bool) -> None: ...
    def show_position(self, position: float, duration: float | None) -> None: ...
    def on_keys(self, keys: Mapping[str, str], act: Act) -> None:
        """The keys run the actions `keys` names; a key that carries a time to go to (`seekto`)
        gives it as the action's `value`."""


class Events(Protocol):
    """The page's events, turned into actions."""

    def on_actions(self, act: Act) -> None: ...
    def on_live_inputs(self, act: Act) -> None: ...
    def on_keys(self, action_for: ActionFor, act: Act) -> None: ...
    def on_list_window(self, show_window: Callable[[str], None]) -> None: ...
    def on_missing_images(self) -> None: ...
    def on_window_calls(self, calls: Mapping[str, str], act: Act) -> None:
        """`window.<name>()`, which a page this one opened calls on it (`window.opener`), acts the
        action `calls` names for it."""


@dataclass(frozen=True)
class Ports:
    page: Page
    lists: ListView
    location: Location
    storage: Storage
    files: Files
    downloads: Downloads
    timers: Timers
    media: MediaSession
    events: Events
