"""The one clock both services read, so tests move their time instead of waiting for it.

Outside test mode it is the machine's clock. In test mode it can be moved forward (`advance`),
to a date (`set`) and back to the machine's time (`reset`); each move is an offset over the
real clocks, so time keeps running from where it was put. Monotonic time never goes back: a
jump to an earlier date moves the wall clock alone.
"""

import threading
import time
from datetime import UTC, date, datetime


class Clock:
    def __init__(self) -> None:
        self._wall = 0.0
        self._steady = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """Seconds since the epoch."""
        return time.time() + self._wall

    def monotonic(self) -> float:
        """Seconds for measuring intervals; only ever increases."""
        return time.monotonic() + self._steady

    def utcnow(self) -> datetime:
        """Now as a naive UTC datetime, the form heavy's timestamps are written from."""
        return datetime.fromtimestamp(self.now(), UTC).replace(tzinfo=None)

    def today(self) -> date:
        """Today's date in UTC."""
        return self.utcnow().date()

    def advance(self, seconds: float) -> None:
        """Move wall and monotonic time forward together."""
        if not seconds >= 0:
            raise ValueError(f"the clock only advances forward, not by {seconds}")
        with self._lock:
            self._wall += seconds
            self._steady += seconds

    def set(self, at: datetime) -> None:
        """Jump to `at` (naive means UTC); monotonic time follows only a jump forward."""
        moment = at if at.tzinfo else at.replace(tzinfo=UTC)
        with self._lock:
            self._jump(moment.timestamp() - time.time() - self._wall)

    def reset(self) -> None:
        """Back to the machine's time."""
        with self._lock:
            self._jump(-self._wall)

    def _jump(self, seconds: float) -> None:
        self._wall += seconds
        self._steady += max(0.0, seconds)
