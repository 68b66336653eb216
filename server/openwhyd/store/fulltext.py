"""Full-text search over track names, user names and handles, and playlist names; the matching
itself is the engine's (`Engine.matching`: FTS5 on SQLite, `tsvector`s on PostgreSQL)."""

import re
from typing import Any

from server.database import Row
from server.openwhyd.store import Store
from server.openwhyd.store import posts as post_store

WORD = re.compile(r"\w+")
MAX_WORDS = 8


def _rows(store: Store, table: str, query: str, sql: str, *args: Any) -> list[Row]:
    """The rows of `sql`, whose `{matching}` (aliased `m`) is the engine's subquery for the rows of
    `table` matching the first words of `query`; none when `query` has no word."""
    words = WORD.findall(query)[:MAX_WORDS]
    if not words:
        return []
    matching, matching_args = store.database.engine.matching(table, words)
    return store.db().execute(sql.format(matching=matching), (*matching_args, *args)).fetchall()


def tracks(
    store: Store, query: str, limit: int, uid: str | None = None, not_uid: str | None = None
) -> list[dict[str, Any]]:
    """Posts whose name matches, best first; only `uid`'s, or everyone's but `not_uid`'s."""
    rows = _rows(
        store,
        "posts",
        query,
        "SELECT p.* FROM {matching} m JOIN posts p ON p.seq = m.seq"
        " WHERE (? IS NULL OR p.uid = ?) AND (? IS NULL OR p.uid != ?) ORDER BY m.rank LIMIT ?",
        uid,
        uid,
        not_uid,
        not_uid,
        limit,
    )
    return post_store.documents(store.db(), rows)


def people(store: Store, query: str, limit: int) -> list[Row]:
    return _rows(
        store,
        "users",
        query,
        "SELECT u.* FROM {matching} m JOIN users u ON u.seq = m.seq ORDER BY m.rank LIMIT ?",
        limit,
    )


def playlists(store: Store, query: str, limit: int) -> list[Row]:
    """Matching playlists with their owner's name."""
    return _rows(
        store,
        "playlists",
        query,
        "SELECT pl.uid, pl.pl_id, pl.name, u.name AS unm FROM {matching} m"
        " JOIN playlists pl ON pl.seq = m.seq JOIN users u ON u.id = pl.uid ORDER BY m.rank LIMIT ?",
        limit,
    )
