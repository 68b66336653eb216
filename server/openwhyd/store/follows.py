"""The `follow` collection: `{_id, uId, uNm, tId, tNm}` means uId follows tId."""

from typing import Any

from server.database import Connection, Row
from server.openwhyd.ids import new_id, object_id


def follow(db: Connection, doc: dict[str, Any], now: float) -> str:
    """Upsert: following twice keeps the first record (and its id, stamped `now` if new)."""
    row = db.execute(
        "INSERT INTO follows (id, uid, unm, tid, tnm, ctx) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (uid, tid) DO UPDATE SET unm = excluded.unm, tnm = excluded.tnm RETURNING id",
        (
            object_id(doc.get("_id")) or new_id(now),
            doc["uId"],
            doc.get("uNm"),
            doc["tId"],
            doc.get("tNm"),
            doc.get("ctx"),
        ),
    ).fetchone()
    return row["id"]


def unfollow(db: Connection, uid: str, tid: str) -> None:
    db.execute("DELETE FROM follows WHERE uid = ? AND tid = ?", (uid, tid))


def following_id(db: Connection, uid: str, tid: str) -> str | None:
    row = db.execute("SELECT id FROM follows WHERE uid = ? AND tid = ?", (uid, tid)).fetchone()
    return row and row["id"]


def followed_by(db: Connection, uid: str) -> set[str]:
    """Everyone `uid` follows."""
    return {row[0] for row in db.execute("SELECT tid FROM follows WHERE uid = ?", (uid,))}


def followers(db: Connection, tid: str, skip: int = 0, limit: int | None = None) -> list[Row]:
    """Who follows `tid`, newest first: `limit` of them after `skip`, or all."""
    return _page(db, "SELECT uid, unm FROM follows WHERE tid = ? ORDER BY id DESC", tid, skip, limit)


def following(db: Connection, uid: str, skip: int = 0, limit: int | None = None) -> list[Row]:
    """Whom `uid` follows, newest first: `limit` of them after `skip`, or all."""
    return _page(db, "SELECT tid, tnm FROM follows WHERE uid = ? ORDER BY id DESC", uid, skip, limit)


def _page(db: Connection, sql: str, who: str, skip: int, limit: int | None) -> list[Row]:
    """No limit has no spelling both engines read (SQLite's `LIMIT -1`, PostgreSQL's `LIMIT ALL`)."""
    if limit is None:
        return db.execute(sql, (who,)).fetchall()[skip:]
    return db.execute(f"{sql} LIMIT ? OFFSET ?", (who, limit, skip)).fetchall()


def count_followers(db: Connection, tid: str) -> int:
    return db.execute("SELECT count(*) FROM follows WHERE tid = ?", (tid,)).fetchone()[0]


def count_following(db: Connection, uid: str) -> int:
    return db.execute("SELECT count(*) FROM follows WHERE uid = ?", (uid,)).fetchone()[0]
