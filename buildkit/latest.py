"""Work `serve` does for many requests at once, done once and off the event loop."""

import asyncio
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Generic, TypeVar

T = TypeVar("T")


class Latest(Generic[T]):
    """The value for the newest key, made in a thread of its own while the event loop serves others.

    Callers asking for the key being made wait for that making rather than starting their own; a
    new key starts a new making (after the one under way); a making that failed is tried again by
    the next caller. Only the newest key's value is kept. Makings run in a thread of their own, or
    in `threads` when many values share them (then a new key's may start before the old one ends).
    """

    def __init__(self, threads: Executor | None = None) -> None:
        self._thread = threads or ThreadPoolExecutor(max_workers=1)
        self._key: Hashable = None
        self._made: Future[T] | None = None

    async def get(self, key: Hashable, make: Callable[[], T]) -> T:
        made = self._made
        if made is None or key != self._key or (made.done() and made.exception() is not None):
            made = self._made = self._thread.submit(make)
            self._key = key
        if made.done():
            return made.result()
        return await asyncio.shield(asyncio.wrap_future(made))
