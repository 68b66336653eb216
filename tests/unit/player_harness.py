"""A player with a fake adapter, clock and timers, for the controller's and the UI's tests."""

from collections.abc import Callable

from app.openwhyd.models import Track
from app.player.controller import Change, Player, Unplayable


class FakeAdapter:
    def __init__(self) -> None:
        self.loaded: list[object] = []
        self.listener = None
        self.commands: list[tuple] = []

    def load(self, item, listener) -> None:
        self.loaded.append(item)
        self.listener = listener

    def play(self) -> None:
        self.commands.append(("play",))

    def pause(self) -> None:
        self.commands.append(("pause",))

    def seek(self, seconds: float) -> None:
        self.commands.append(("seek", seconds))

    def set_volume(self, volume: float, muted: bool) -> None:
        self.commands.append(("volume", volume, muted))

    def stop(self) -> None:
        self.commands.append(("stop",))


class Harness:
    def __init__(
        self,
        unplayable: set[str] = frozenset(),
        on_change: Callable[[Change], None] | None = None,
        scrobbling: bool = False,
    ) -> None:
        self.now = 1000.0
        self.adapter = FakeAdapter()
        self.timers: list[tuple[float, object, list[bool]]] = []
        self.sent: list = []
        self.changes: list[Change] = []
        self.player = Player(
            lambda item: Unplayable("yt", "no YouTube here") if item.id in unplayable else self.adapter,
            clock=lambda: self.now,
            set_timer=self.set_timer,
            send=self.sent.extend,
            on_change=on_change or self.changes.append,
            scrobbling=lambda: scrobbling,
        )

    def set_timer(self, seconds, callback):
        cancelled = [False]
        self.timers.append((self.now + seconds, callback, cancelled))
        return lambda: cancelled.__setitem__(0, True)

    def advance(self, seconds: float) -> None:
        self.now += seconds
        for due, callback, cancelled in list(self.timers):
            if due <= self.now and not cancelled[0]:
                cancelled[0] = True
                callback()

    def report(self, event) -> None:
        self.adapter.listener(event)


TRACKS = [Track(id=f"p{n}", eid=f"/fi//audio/{n}.mp3", name=f"Track {n}") for n in range(3)]
