"""The rule "a track that fails, or does not start within a timeout, is reported and skipped".

Openwhyd's player gives a track 10 s (it meant to give 12) to start, and its most logged failure
by far is that timeout, mostly on YouTube, where the embed can be slow to come up (reference §7
and §9, issues #6 and #88). Tonearm waits a little longer, and only until playback starts: once
playing, a track fails only by its adapter's error.
"""

from dataclasses import dataclass, replace

from app.player.events import Ended, Failure, PlayerEvent, Playing, Tick

START_TIMEOUT = 15.0
"""Seconds a loaded item has to start playing."""

TIMED_OUT = Failure(code="timeout", source="tonearm")


@dataclass(frozen=True)
class StartWatch:
    """Watches one load of one item: made when the load is requested, fed everything the player
    hears after. It reports one failure at most: after a failure or the end, it stops listening."""

    requested_at: float
    timeout: float = START_TIMEOUT
    started: bool = False
    over: bool = False

    @property
    def deadline(self) -> float | None:
        """When the item times out unless it starts; None once it started or the watch is over.
        The caller sends a `Tick` then."""
        return None if self.started or self.over else self.requested_at + self.timeout

    def feed(self, event: PlayerEvent) -> tuple["StartWatch", Failure | None]:
        """The watch after `event`, and the failure to report and skip for, if any."""
        if self.over:
            return self, None
        match event:
            case Failure():
                return replace(self, over=True), event
            case Tick(at=now) if self.deadline is not None and now >= self.deadline:
                return replace(self, over=True), TIMED_OUT
            case Playing():
                return replace(self, started=True), None
            case Ended():
                return replace(self, over=True), None
        return self, None


def keeps_skipping(failures_in_a_row: int, queue_length: int) -> bool:
    """Whether to skip to the next item after a failure rather than stop: not once every item in
    the queue has failed in a row, which on repeat would go round and round."""
    return failures_in_a_row < queue_length
