"""What the test-mode clock routes of both services accept: one form field saying how to move.

`advance=<seconds>` moves time forward, `at=<ISO 8601 time in UTC>` puts it at a date, `real=1`
puts it back to the machine's time. Every moment stays within what a 4-byte ObjectId time holds,
the narrowest date field the services write.
"""

import math
from datetime import UTC, datetime

from server.clock import Clock

FIELDS = ("advance", "at", "real")
USAGE = "Send one form field: advance=<seconds>, at=<ISO 8601 time in UTC> or real=1."
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime.fromtimestamp(2**32 - 1, UTC)


class BadMove(ValueError):
    """The request does not say how to move the clock, or says it in a way that cannot be done."""


def move(clock: Clock, fields: dict[str, str | None]) -> None:
    """Moves `clock` as the one given field of `fields` (None meaning not given) asks."""
    given = {name: value for name, value in fields.items() if name in FIELDS and value is not None}
    if len(given) != 1:
        raise BadMove(USAGE)
    ((name, value),) = given.items()
    if name == "real":
        if value != "1":
            raise BadMove(USAGE)
        clock.reset()
    elif name == "advance":
        seconds = _seconds(value)
        _check(clock.now() + seconds)
        clock.advance(seconds)
    else:
        moment = _moment(value)
        _check(moment.timestamp())
        clock.set(moment)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds < math.inf:
        raise BadMove(f"advance is a number of seconds, 0 or more, not {value!r}.")
    return seconds


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadMove(f"at is an ISO 8601 time in UTC, like 2027-12-01T00:00:00Z, not {value!r}.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _check(timestamp: float) -> None:
    if not EARLIEST.timestamp() <= timestamp <= LATEST.timestamp():
        raise BadMove(f"The clock goes from {EARLIEST.isoformat()} to {LATEST.isoformat()}.")
