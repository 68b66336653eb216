"""Full-text search (FTS5) over track names, user names and handles, and playlist names."""

import re
import sqlite3
from typing import Any

from server.openwhyd.store import posts as post_store

WORD = re.compile(r"\w+")
MAX_WORDS = 8


def expression(query: str) -> str | None:
    """Every word of `query` as a quoted prefix term, so user text never reads as FTS syntax."""
    words = WORD.findall(query)[:MAX_WORDS]
    return " ".join(f'"{word}"*' for word in words) or None


def tracks(
    db: sqlite3.Connection, query: str, limit: int, uid: str | None = None, not_uid: str | None = None
) -> list[dict[str, Any]]:
    """Posts whose name matches, best first; only `uid`'s, or everyone's but `not_uid`'s."""
    match = expression(query)
    if match is None:
        return []
    rows = db.execute(
        "SELECT p.* FROM posts_fts f JOIN posts p ON p.seq = f.rowid WHERE posts_fts MATCH ?"
        " AND (? IS NULL OR p.uid = ?) AND (? IS NULL OR p.uid != ?) ORDER BY f.rank LIMIT ?",
        (match, uid, uid, not_uid, not_uid, limit),
    ).fetchall()
    return post_store.documents(db, rows)


def people(db: sqlite3.Connection, query: str, limit: int) -> list[sqlite3.Row]:
    match = expression(query)
    if match is None:
        return []
    return db.execute(
        "SELECT u.* FROM users_fts f JOIN users u ON u.seq = f.rowid WHERE users_fts MATCH ?"
        " ORDER BY f.rank LIMIT ?",
        (match, limit),
    ).fetchall()


def playlists(db: sqlite3.Connection, query: str, limit: int) -> list[sqlite3.Row]:
    """Matching playlists with their owner's name."""
    match = expression(query)
    if match is None:
        return []
    return db.execute(
        "SELECT pl.uid, pl.pl_id, pl.name, u.name AS unm FROM playlists_fts f"
        " JOIN playlists pl ON pl.seq = f.rowid JOIN users u ON u.id = pl.uid"
        " WHERE playlists_fts MATCH ? ORDER BY f.rank LIMIT ?",
        (match, limit),
    ).fetchall()
