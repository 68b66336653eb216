"""Rate limits for both services: at most `hits` per key in each fixed window of `window` seconds.

Counts live behind `Counts`. A process alone on its database keeps them in memory (`MemoryCounts`),
on the clock's monotonic time. Processes that share a database count in it (`DatabaseCounts`, in
server/shared_counts.py), so that a limit counts every process's hits; they share no monotonic
time, so those windows are on the wall clock.
"""

import threading
from dataclasses import dataclass
from typing import Protocol

from server.clock import Clock

MAX_KEYS = 10_000
"""Past this many keys, windows that have ended are forgotten."""


@dataclass(frozen=True)
class Limit:
    hits: int
    window: float
    """Seconds."""


@dataclass(frozen=True)
class Usage:
    """Where a key stands in its current window."""

    limit: Limit
    hits: int
    resets_in: float
    """Seconds until the window ends."""

    @property
    def exceeded(self) -> bool:
        """More hits than the limit allows: the last one is refused."""
        return self.hits > self.limit.hits

    @property
    def used_up(self) -> bool:
        """No hit left in this window."""
        return self.hits >= self.limit.hits

    def headers(self) -> dict[str, str]:
        """The `RateLimit-*` headers (IETF draft 6) that express-rate-limit sends."""
        return {
            "RateLimit-Policy": f"{self.limit.hits};w={int(self.limit.window)}",
            "RateLimit-Limit": str(self.limit.hits),
            "RateLimit-Remaining": str(max(0, self.limit.hits - self.hits)),
            "RateLimit-Reset": str(max(0, int(self.resets_in))),
        }


class Counts(Protocol):
    """Hits per key in its current window; a window starts at a key's first hit after the last one
    ended. Each method gives the window's `(start, hits)` at `now`."""

    shared: bool
    """Counted across processes: `now` is then the wall clock's time, which they all read."""

    def add(self, key: str, window: float, now: float) -> tuple[float, int]: ...

    def current(self, key: str, window: float, now: float) -> tuple[float, int]: ...

    def forget(self, key: str) -> None: ...

    def forget_all(self) -> None: ...


class MemoryCounts:
    shared = False

    def __init__(self) -> None:
        self._windows: dict[str, tuple[float, float, int]] = {}
        """key → (start, window, hits)"""
        self._lock = threading.Lock()

    def add(self, key: str, window: float, now: float) -> tuple[float, int]:
        with self._lock:
            start, hits = self._current(key, window, now)
            if key not in self._windows and len(self._windows) >= MAX_KEYS:
                self._forget_ended(now)
            self._windows[key] = (start, window, hits + 1)
            return start, hits + 1

    def current(self, key: str, window: float, now: float) -> tuple[float, int]:
        with self._lock:
            return self._current(key, window, now)

    def forget(self, key: str) -> None:
        with self._lock:
            self._windows.pop(key, None)

    def forget_all(self) -> None:
        with self._lock:
            self._windows.clear()

    def _current(self, key: str, window: float, now: float) -> tuple[float, int]:
        start, _, hits = self._windows.get(key, (now, window, 0))
        return (now, 0) if now - start >= window else (start, hits)

    def _forget_ended(self, now: float) -> None:
        self._windows = {key: kept for key, kept in self._windows.items() if now - kept[0] < kept[1]}


class RateLimiter:
    def __init__(self, clock: Clock, counts: Counts | None = None) -> None:
        self.clock = clock
        self.counts: Counts = counts or MemoryCounts()

    def hit(self, key: str, limit: Limit) -> Usage:
        """Count one hit on `key`; see `Usage.exceeded` for whether it passes."""
        now = self._now()
        return self._usage(limit, now, *self.counts.add(key, limit.window, now))

    def peek(self, key: str, limit: Limit) -> Usage:
        """Where `key` stands, counting nothing."""
        now = self._now()
        return self._usage(limit, now, *self.counts.current(key, limit.window, now))

    def forget(self, key: str) -> None:
        self.counts.forget(key)

    def forget_all(self) -> None:
        self.counts.forget_all()

    def _now(self) -> float:
        return self.clock.now() if self.counts.shared else self.clock.monotonic()

    @staticmethod
    def _usage(limit: Limit, now: float, start: float, hits: int) -> Usage:
        return Usage(limit, hits, start + limit.window - now)
