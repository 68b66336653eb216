"""The `comment` collection: `{_id, uId, uNm, pId, text}` under posts."""

from typing import Any

from server.database import Connection, Row
from server.openwhyd.ids import new_id, object_id
from server.openwhyd.store.batches import rows_for


def _document(row: Row) -> dict[str, Any]:
    return {"_id": row["id"], "uId": row["uid"], "uNm": row["unm"], "pId": row["pid"], "text": row["text"]}


def insert(db: Connection, doc: dict[str, Any], created: float) -> dict:
    """`created` (seconds since the epoch) also stamps the id when `doc` brings none."""
    cid = object_id(doc.get("_id")) or new_id(created)
    db.execute(
        "INSERT INTO comments (id, pid, uid, unm, text, created) VALUES (?, ?, ?, ?, ?, ?)",
        (
            cid,
            doc["pId"],
            doc["uId"],
            doc.get("uNm"),
            doc.get("text"),
            created,
        ),
    )
    return {"_id": cid, "uId": doc["uId"], "uNm": doc.get("uNm"), "pId": doc["pId"], "text": doc.get("text")}


def get(db: Connection, cid: str) -> dict[str, Any] | None:
    row = db.execute("SELECT * FROM comments WHERE id = ?", (cid,)).fetchone()
    return row and _document(row)


def of_posts(db: Connection, pids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """`pid → comments`, oldest first."""
    result: dict[str, list[dict[str, Any]]] = {pid: [] for pid in pids}
    for row in rows_for(db, "SELECT * FROM comments WHERE pid IN ({marks}) ORDER BY seq", pids):
        result[row["pid"]].append(_document(row))
    return result


def last_time(db: Connection, uid: str, pid: str) -> float | None:
    """When `uid` last commented on `pid` (for the two-second rule)."""
    row = db.execute("SELECT max(created) FROM comments WHERE uid = ? AND pid = ?", (uid, pid)).fetchone()
    return row[0]


def delete(db: Connection, cid: str) -> int:
    return db.execute("DELETE FROM comments WHERE id = ?", (cid,)).rowcount
