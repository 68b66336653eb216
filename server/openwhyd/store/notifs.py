"""The `notif` collection (openwhyd-social.md §1.1): each document kept whole, found by recipient.

A document is read, changed in Python and saved back inside the caller's write transaction, which
stands in for Mongo's atomic `$set`/`$push`/`$inc` updates.
"""

import json
from typing import Any

from server.database import Connection

MAX_CLEARED = 1000
"""`deleteAll` looks at this many of the user's notifications, as the real server does."""


def get(db: Connection, nid: str) -> dict[str, Any] | None:
    row = db.execute("SELECT doc FROM notifs WHERE id = ?", (nid,)).fetchone()
    return row and json.loads(row["doc"])


def save(db: Connection, doc: dict[str, Any]) -> None:
    """Insert or replace `doc` (by `_id`); a document left with no recipient is deleted."""
    nid = doc["_id"]
    if not doc.get("uId"):
        delete(db, nid)
        return
    db.execute(
        "INSERT INTO notifs (id, t, doc) VALUES (?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET t = excluded.t, doc = excluded.doc",
        (nid, doc["t"], json.dumps(doc)),
    )
    db.execute("DELETE FROM notif_users WHERE notif = ?", (nid,))
    db.executemany(
        "INSERT INTO notif_users (notif, uid) VALUES (?, ?)",
        [(nid, uid) for uid in dict.fromkeys(doc["uId"]) if isinstance(uid, str)],
    )


def delete(db: Connection, nid: str) -> None:
    db.execute("DELETE FROM notifs WHERE id = ?", (nid,))


def of_user(db: Connection, uid: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The notifications `uid` is a recipient of, newest first (`{uId: me}` sorted by `t`)."""
    sql = (
        "SELECT n.doc FROM notif_users u JOIN notifs n ON n.id = u.notif WHERE u.uid = ?"
        " ORDER BY n.t DESC, n.seq DESC"
    )
    rows = db.execute(f"{sql} LIMIT ?", (uid, limit)) if limit else db.execute(sql, (uid,))
    return [json.loads(row["doc"]) for row in rows]
