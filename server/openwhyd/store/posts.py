"""The `post` collection (tracks), with their likes (`lov`), and the queries of every track list."""

import json
from dataclasses import dataclass
from typing import Any

from server.database import Connection, Row, variant
from server.openwhyd.ids import new_id, object_id
from server.openwhyd.store.batches import rows_for

SCALARS = {
    "uId": "uid",
    "uNm": "unm",
    "text": "text",
    "name": "name",
    "eId": "eid",
    "img": "img",
    "ctx": "ctx",
    "nbP": "nb_p",
    "nbR": "nb_r",
    "order": "ord",
}
SHAPED = {"_id", "src", "pl", "repost", "lov"}
NO_EXTRA = "{}"


@dataclass(frozen=True)
class Page:
    """Where a list starts: `after`/`before` are post ids (str) or `order` values (int)."""

    limit: int
    after: str | int | None = None
    before: str | int | None = None

    def bounds(self) -> tuple[str, list[Any]]:
        clauses, args = [], []
        for bound, by_id, by_order in (
            (self.after, "p.id < ?", "p.ord > ?"),
            (self.before, "p.id > ?", "p.ord < ?"),
        ):
            if bound is not None:
                clauses.append(by_id if isinstance(bound, str) else by_order)
                args.append(bound)
        return "".join(f" AND {clause}" for clause in clauses), args


def columns(doc: dict[str, Any]) -> dict[str, Any]:
    """The column values of a post document (shaped fields split, unknown ones kept in `doc`)."""
    values = {column: doc.get(key) for key, column in SCALARS.items()}
    src, pl, repost = doc.get("src"), doc.get("pl"), doc.get("repost")
    values["src"] = json.dumps(src) if isinstance(src, dict) else None
    pl_id = pl.get("id") if isinstance(pl, dict) else None
    has_pl = isinstance(pl_id, (int, str)) and not isinstance(pl_id, bool)
    values["pl_id"], values["pl_name"] = (
        (variant(pl_id), pl.get("name")) if has_pl and isinstance(pl, dict) else (None, None)
    )
    repost = repost if isinstance(repost, dict) else {}
    values.update(repost_pid=repost.get("pId"), repost_uid=repost.get("uId"), repost_unm=repost.get("uNm"))
    rest = {k: v for k, v in doc.items() if k not in SCALARS and k not in SHAPED}
    values["doc"] = json.dumps(rest) if rest else NO_EXTRA
    return values


def document(row: Row, lov: list[str]) -> dict[str, Any]:
    """The post as the API returns it: absent fields left out, `lov` always there."""
    doc = fields(row)
    doc["lov"] = lov
    return doc


def fields(row: Row) -> dict[str, Any]:
    """The post's fields but its likes."""
    values = dict(zip(row.keys(), row, strict=True))  # a row compares names one by one to find one
    doc: dict[str, Any] = {"_id": values["id"]}
    for key, column in SCALARS.items():
        if values[column] is not None:
            doc[key] = values[column]
    if values["src"] is not None:
        doc["src"] = json.loads(values["src"])
    if values["pl_id"] is not None:
        doc["pl"] = {"id": values["pl_id"]} | (
            {} if values["pl_name"] is None else {"name": values["pl_name"]}
        )
    if values["repost_pid"] is not None:
        doc["repost"] = {
            k: v
            for k, v in (
                ("pId", values["repost_pid"]),
                ("uId", values["repost_uid"]),
                ("uNm", values["repost_unm"]),
            )
            if v is not None
        }
    if values["doc"] != NO_EXTRA:
        doc.update(json.loads(values["doc"]))
    return doc


def documents(db: Connection, rows: list[Row]) -> list[dict[str, Any]]:
    lovers = lovers_of(db, [row["id"] for row in rows])
    return [document(row, lovers.get(row["id"], [])) for row in rows]


def lovers_of(db: Connection, pids: list[str]) -> dict[str, list[str]]:
    """`pid → [uid, …]` in the order the likes were given."""
    result: dict[str, list[str]] = {}
    for row in rows_for(db, "SELECT pid, uid FROM loves WHERE pid IN ({marks}) ORDER BY seq", pids):
        result.setdefault(row["pid"], []).append(row["uid"])
    return result


def insert(db: Connection, doc: dict[str, Any], now: float) -> str:
    """The post's id: its own `_id`, else a new one stamped `now`."""
    pid = object_id(doc.get("_id")) or new_id(now)
    values = columns(doc)
    db.execute(
        f"INSERT INTO posts (id, {', '.join(values)}) VALUES (?{', ?' * len(values)})",
        (pid, *values.values()),
    )
    lov = doc.get("lov")
    for uid in lov if isinstance(lov, list) else []:
        if isinstance(uid, str):
            db.execute(
                "INSERT INTO loves (pid, uid) VALUES (?, ?) ON CONFLICT (pid, uid) DO NOTHING", (pid, uid)
            )
    return pid


def replace(db: Connection, pid: str, doc: dict[str, Any]) -> None:
    """Overwrite the post's fields with `doc` (its likes stay)."""
    values = columns(doc)
    assignments = ", ".join(f"{column} = ?" for column in values)
    db.execute(f"UPDATE posts SET {assignments} WHERE id = ?", (*values.values(), pid))


