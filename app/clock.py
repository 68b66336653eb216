"""The app's one way to read the time: a function injected at the composition root, so tests and
the page's own clock decide what "now" is, and nothing breaks on a future date."""

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], float]
"""Seconds since the epoch, UTC: `time.time` in the page (which reads the page's `Date`)."""


def utc_now(clock: Clock) -> datetime:
    """Naive UTC, as heavy writes its dates."""
    return datetime.fromtimestamp(clock(), UTC).replace(tzinfo=None)


def today(clock: Clock) -> date:
    return utc_now(clock).date()
