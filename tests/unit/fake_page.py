"""A page for the UI controller's tests: it records what the app asks of a real page, its location
and its media session included (the `Page`, `Location`, `ListView` and `MediaSession` ports)."""

from collections.abc import Callable, Mapping

from app.ui.components.virtual_list import Geometry, Window
from app.ui.core.ports import Act


class FakePage:
    def __init__(self) -> None:
        self.regions: dict[str, str] = {}
        self.title = ""
        self.focused: list[str] = []
        self.errors: list[str] = []
        self.location = "#/"
        self.locations: list[str] = []
        self.location_changed: Callable[[str], object] | None = None
        self.texts: dict[str, str] = {}
        self.highlighted = ""
        self.dialog = ""
        self.now_playing: tuple[dict[str, str] | None, bool] | None = None
        self.position: tuple[float, float | None] | None = None
        self.media_keys: dict[str, str] = {}
        self.media_act: Act | None = None

    def set_html(self, region: str, markup: str) -> None:
        self.regions[region] = markup

    def set_title(self, title: str) -> None:
        self.title = title

    def focus(self, region: str) -> None:
        self.focused.append(region)

    def current(self) -> str:
        return self.location

    def go(self, location_hash: str) -> None:
        self.locations.append(location_hash)

    def on_change(self, callback: Callable[[str], object]) -> None:
        self.location_changed = callback

    def set_text(self, element_id: str, text: str) -> None:
        self.texts[element_id] = text

    def set_value(self, element_id: str, value: str) -> None:
        self.texts[element_id] = value

    def highlight(self, track_id: str) -> None:
        self.highlighted = track_id

    def open_dialog(self, dialog_id: str) -> None:
        self.dialog = dialog_id

    def show_now_playing(self, metadata: dict[str, str] | None, playing: bool) -> None:
        self.now_playing = (metadata, playing)

    def show_position(self, position: float, duration: float | None) -> None:
        self.position = (position, duration)

    def on_keys(self, keys: Mapping[str, str], act: Act) -> None:
        self.media_keys, self.media_act = dict(keys), act

    def list_geometry(self, element_id: str) -> Geometry | None:
        """No layout here: lists are never measured, so they keep their first rows."""
        return None

    def patch_list(self, element_id: str, wanted: Window, above: str, below: str) -> None:
        raise AssertionError("a list that was never measured is not patched")

    def set_list_status(self, element_id: str, markup: str) -> None:
        self.regions[element_id] = markup

    def replace(self, element_id: str, markup: str) -> None:
        self.regions[element_id] = markup

    def log_error(self, text: str) -> None:
        self.errors.append(text)
