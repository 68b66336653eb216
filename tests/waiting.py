"""Waiting for something to happen, up to a deadline, rather than for a fixed time."""

import time
from collections.abc import Callable

POLL = 0.05


def until(condition: Callable[[], bool], within: float) -> bool:
    """Whether `condition()` came true within `within` seconds (asked every `POLL` seconds)."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL)
    return True
