"""Fakes of the browser's ports (`app/ui/core/ports.py`) besides the page (`fake_page.py`): each
answers what the test set and records what the app asked of it."""

from collections.abc import Callable, Mapping

from fake_page import FakePage

from app.player.controller import Cancel
from app.ui.core.ports import Act, ActionFor, Ports


class FakeStorage:
    def __init__(self, **values: str) -> None:
        self.values = dict(values)

    def stored(self, key: str) -> str:
        return self.values.get(key, "")

    def store(self, key: str, value: str) -> None:
        if value:
            self.values[key] = value
        else:
            self.values.pop(key, None)


class FakeFiles:
    """Every file input holds `picked`; the last drop held `dropped`. None is "too large"."""

    def __init__(
        self, picked: dict[str, bytes] | None = None, dropped: dict[str, bytes] | None = None
    ) -> None:
        self.picked_files = picked or {}
        self.dropped_files = dropped or {}
        self.asked: list[tuple[str, int]] = []
        self.drop_act: Act | None = None

    async def picked(self, input_id: str, limit: int) -> dict[str, bytes] | None:
        self.asked.append((input_id, limit))
        return self.picked_files

    async def dropped(self, limit: int) -> dict[str, bytes] | None:
        self.asked.append(("drop", limit))
        return self.dropped_files

    def on_drops(self, act: Act) -> None:
        self.drop_act = act


class FakeDownloads:
    def __init__(self) -> None:
        self.saved: list[tuple[str, bytes, str]] = []

    def save(self, name: str, content: bytes, mime: str) -> None:
        self.saved.append((name, content, mime))


class FakeTimers:
    """Timers that fire only when the test says so."""

    def __init__(self) -> None:
        self.pending: list[tuple[float, Callable[[], None]]] = []

    def set_timer(self, seconds: float, callback: Callable[[], None]) -> Cancel:
        timer = (seconds, callback)
        self.pending.append(timer)
        return lambda: self.pending.remove(timer) if timer in self.pending else None


class FakeEvents:
    """Keeps what the composition root wires, so a test can play the page's part."""

    def __init__(self) -> None:
        self.act: Act | None = None
        self.live_act: Act | None = None
        self.action_for: ActionFor | None = None
        self.key_act: Act | None = None
        self.show_window: Callable[[str], None] | None = None
        self.watching_images = False
        self.window_calls: dict[str, str] = {}
        self.window_act: Act | None = None

    def on_actions(self, act: Act) -> None:
        self.act = act

    def on_live_inputs(self, act: Act) -> None:
        self.live_act = act

    def on_keys(self, action_for: ActionFor, act: Act) -> None:
        self.action_for, self.key_act = action_for, act

    def on_list_window(self, show_window: Callable[[str], None]) -> None:
        self.show_window = show_window

    def on_missing_images(self) -> None:
        self.watching_images = True

    def on_window_calls(self, calls: Mapping[str, str], act: Act) -> None:
        self.window_calls, self.window_act = dict(calls), act


def fake_ports(page: FakePage | None = None, **others: object) -> Ports:
    """Ports for a test: `page` (a new FakePage by default) is also the location, the lists' view and
    the media session; `others` replace the fakes named."""
    page = page or FakePage()
    ports = {
        "page": page,
        "lists": page,
        "location": page,
        "media": page,
        "storage": FakeStorage(),
        "files": FakeFiles(),
        "downloads": FakeDownloads(),
        "timers": FakeTimers(),
        "events": FakeEvents(),
    }
    return Ports(**{**ports, **others})
