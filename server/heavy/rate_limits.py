"""A cap on compiles per user, so one client cannot keep every worker busy; off in tests."""

import threading
import time
from collections import defaultdict, deque


class RateLimited(Exception):
    """The message says when to try again."""

    status = 429


class CompileQuota:
    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._times: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def take(self, user: str) -> None:
        now = time.monotonic()
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
