"""The play queue: which item plays, in what order, and what comes next.

The queue holds entries rather than bare items: the same track can be queued twice (played from a
list, then "play next" from another), so every entry gets a key of its own, and the queue view
removes, moves and jumps by key. Of an item the queue needs only an `id`, to tell whether a track in
any list is the one playing. How to show or play an item is for the views and the source adapters,
which know their item types: Openwhyd tracks now, heavy patches later.

A queue is an immutable value: every change returns a new queue, so the UI can compare old and new
to know what to re-render, and keep the old one to roll back to.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from random import Random
from typing import Generic, Protocol, TypeVar

RESTART_AFTER = 3.0
"""Seconds into an item after which "previous" restarts it instead of going back."""


class Playable(Protocol):
    """What the queue can hold."""

    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=Playable)


class Repeat(StrEnum):
    OFF = "off"
    ALL = "all"
    ONE = "one"

    @property
    def following(self) -> "Repeat":
        """The mode the repeat button switches to: off, all, one, then off again."""
        modes = list(Repeat)
        return modes[(modes.index(self) + 1) % len(modes)]


@dataclass(frozen=True)
class Entry(Generic[Item]):
    """A place in the queue: an item, and a key that tells it from the same item queued again."""

    key: int
    item: Item


def _index_of(entries: tuple[Entry[Item], ...], key: int | None) -> int | None:
    return next((i for i, entry in enumerate(entries) if entry.key == key), None)


def _spliced(
    entries: tuple[Entry[Item], ...], at: int, added: tuple[Entry[Item], ...]
) -> tuple[Entry[Item], ...]:
    return entries[:at] + added + entries[at:]


@dataclass(frozen=True)
class Queue(Generic[Item]):
    """A queue; `Queue()` is the empty one, `play` fills it."""

    entries: tuple[Entry[Item], ...] = ()
    """In play order, shuffled when `shuffle` is on; the queue view shows this order."""
    listed: tuple[Entry[Item], ...] = ()
    """In list order: the same entries, as played with shuffle off."""
    current_key: int | None = None
    shuffle: bool = False
    repeat: Repeat = Repeat.OFF
    next_key: int = 0

    @cached_property
    def position(self) -> int | None:
        """Where the current entry is in `entries`; None when nothing is current."""
        return _index_of(self.entries, self.current_key)

    @property
    def current(self) -> Entry[Item] | None:
        return None if self.position is None else self.entries[self.position]

    @property
    def upcoming(self) -> tuple[Entry[Item], ...]:
        """The entries after the current one, in play order (no wrap-around)."""
        return () if self.position is None else self.entries[self.position + 1 :]

    @property
    def has_next(self) -> bool:
        return self._neighbour(1) is not None

    @property
    def has_previous(self) -> bool:
        """Whether there is an entry to go back to. "Previous" always works while something is
        current: without an entry to go back to, it restarts the current one."""
        return self._neighbour(-1) is not None

    def is_current(self, item: Playable) -> bool:
        """Whether `item`, from any list, is the one playing: the lists highlight it."""
        return self.current is not None and self.current.item.id == item.id

    def play(self, items: Sequence[Item], start: int = 0, rng: Random | None = None) -> "Queue[Item]":
        """The queue becomes `items`, with `items[start]` current (and first, when shuffled)."""
        listed, next_key = self._new_entries(items)
        current_key = listed[start].key if listed else None
        queue = replace(self, entries=listed, listed=listed, current_key=current_key, next_key=next_key)
        return queue.with_shuffle(True, rng) if self.shuffle else queue

    def with_shuffle(self, on: bool, rng: Random | None = None) -> "Queue[Item]":
        """Shuffle on: the current entry stays current and everything else, played or not, comes
        after it in an order drawn from `rng`. Shuffle off: back to list order at the current entry."""
        if not on:
            return replace(self, shuffle=False, entries=self.listed)
        rest = [entry for entry in self.listed if entry.key != self.current_key]
        (rng or Random()).shuffle(rest)
        head = () if self.current is None else (self.current,)
        return replace(self, shuffle=True, entries=head + tuple(rest))

    def with_repeat(self, repeat: Repeat) -> "Queue[Item]":
        return replace(self, repeat=repeat)

    def next(self) -> "Queue[Item]":
        """The next entry, wrapping around when repeating; unchanged when there is none."""
        following = self._neighbour(1)
        return self if following is None else replace(self, current_key=following.key)

    def previous(self, elapsed: float) -> "Queue[Item]":
        """The entry before, or the same queue (meaning: restart the current entry) when the
        current one has played more than `RESTART_AFTER` seconds or has nothing before it."""
        before = self._neighbour(-1)
        if elapsed > RESTART_AFTER or before is None:
            return self
        return replace(self, current_key=before.key)

    def ended(self) -> "Queue[Item] | None":
        """After the current entry played to its end: the same queue (play it again) on repeat
        one, the next entry otherwise, or None: the queue is over."""
        if not self.has_next:
            return None
        return self if self.repeat is Repeat.ONE else self.next()

    def skip(self) -> "Queue[Item] | None":
        """Past a failed entry to another one, even on repeat one, or None when there is no other
        to go to: a failed track must not loop."""
        following = self._neighbour(1)
        if following is None or following.key == self.current_key:
            return None
        return replace(self, current_key=following.key)

    def jump_to(self, key: int) -> "Queue[Item]":
        """Make an entry current, as a click in the queue view does."""
        self._index(key)
        return replace(self, current_key=key)

    def remove(self, key: int) -> "Queue[Item]":
        """Take an entry out. If it was current, the one after it becomes current (wrapping when
        repeating); at the end of a queue that does not repeat, nothing is."""
        index = self._index(key)
        entries = self.entries[:index] + self.entries[index + 1 :]
        current_key = self.current_key
        if key == current_key:
            following = self._neighbour(1)
            current_key = None if following is None or following.key == key else following.key
        listed = tuple(entry for entry in self.listed if entry.key != key)
        return replace(self, entries=entries, listed=listed, current_key=current_key)

    def move(self, key: int, to: int) -> "Queue[Item]":
        """Put an entry at index `to` of the play order, for drag and drop and keyboard
        reordering. Unshuffled, the list order is the play order and changes with it; shuffled,
        the list order stays as it was, to come back to."""
        if not 0 <= to < len(self.entries):
            raise IndexError(f"no position {to} in a queue of {len(self.entries)}")
        moved = self.entries[self._index(key)]
        others = tuple(entry for entry in self.entries if entry.key != key)
        entries = _spliced(others, to, (moved,))
        return replace(self, entries=entries, listed=self.listed if self.shuffle else entries)

    def play_next(self, items: Iterable[Item]) -> "Queue[Item]":
        """Insert items right after the current entry, in play and in list order."""
        if self.position is None:
            return self.enqueue(items)
        listed_at = self.listed.index(self.entries[self.position])
        return self._insert(items, self.position + 1, listed_at + 1)

    def enqueue(self, items: Iterable[Item]) -> "Queue[Item]":
        """Add items at the end. When nothing is current, the first of them becomes current."""
        return self._insert(items, len(self.entries), len(self.listed))

    def holds(self, items: Sequence[Item]) -> bool:
        """Whether the queue, in list order, is exactly `items` (the same objects): a list that grows
        page by page extends the queue made from it, but not one changed since."""
        return len(self.listed) == len(items) and all(
            entry.item is item for entry, item in zip(self.listed, items, strict=True)
        )

    def extend(self, items: Iterable[Item], rng: Random | None = None) -> "Queue[Item]":
        """The rest of a list, as it arrives: added at the end of the list order and, shuffled, at
        random places among the entries still to come. The current entry stays (or none is)."""
        added, next_key = self._new_entries(items)
        if not self.shuffle:
            return replace(self, entries=self.entries + added, listed=self.listed + added, next_key=next_key)
        played = 0 if self.position is None else self.position + 1
        upcoming, draw = list(self.entries[played:]), rng or Random()
        for entry in added:
            upcoming.insert(draw.randint(0, len(upcoming)), entry)
        return replace(
            self,
            entries=self.entries[:played] + tuple(upcoming),
            listed=self.listed + added,
            next_key=next_key,
        )

    def _insert(self, items: Iterable[Item], at: int, listed_at: int) -> "Queue[Item]":
        added, next_key = self._new_entries(items)
        current_key = self.current_key
        if current_key is None and added:
            current_key = added[0].key
        return replace(
            self,
            entries=_spliced(self.entries, at, added),
            listed=_spliced(self.listed, listed_at, added),
            current_key=current_key,
            next_key=next_key,
        )

    def _new_entries(self, items: Iterable[Item]) -> tuple[tuple[Entry[Item], ...], int]:
        """Entries for `items` with keys never used in this queue, and the key to use after them."""
        entries = tuple(Entry(self.next_key + i, item) for i, item in enumerate(items))
        return entries, self.next_key + len(entries)

    def _index(self, key: int) -> int:
        index = _index_of(self.entries, key)
        if index is None:
            raise KeyError(key)
        return index

    def _neighbour(self, delta: int) -> Entry[Item] | None:
        """The entry `delta` places from the current one, wrapping around when repeating."""
        if self.position is None:
            return None
        index = self.position + delta
        if self.repeat is Repeat.OFF and not 0 <= index < len(self.entries):
            return None
        return self.entries[index % len(self.entries)]
