"""Requests that may wait for a compile (a new version, a target built on first request) run on
threads of their own, never on the worker threads every other request of both services shares,
so a queue of compiles holds up nothing but compiles.

Each admitted request gets a thread at once: the threads mostly wait (for the compile workers,
which take queued jobs a CPU slot at a time, or for `Workers`, which runs the build tools a CPU
slot at a time), so the CPU stays bounded there, and a download of a target built already is
answered at once rather than behind the compiles waiting. The queue is bounded: past `room`
requests in flight, one is refused at once as busy rather than left waiting.
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
    """The queue is full."""

    retry_after = RETRY_AFTER

    def __init__(self) -> None:
        super().__init__(f"The compile queue is full; try again in {RETRY_AFTER} s.")


class CompileQueue:
    """At most `room` requests in flight, each on a thread of its own."""

    def __init__(self, room: int) -> None:
        self._threads = ThreadPoolExecutor(max_workers=room, thread_name_prefix="heavy-compile")
        self._room = BoundedSemaphore(room)

    async def run(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`work(*args)` on a thread of the queue; raises `Busy` at once when the queue is full.
        A runner for `server.calls.endpoint`."""
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
        """Refuses more requests and waits for the running ones, which the caller stops."""
        self._threads.shutdown(wait=True)
