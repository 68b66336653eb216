"""What the player hears while an item plays: its source adapter's reports, and the clock.

Times (`at`) are seconds since the Unix epoch on the caller's clock: passing them in keeps the
modules that listen pure, and a start time doubles as Last.fm's scrobble timestamp.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Playing:
    """Playback started, or resumed after a pause."""

    at: float
    duration: float | None = None


@dataclass(frozen=True)
class Paused:
    """Playback stopped where it was: the user paused, or the browser refused to autoplay."""

    at: float


@dataclass(frozen=True)
class Progress:
    """Where playback is, reported every so often while it plays."""

    at: float
    position: float
    duration: float | None = None


@dataclass(frozen=True)
class Ended:
    at: float


@dataclass(frozen=True)
class Tick:
    """The clock, for deadlines: nothing happened, and it is now `at`."""

    at: float


@dataclass(frozen=True)
class Failure:
    """The item cannot play: an adapter's error (YouTube's 150, "embedding forbidden", …) or the
    start watch's timeout. `source` names who found out: an adapter, by its source kind like
    "yt", or "tonearm" for a timeout."""

    code: str | int
    source: str
    message: str = ""

    def to_log(self) -> dict[str, Any]:
        """As Openwhyd's play log keeps it in `logData.err`, e.g. `{"code": 150, "source": "yt"}`."""
        logged: dict[str, Any] = {"code": self.code, "source": self.source}
        if self.message:
            logged["message"] = self.message
        return logged


PlayerEvent = Playing | Paused | Progress | Ended | Tick | Failure
