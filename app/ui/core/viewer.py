"""What the person looking sees of each track beyond the track itself: whether they like it and how
many do, whether they reposted it this visit, and how long ago it was posted. Rows, the player bar
and the track page draw from one `Viewer`, made from the state when they are drawn."""

from dataclasses import dataclass, field
from datetime import datetime

from app.openwhyd.models import Love, Track
from app.ui.core.dates import Stamp, stamp


@dataclass
class Reactions:
    """The likes and reposts made this visit, by post id: what the lists already loaded, and the
    track playing, do not know yet. The service's answer to each like is kept, count included."""

    likes: dict[str, Love] = field(default_factory=dict)
    reposted: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Viewer:
    me: str | None
    """Who is signed in to Openwhyd (their id), or None."""
    now: datetime
    reactions: Reactions
    can_act: bool = True
    """False when Openwhyd is read from another origin: nobody can sign in to like or repost."""

    def likes(self, track: Track) -> bool:
        love = self.reactions.likes.get(track.id)
        if love is not None:
            return love.loved
        return self.me is not None and track.is_loved_by(self.me)

    def like_count(self, track: Track) -> int:
        love = self.reactions.likes.get(track.id)
        return love.lover_count if love is not None else len(track.lovers)

    def reposted(self, track: Track) -> bool:
        return track.id in self.reactions.reposted

    def may_repost(self, track: Track) -> bool:
        """One's own tracks are on one's profile already."""
        return track.user_id != self.me

    def posted(self, track: Track) -> Stamp | None:
        return stamp(track.posted_at, self.now)

    def when(self, made: datetime | None) -> Stamp | None:
        return stamp(made, self.now)
