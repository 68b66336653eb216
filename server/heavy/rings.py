"""How a submit hears that compile jobs ended: a count of endings, rung by this process's workers
and by what other processes tell it (queue_signals.py). A submit reads the count before it looks at
its job and then waits for the count to move past it, so an ending rung between its look and its
wait is not missed (a bare Condition's wait would sleep through it to the next poll)."""

import threading


class Rings:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._count = 0

    def count(self) -> int:
        with self._changed:
            return self._count

    def ring(self) -> None:
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    def wait_past(self, seen: int, timeout: float) -> None:
        """Until a ring after the `count()` that was `seen`, or `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self._count != seen, timeout)
