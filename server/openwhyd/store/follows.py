"""The `follow` collection: `{_id, uId, uNm, tId, tNm}` means uId follows tId."""

import sqlite3
from typing import Any

from server.openwhyd.ids import new_id, object_id


def follow(db: sqlite3.Connection, doc: dict[str, Any], now: float) -> str:
    """Upsert: following twice keeps the first record (and its id, stamped `now` if new)."""
    db.execute(
        "INSERT INTO follows (id, uid, unm, tid, tnm, ctx) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (uid, tid) DO UPDATE SET unm = excluded.unm, tnm = excluded.tnm",
        (
            object_id(doc.get("_id")) or new_id(now),
            doc["uId"],
            doc.get("uNm"),
            doc["tId"],
            doc.get("tNm"),
            doc.get("ctx"),
        ),
    )
    return following_id(db, doc["uId"], doc["tId"])


def unfollow(db: sqlite3.Connection, uid: str, tid: str) -> None:
    db.execute("DELETE FROM follows WHERE uid = ? AND tid = ?", (uid, tid))


def following_id(db: sqlite3.Connection, uid: str, tid: str) -> str | None:
    row = db.execute("SELECT id FROM follows WHERE uid = ? AND tid = ?", (uid, tid)).fetchone()
    return row and row["id"]


def followed_by(db: sqlite3.Connection, uid: str) -> set[str]:
    """Everyone `uid` follows."""
    return {row[0] for row in db.execute("SELECT tid FROM follows WHERE uid = ?", (uid,))}


def followers(db: sqlite3.Connection, tid: str, skip: int, limit: int) -> list[sqlite3.Row]:
    """Who follows `tid`, newest first."""
    return db.execute(
        "SELECT uid, unm FROM follows WHERE tid = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        (tid, limit, skip),
    ).fetchall()


def following(db: sqlite3.Connection, uid: str, skip: int, limit: int) -> list[sqlite3.Row]:
    """Whom `uid` follows, newest first."""
    return db.execute(
        "SELECT tid, tnm FROM follows WHERE uid = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        (uid, limit, skip),
    ).fetchall()


def count_followers(db: sqlite3.Connection, tid: str) -> int:
    return db.execute("SELECT count(*) FROM follows WHERE tid = ?", (tid,)).fetchone()[0]


def count_following(db: sqlite3.Connection, uid: str) -> int:
    return db.execute("SELECT count(*) FROM follows WHERE uid = ?", (uid,)).fetchone()[0]