def get(db: Connection, pid: str) -> dict[str, Any] | None:
    row = db.execute("SELECT * FROM posts WHERE id = ?", (pid,)).fetchone()
    return row and documents(db, [row])[0]


def _list(db: Connection, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    return documents(db, db.execute(sql, args).fetchall())


def by_user(db: Connection, uid: str, page: Page) -> list[dict[str, Any]]:
    """A profile: the user's posts newest first, minus their reposts of their own posts."""
    where, args = page.bounds()
    return _list(
        db,
        "SELECT * FROM posts p WHERE p.uid = ? AND (p.repost_uid IS NULL OR p.repost_uid != ?)"
        f"{where} ORDER BY p.id DESC LIMIT ?",
        [uid, uid, *args, page.limit],
    )


def in_playlist(db: Connection, uid: str, pl_id: int, page: Page) -> list[dict[str, Any]]:
    """A playlist: the posts without `order` first, newest first, then the others by `order`.

    The two parts are read apart, each walking its index in order, and the second only when the
    first leaves room on the page: an unordered playlist of thousands is paged by id without
    scanning the tracks before the page, and no engine's place for NULLs in a sort matters.
    """
    where, args = page.bounds()
    part = "SELECT * FROM posts p WHERE p.uid = ? AND p.pl_id = ? AND p.ord IS {} NULL{} ORDER BY {} LIMIT ?"
    head = [uid, variant(pl_id), *args]
    rows = db.execute(part.format("", where, "p.id DESC"), [*head, page.limit]).fetchall()
    if len(rows) < page.limit:
        rest = [*head, page.limit - len(rows)]
        rows += db.execute(part.format("NOT", where, "p.ord, p.id DESC"), rest).fetchall()
    return documents(db, rows)


def liked_by(db: Connection, uid: str, page: Page) -> list[dict[str, Any]]:
    where, args = page.bounds()
    return _list(
        db,
        "SELECT p.* FROM loves l JOIN posts p ON p.id = l.pid WHERE l.uid = ?"
        f"{where} ORDER BY l.pid DESC LIMIT ?",
        [uid, *args, page.limit],
    )


def feed(db: Connection, uid: str, page: Page) -> list[dict[str, Any]]:
    """A home feed: posts by `uid` and whom they follow, minus reposts of posts by any of them."""
    circle = "SELECT tid FROM follows WHERE uid = ? UNION SELECT ?"
    where, args = page.bounds()
    return _list(
        db,
        f"SELECT * FROM posts p WHERE p.uid IN ({circle})"
        f" AND (p.repost_uid IS NULL OR p.repost_uid NOT IN ({circle})){where}"
        " ORDER BY p.id DESC LIMIT ?",
        [uid, uid, uid, uid, *args, page.limit],
    )


def everyone(db: Connection, page: Page) -> list[dict[str, Any]]:
    """`/all`: every post that is not a repost, newest first."""
    where, args = page.bounds()
    return _list(
        db,
        f"SELECT * FROM posts p WHERE p.repost_pid IS NULL{where} ORDER BY p.id DESC LIMIT ?",
        [*args, page.limit],
    )


def reposts_of(db: Connection, pids: list[str], limit: int = -1) -> dict[str, list[dict]]:
    """`pid → [{id, name, pId}]`: who reposted each post, and their repost's id."""
    result: dict[str, list[dict]] = {pid: [] for pid in pids}
    sql = "SELECT id, uid, unm, repost_pid FROM posts WHERE repost_pid IN ({marks}) ORDER BY id"
    for row in rows_for(db, sql, pids):
        items = result[row["repost_pid"]]
        if limit < 0 or len(items) < limit:
            items.append({"id": row["uid"], "name": row["unm"], "pId": row["id"]})
    return result


def reposters(db: Connection, pid: str) -> list[str]:
    rows = db.execute("SELECT uid FROM posts WHERE repost_pid = ? ORDER BY id", (pid,))
    return [row["uid"] for row in rows]


def delete(db: Connection, pid: str) -> None:
    db.execute("DELETE FROM posts WHERE id = ?", (pid,))


def add_reposts(db: Connection, pid: str, count: int) -> None:
    db.execute("UPDATE posts SET nb_r = coalesce(nb_r, 0) + ? WHERE id = ?", (count, pid))


def add_play(db: Connection, pid: str) -> None:
    db.execute("UPDATE posts SET nb_p = coalesce(nb_p, 0) + 1 WHERE id = ?", (pid,))


def toggle_love(db: Connection, pid: str, uid: str) -> bool:
    """Like or unlike; True when the post is now liked by `uid`."""
    if db.execute("DELETE FROM loves WHERE pid = ? AND uid = ?", (pid, uid)).rowcount:
        return False
    db.execute("INSERT INTO loves (pid, uid) VALUES (?, ?)", (pid, uid))
    return True


def set_order(db: Connection, uid: str, pids: list[str]) -> None:
    """Each of the user's posts gets its 0-based index in `pids` as its `order`."""
    db.executemany(
        "UPDATE posts SET ord = ? WHERE id = ? AND uid = ?",
        [(index, pid, uid) for index, pid in enumerate(pids)],
    )


def by_ids(db: Connection, pids: list[str]) -> dict[str, dict[str, Any]]:
    """The posts of `pids` by id, without their likes."""
    rows = rows_for(db, "SELECT * FROM posts WHERE id IN ({marks})", pids)
    return {row["id"]: fields(row) for row in rows}
