"""The `activity` collection (openwhyd-social.md §2): one `like` document per like, own posts too."""

from typing import Any

from server.database import Connection, Row
from server.openwhyd.ids import new_id


def liked(db: Connection, liker: dict[str, Any], post: dict[str, Any], now: float) -> None:
    db.execute(
        "INSERT INTO activity (id, uid, name, like_pid, like_uid, like_name) VALUES (?, ?, ?, ?, ?, ?)",
        (new_id(now), liker["_id"], liker.get("name"), post["_id"], post.get("uId"), post.get("uNm")),
    )


def unliked(db: Connection, liker_id: str, pid: str) -> None:
    """`deleteOne`: the oldest of that user's likes of that post."""
    db.execute(
        "DELETE FROM activity WHERE seq = (SELECT min(seq) FROM activity WHERE like_pid = ? AND uid = ?)",
        (pid, liker_id),
    )


def document(row: Row) -> dict[str, Any]:
    return {
        "_id": row["id"],
        "id": row["uid"],
        "name": row["name"],
        "like": {"pId": row["like_pid"], "id": row["like_uid"], "name": row["like_name"]},
    }


FOLLOWED = "uid IN (SELECT tid FROM follows WHERE uid = ?)"


def _newest(db: Connection, table: str, uid: str, limit: int, before: str | None) -> list[Row]:
    """Rows of `table` written by the people `uid` follows, newest first, older than `before`."""
    bound = " AND id < ?" if before else ""
    sql = f"SELECT * FROM {table} WHERE {FOLLOWED}{bound} ORDER BY id DESC LIMIT ?"
    return db.execute(sql, [uid, *([before] if before else []), limit]).fetchall()


def of_followed(db: Connection, uid: str, limit: int, before: str | None = None) -> list[dict[str, Any]]:
    """Likes given by the people `uid` follows."""
    return [document(row) for row in _newest(db, "activity", uid, limit, before)]


def follows_of_followed(db: Connection, uid: str, limit: int, before: str | None = None) -> list[dict]:
    """Follows made by the people `uid` follows, as activity items (§2: not stored, merged on read)."""
    return [
        {
            "_id": row["id"],
            "id": row["uid"],
            "name": row["unm"],
            "subscription": {"id": row["tid"], "name": row["tnm"]},
        }
        for row in _newest(db, "follows", uid, limit, before)
    ]
