"""The ranking of `/hot` (reference §3.4), kept up to date from the writes instead of recomputed.

Tracks posted since a post id are grouped by eId and ranked by posts + reposts + likes. The
aggregation over a week of posts costs tens of milliseconds; a write changes one or two groups.
So the groups are kept in memory with their order, and each read first applies what changed
since the last one: the tracks the write triggers logged in `track_changes`, and the tracks of
posts that left the window as `since` moved on. Only those groups are computed again, each by
the index on `(eid, id)`.
"""

import bisect
import threading
from dataclasses import dataclass

from server.database import Connection, Row
from server.openwhyd.store.batches import rows_for

GROUPS = """
    SELECT p.eid, min(p.id) AS first, count(*) + sum(coalesce(p.nb_r, 0)) AS posts,
           sum((SELECT count(*) FROM loves l WHERE l.pid = p.id)) AS likes
    FROM posts p
    WHERE p.id >= ? AND p.eid IS NOT NULL AND p.eid != '/sc/undefined'{only}
    GROUP BY p.eid
"""
"""Every group since a post id, or (`only`) those of some tracks."""


@dataclass(frozen=True)
class Group:
    """A ranked track, shown through its earliest post `first`."""

    first: str
    posts: int
    """Its posts and their reposts."""
    likes: int

    @property
    def score(self) -> int:
        return self.posts + self.likes

    @property
    def place(self) -> tuple[int, str]:
        """Groups rank by score, then newest `first`; no two groups share a first post."""
        return self.score, self.first


class Ranking:
    """The groups of the posts since `since`, as of change `seen` of the log.

    One lock: concurrent readers wait for one catch-up (or rebuild) and then share it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._since: str | None = None
        self._seen = 0
        self._groups: dict[str, Group] = {}
        self._order: list[tuple[int, str, str]] = []
        """`(score, first, eid)` from the last place to the first."""

    def page(self, db: Connection, since: str, skip: int, limit: int) -> tuple[list[Group], int]:
        """The groups ranked `skip` to `skip + limit` among those since `since`, and how many
        groups there are."""
        with self._lock:
            self._catch_up(db, since)
            end = len(self._order) - skip
            shown = self._order[max(0, end - limit) : max(0, end)]
            return [self._groups[eid] for _, _, eid in reversed(shown)], len(self._order)

    def _catch_up(self, db: Connection, since: str) -> None:
        if self._since is None or since < self._since:
            self._rebuild(db, since)
            return
        changes = db.execute("SELECT seq, eid FROM track_changes WHERE seq > ?", (self._seen,)).fetchall()
        if changes:
            oldest = db.execute("SELECT min(seq) FROM track_changes").fetchone()[0]
            if oldest > self._seen + 1:
                self._rebuild(db, since)  # entries were dropped before this ranking read them
                return
            self._seen = max(row["seq"] for row in changes)
        eids = {row["eid"] for row in changes}
        if since > self._since:
            left = db.execute("SELECT DISTINCT eid FROM posts WHERE id >= ? AND id < ?", (self._since, since))
            eids.update(row["eid"] for row in left if row["eid"] is not None)
            if len(eids) > len(self._groups) // 2:
                self._rebuild(db, since)  # as the clock jumps: cheaper than group by group
                return
            self._since = since
        if eids:
            self._recompute(db, sorted(eids))

    def _rebuild(self, db: Connection, since: str) -> None:
        """Every group again; changes logged from here on are applied by later reads."""
        self._seen = db.execute("SELECT coalesce(max(seq), 0) FROM track_changes").fetchone()[0]
        self._since = since
        self._groups = {row["eid"]: _group(row) for row in db.execute(GROUPS.format(only=""), (since,))}
        self._order = sorted((*group.place, eid) for eid, group in self._groups.items())

    def _recompute(self, db: Connection, eids: list[str]) -> None:
        assert self._since is not None
        sql = GROUPS.format(only=" AND p.eid IN ({marks})")
        fresh = {row["eid"]: _group(row) for row in rows_for(db, sql, eids, first=(self._since,))}
        for eid in eids:
            old, new = self._groups.pop(eid, None), fresh.get(eid)
            if old is not None:
                del self._order[bisect.bisect_left(self._order, (*old.place, eid))]
            if new is not None:
                self._groups[eid] = new
                bisect.insort(self._order, (*new.place, eid))


def _group(row: Row) -> Group:
    return Group(row["first"], row["posts"], row["likes"])
