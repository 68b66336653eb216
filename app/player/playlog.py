"""The one place that turns what the player hears into Openwhyd calls, the ones its own web UI
makes (reference §7): `incrPlayCounter` when a track first starts, again with the error in
`logData` when it fails (Openwhyd logs that without counting a play), and, for users who linked
Last.fm, a scrobble once Last.fm's rule is met.

Deciding is pure: a `Listen` is fed events and answers with descriptions of the calls to make,
which `send` themselves through any client with `count_play` and `scrobble`, like `OpenwhydClient`.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from app.openwhyd.models import Track
from app.player.events import Ended, Failure, PlayerEvent, Playing, Progress

SCROBBLE_LONGER_THAN = 30.0
SCROBBLE_AFTER = 240.0
SEEK_SLACK = 1.0
"""Seconds the position may run ahead of the clock between two reports and still count as
listened to rather than skipped over by a seek."""


def earns_scrobble(duration: float, listened: float) -> bool:
    """Last.fm's rule: a track longer than 30 s, listened to for half its length or 4 minutes."""
    return duration > SCROBBLE_LONGER_THAN and listened >= min(duration / 2, SCROBBLE_AFTER)


def _known(duration: float | None) -> float | None:
    """A duration, or None for what players report when they do not know: 0, NaN, infinity."""
    return duration if duration and math.isfinite(duration) else None


class PlayLogClient(Protocol):
    async def count_play(
        self,
        post_id: str,
        track_eid: str,
        *,
        duration: float | None = None,
        error: Mapping[str, Any] | None = None,
    ) -> None: ...

    async def scrobble(self, post_id: str, *, timestamp: int, duration: float) -> Any: ...


@dataclass(frozen=True)
class CountPlay:
    """`incrPlayCounter`: a play, or with a `failure`, a track that could not play."""

    post_id: str
    eid: str
    duration: float | None = None
    failure: Failure | None = None

    async def send(self, client: PlayLogClient) -> None:
        error = None if self.failure is None else self.failure.to_log()
        await client.count_play(self.post_id, self.eid, duration=self.duration, error=error)


@dataclass(frozen=True)
class Scrobble:
    """A play for Last.fm, which Openwhyd passes on; `timestamp` is when the track started."""

    post_id: str
    timestamp: int
    duration: float

    async def send(self, client: PlayLogClient) -> None:
        await client.scrobble(self.post_id, timestamp=self.timestamp, duration=self.duration)


PlayLogCall = CountPlay | Scrobble
Calls = tuple[PlayLogCall, ...]


@dataclass(frozen=True)
class Listen:
    """One play of one track, from its load to its end or failure, and what is logged of it.

    Make one per load, so that a track played again (on repeat one, say) counts again, and feed
    it the adapter's events and the start watch's failures. It logs one failure at most, and
    nothing after it."""

    track: Track
    scrobbling: bool
    started_at: float | None = None
    duration: float | None = None
    listened: float = 0.0
    last_heard: tuple[float, float] | None = None
    """When, and at which position, playback was last heard of."""
    scrobbled: bool = False
    failed: bool = False

    def feed(self, event: PlayerEvent) -> tuple["Listen", Calls]:
        """The listen after `event`, and the calls to make for it."""
        if self.failed:
            return self, ()
        match event:
            case Failure():
                failed = CountPlay(self.track.id, self.track.eid, self.duration, event)
                return replace(self, failed=True), (failed,)
            case Playing(at=at, duration=duration):
                return self._playing(at, duration)
            case Progress(at=at, position=position, duration=duration):
                return self._heard(at, position, duration)
            case Ended(at=at) if self.duration is not None:
                return self._heard(at, self.duration, self.duration)
        return self, ()

    def _playing(self, at: float, duration: float | None) -> tuple["Listen", Calls]:
        """Counts the first start; a resume only sets the clock against which the next report
        tells listening from seeking."""
        position = 0.0 if self.last_heard is None else self.last_heard[1]
        listen = replace(self, last_heard=(at, position), duration=_known(duration) or self.duration)
        if self.started_at is not None:
            return listen, ()
        counted = CountPlay(self.track.id, self.track.eid, listen.duration)
        return replace(listen, started_at=at), (counted,)

    def _heard(self, at: float, position: float, duration: float | None) -> tuple["Listen", Calls]:
        """Counts the stretch since playback was last heard of as listened to, unless the position
        ran ahead of the clock (a seek) or back; scrobbles once that is enough."""
        gained = 0.0
        if self.last_heard is not None:
            last_at, last_position = self.last_heard
            step = position - last_position
            if 0 < step <= at - last_at + SEEK_SLACK:
                gained = step
        listen = replace(
            self,
            listened=self.listened + gained,
            last_heard=(at, position),
            duration=_known(duration) or self.duration,
        )
        scrobble = listen._due_scrobble()
        if scrobble is None:
            return listen, ()
        return replace(listen, scrobbled=True), (scrobble,)

    def _due_scrobble(self) -> Scrobble | None:
        """The scrobble this listen has earned and not sent yet, if any."""
        if not self.scrobbling or self.scrobbled or self.started_at is None or self.duration is None:
            return None
        if not earns_scrobble(self.duration, self.listened):
            return None
        return Scrobble(self.track.id, int(self.started_at), self.duration)
