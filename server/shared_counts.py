"""Rate-limit counts in the shared database (server/database/shared.py), for processes that share
a database: each hit is one `INSERT … ON CONFLICT … DO UPDATE … RETURNING`, atomic on both
engines, so hits that processes count at once are all counted."""

from server.database import Database
from server.database.shared import open_shared
from server.ratelimit import RateLimiter
from server.settings import Settings

PRUNE_EVERY = 1000
"""Hits a process counts between two sweeps of the windows that have ended."""

ENDED = "rate_counts.ends <= excluded.start OR rate_counts.start > excluded.ends"
"""The key's window had ended at the hit, or begins more than a window after it: the wall clock
went back. (A window that begins a little after a hit is another process's hit counted first.)"""
ADD = f"""
    INSERT INTO rate_counts (scope, key, start, ends, hits) VALUES (?, ?, ?, ?, 1)
    ON CONFLICT (scope, key) DO UPDATE SET
        start = CASE WHEN {ENDED} THEN excluded.start ELSE rate_counts.start END,
        ends = CASE WHEN {ENDED} THEN excluded.ends ELSE rate_counts.ends END,
        hits = CASE WHEN {ENDED} THEN 1 ELSE rate_counts.hits + 1 END
    RETURNING start, hits
"""


class DatabaseCounts:
    """The counts of one service (`scope`) in `database`."""

    shared = True

    def __init__(self, database: Database, scope: str) -> None:
        self.database, self.scope = database, scope
        self._added = 0

    def add(self, key: str, window: float, now: float) -> tuple[float, int]:
        db = self.database.connection()
        row = db.execute(ADD, (self.scope, key, now, now + window)).fetchone()
        self._added += 1
        if self._added % PRUNE_EVERY == 0:
            db.execute("DELETE FROM rate_counts WHERE ends <= ?", (now,))
        return row[0], row[1]

    def current(self, key: str, window: float, now: float) -> tuple[float, int]:
        db = self.database.connection()
        row = db.execute(
            "SELECT start, ends, hits FROM rate_counts WHERE scope = ? AND key = ?", (self.scope, key)
        ).fetchone()
        if row is None or not 2 * row["start"] - row["ends"] <= now < row["ends"]:
            return now, 0
        return row["start"], row["hits"]

    def forget(self, key: str) -> None:
        self.database.connection().execute(
            "DELETE FROM rate_counts WHERE scope = ? AND key = ?", (self.scope, key)
        )

    def forget_all(self) -> None:
        self.database.connection().execute("DELETE FROM rate_counts WHERE scope = ?", (self.scope,))


def rate_limiter(settings: Settings, scope: str) -> RateLimiter:
    """The limiter of service `scope`: counting in the shared database when other processes use
    the database too (`Settings.shared`), else in memory."""
    if not settings.shared:
        return RateLimiter(settings.clock)
    shared = open_shared(settings.database_url, settings.busy_timeout, settings.clock.now())
    return RateLimiter(settings.clock, DatabaseCounts(shared, scope))
