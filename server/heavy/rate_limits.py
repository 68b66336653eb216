"""A cap on compiles per user, so one client cannot keep every worker busy; off in tests."""

import threading
from collections import defaultdict, deque

from server.clock import Clock


class RateLimited(Exception):
    """The message says when to try again."""

    status = 429


class CompileQuota:
    """At most `limit` compiles per user in any `window` seconds of `clock`'s monotonic time."""

    def __init__(self, limit: int, window: float, clock: Clock) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._times: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def take(self, user: str) -> None:
        now = self.clock.monotonic()
        with self._lock:
            times = self._times[user]
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                wait = times[0] + self.window - now
                raise RateLimited(
                    f"{user} has sent {self.limit} compiles in the last "
                    f"{self.window:g} s; try again in {wait:.0f} s."
                )
            times.append(now)
