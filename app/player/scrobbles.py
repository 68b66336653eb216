"""The scrobble, for users who linked Last.fm: sent when a track ends by itself, as Openwhyd's own
player sends it (openwhyd-social §5: on its player's `onEnd`, with the time the play started).

A skip, a new track chosen or the queue stopped unloads the track before it ends, so those are
never scrobbled. There is no 30-second or half-the-track rule: Openwhyd has none, and the demo's
short tracks would otherwise never reach Last.fm.
"""

from dataclasses import dataclass
from typing import Any, Protocol


class ScrobbleClient(Protocol):
    async def scrobble(self, post_id: str, *, timestamp: int, duration: float | None = None) -> Any: ...


@dataclass(frozen=True)
class Scrobble:
    """A play for Last.fm, which Openwhyd passes on; `timestamp` is when the track started."""

    post_id: str
    timestamp: int
    duration: float | None = None

    async def send(self, client: ScrobbleClient) -> None:
        await client.scrobble(self.post_id, timestamp=self.timestamp, duration=self.duration)


def on_end(post_id: str, started_at: float | None, duration: float | None) -> Scrobble | None:
    """The scrobble of a track that ended by itself, when it had started playing."""
    return None if started_at is None else Scrobble(post_id, int(started_at), duration)
