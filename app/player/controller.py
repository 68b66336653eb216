"""The player: one queue, an adapter per source, and what follows from what they report.

It knows no DOM and no network. Adapters play; `on_change` tells the UI what to redraw; the play
log's calls go to `send`; times come from `clock` and deadlines go to `set_timer`, so a test can
drive all of it with fakes.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from random import Random

from app.openwhyd.models import Track
from app.player.adapter import AnyAdapter
from app.player.events import Ended, Failure, Paused, PlayerEvent, Playing, Progress, Tick
from app.player.failures import StartWatch, keeps_skipping
from app.player.playlog import Calls, Listen
from app.player.queue import Entry, Queue

Cancel = Callable[[], None]
SetTimer = Callable[[float, Callable[[], None]], Cancel]
VOLUME_STEP = 0.1


class Change(Enum):
    """What the UI must redraw: only the time and seek bar, or everything about the player."""

    PROGRESS = "progress"
    ALL = "all"


@dataclass(frozen=True)
class Unplayable:
    """Why an item has no adapter here, to report like any other failure."""

    source: str
    message: str


class Player:
    def __init__(
        self,
        adapter_for: Callable[[object], AnyAdapter | Unplayable],
        *,
        clock: Callable[[], float],
        set_timer: SetTimer,
        send: Callable[[Calls], None],
        on_change: Callable[[Change], None],
        scrobbling: Callable[[], bool] = lambda: False,
        rng: Random | None = None,
    ) -> None:
        self._adapter_for = adapter_for
        self._clock, self._set_timer, self._send = clock, set_timer, send
        self._on_change, self._scrobbling, self._rng = on_change, scrobbling, rng or Random()
        self.queue: Queue = Queue()
        self.playing = False
        self.position = 0.0
        self.duration: float | None = None
        self.volume = 1.0
        self.muted = False
        self.problem: str | None = None
        self._adapter: AnyAdapter | None = None
        self._watch = StartWatch(0.0)
        self._listen: Listen | None = None
        self._load_number = 0
        self._failures_in_a_row = 0
        self._cancel_timer: Cancel = lambda: None

    @property
    def current(self) -> Entry | None:
        return self.queue.current

    def play_list(self, items: Sequence[object], start: int = 0) -> None:
        self.queue = self.queue.play(items, start, self._rng)
        self._failures_in_a_row = 0
        self._load()

    def toggle(self) -> None:
        if self._adapter is None:
            if self.current is not None:
                self._load()
            return
        if self.playing:
            self._adapter.pause()
        else:
            self._adapter.play()

    def next(self) -> None:
        following = self.queue.next()
        if following.current_key != self.queue.current_key:
            self.queue = following
            self._load()

    def previous(self) -> None:
        before = self.queue.previous(self.position)
        if before.current_key == self.queue.current_key:
            self.seek(0.0)
        else:
            self.queue = before
            self._load()

    def jump_to(self, key: int) -> None:
        self.queue = self.queue.jump_to(key)
        self._load()

    def seek(self, seconds: float) -> None:
        if self._adapter is not None:
            self.position = max(0.0, seconds if self.duration is None else min(seconds, self.duration))
            self._adapter.seek(self.position)
            self._on_change(Change.PROGRESS)

    def set_volume(self, volume: float) -> None:
        self.volume, self.muted = min(1.0, max(0.0, volume)), False
        self._apply_volume()

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        self._apply_volume()

    def toggle_shuffle(self) -> None:
        self.queue = self.queue.with_shuffle(not self.queue.shuffle, self._rng)
        self._on_change(Change.ALL)

    def cycle_repeat(self) -> None:
        self.queue = self.queue.with_repeat(self.queue.repeat.following)
        self._on_change(Change.ALL)

    def remove(self, key: int) -> None:
        was_current = key == self.queue.current_key
        self.queue = self.queue.remove(key)
        if was_current:
            self._load()
        else:
            self._on_change(Change.ALL)

    def move(self, key: int, to: int) -> None:
        self.queue = self.queue.move(key, to)
        self._on_change(Change.ALL)

    def play_next(self, items: Sequence[object]) -> None:
        self._extend(self.queue.play_next(items))

    def enqueue(self, items: Sequence[object]) -> None:
        self._extend(self.queue.enqueue(items))

    def extend_list(self, items: Sequence[object]) -> None:
        """The rest of the list playing, as its pages arrive (see `Queue.extend`)."""
        self.queue = self.queue.extend(items, self._rng)
        self._on_change(Change.ALL)

    def _extend(self, queue: Queue) -> None:
        """Added items start playing when nothing was current."""
        starts = self.current is None
        self.queue = queue
        if starts:
            self._load()
        else:
            self._on_change(Change.ALL)

    def _apply_volume(self) -> None:
        if self._adapter is not None:
            self._adapter.set_volume(self.volume, self.muted)
        self._on_change(Change.ALL)

    def _load(self, problem: str | None = None) -> None:
        """Play the current entry from its start; a new load makes any report of the old one stale.
        `problem` is what the player bar tells about the load before (a skipped failure), until
        this one plays. An adapter that plays the next entry too is not stopped: it loads the entry
        into the player it has, which a hidden page lets play on where it would refuse a new one."""
        entry = self.current
        found = None if entry is None else self._adapter_for(entry.item)
        self._unload(keep=found)
        self.problem = problem
        if entry is None or found is None:
            self._on_change(Change.ALL)
            return
        self._load_number += 1
        number, now = self._load_number, self._clock()
        self._watch = StartWatch(now)
        self._listen = Listen(entry.item, self._scrobbling()) if isinstance(entry.item, Track) else None
        if isinstance(found, Unplayable):
            self._heard(number, Failure("unsupported", found.source, found.message))
            return
        self._adapter = found
        found.set_volume(self.volume, self.muted)
        found.load(entry.item, lambda event: self._heard(number, event))
        self._cancel_timer = self._set_timer(
            self._watch.timeout, lambda: self._heard(number, Tick(self._clock()))
        )
        self._on_change(Change.ALL)

    def _unload(self, keep: object = None) -> None:
        """Stop the adapter playing, unless it is `keep`, the one about to load the next entry."""
        self._cancel_timer()
        if self._adapter is not None and self._adapter is not keep:
            self._adapter.stop()
        self._adapter = None
        self.playing, self.position, self.duration = False, 0.0, None

    def _heard(self, load_number: int, event: PlayerEvent) -> None:
        if load_number != self._load_number:
            return
        self._watch, failure = self._watch.feed(event)
        if self._listen is not None:
            self._listen, calls = self._listen.feed(failure or event)
            if calls:
                self._send(calls)
        if failure is not None:
            self._failed(failure)
            return
        match event:
            case Playing(duration=duration):
                self.playing, self.duration = True, duration or self.duration
                self._failures_in_a_row, self.problem = 0, None
            case Paused():
                self.playing = False
            case Progress(position=position, duration=duration):
                self.position, self.duration = position, duration or self.duration
                self._on_change(Change.PROGRESS)
                return
            case Ended():
                self._ended()
                return
            case _:
                return
        self._on_change(Change.ALL)

    def _ended(self) -> None:
        """The track ended by itself (not skipped, failed or replaced): the queue moves on. At the
        end of the list the bar keeps the last track, at its end."""
        following = self.queue.ended()
        if following is None:
            duration = self.duration
            self._unload()
            self.duration = duration
            self.position = duration or 0.0
            self._on_change(Change.ALL)
        else:
            self.queue = following
            self._load()

    def _failed(self, failure: Failure) -> None:
        """Report the failure and skip to the next item, unless every item failed in a row."""
        title = getattr(self.current.item, "name", "") if self.current else ""
        problem = f"{title or 'This track'} could not play: {failure.message or failure.code}."
        self._failures_in_a_row += 1
        skipped = self.queue.skip()
        if skipped is not None and keeps_skipping(self._failures_in_a_row, len(self.queue.entries)):
            self.queue = skipped
            self._load(f"{problem} Skipped.")
        else:
            self._unload()
            self.problem = problem
            self._on_change(Change.ALL)
