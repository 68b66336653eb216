"""Compiles and target builds wait and run on threads of their own, never on the worker threads every
other request of both services shares, so a queue of compiles holds up nothing but compiles.

The queue is bounded: past it, a compile is refused at once as busy rather than left waiting.
"""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from threading import BoundedSemaphore
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

RETRY_AFTER = 10
"""Seconds a refused client is asked to wait: a few compiles' time."""


class Busy(Exception):
    """Every compile slot is taken and the queue is full."""

    retry_after = RETRY_AFTER

    def __init__(self) -> None:
        super().__init__(f"The compile queue is full; try again in {RETRY_AFTER} s.")


class CompileQueue:
    """`slots` compiles at once, and at most `waiting` more waiting for a slot."""

    def __init__(self, slots: int, waiting: int) -> None:
        self._threads = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="heavy-compile")
        self._room = BoundedSemaphore(slots + waiting)

    async def run(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`work(*args)` once a slot is free; raises `Busy` at once when the queue is full."""
        if not self._room.acquire(blocking=False):
            raise Busy()
        try:
            future = self._threads.submit(work, *args, **kwargs)
        except RuntimeError:
            self._room.release()
            raise Busy() from None
        future.add_done_callback(lambda _: self._room.release())
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Drops the compiles still waiting and waits for the running ones, which the caller stops."""
        self._threads.shutdown(wait=True, cancel_futures=True)
