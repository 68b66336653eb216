"""The one place that turns what the player hears into Openwhyd calls, the ones its own web UI
makes (reference §7): `incrPlayCounter` when a track first starts, again with the error in
`logData` when it fails (Openwhyd logs that without counting a play), and, for users who linked
Last.fm, a scrobble when the track ends by itself (`scrobbles`).

Deciding is pure: a `Listen` is fed events and answers with descriptions of the calls to make,
which `send` themselves through any client with `count_play` and `scrobble`, like `OpenwhydClient`.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from app.openwhyd.models import Track
from app.player.events import Ended, Failure, PlayerEvent, Playing, Progress
from app.player.scrobbles import Scrobble, ScrobbleClient, on_end


def _known(duration: float | None) -> float | None:
    """A duration, or None for what players report when they do not know: 0, NaN, infinity."""
    return duration if duration and math.isfinite(duration) else None


class PlayLogClient(ScrobbleClient, Protocol):
    async def count_play(
        self,
        post_id: str,
        track_eid: str,
        *,
        duration: float | None = None,
        error: Mapping[str, Any] | None = None,
    ) -> None: ...


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
            case Progress(duration=duration):
                return replace(self, duration=_known(duration) or self.duration), ()
            case Ended():
                scrobble = on_end(self.track.id, self.started_at, self.duration) if self.scrobbling else None
                return self, () if scrobble is None else (scrobble,)
        return self, ()

    def _playing(self, at: float, duration: float | None) -> tuple["Listen", Calls]:
        """Counts the first start; a resume changes nothing logged."""
        listen = replace(self, duration=_known(duration) or self.duration)
        if self.started_at is not None:
            return listen, ()
        counted = CountPlay(self.track.id, self.track.eid, listen.duration)
        return replace(listen, started_at=at), (counted,)
