"""The `user` collection: accounts, their profile fields and the playlists stored inside them."""

import json
from typing import Any

from server.database import Connection, Row, Variant, variant
from server.openwhyd.ids import new_id, object_id
from server.openwhyd.params import js_int
from server.openwhyd.store.batches import rows_for

COLUMNS = ("name", "handle", "email")
NOT_STORED = {"_id", "id", "mid", "pwd", "md5", "pl"}


def _document(row: Row) -> dict[str, Any]:
    doc: dict[str, Any] = {"_id": row["id"]}
    doc.update((key, row[key]) for key in COLUMNS if row[key] is not None)
    doc.update(json.loads(row["doc"]))
    return doc


def _one(db: Connection, where: str, value: Any) -> dict[str, Any] | None:
    row = db.execute(f"SELECT * FROM users WHERE {where} ORDER BY seq LIMIT 1", (value,)).fetchone()
    return row and _document(row)


def get(db: Connection, uid: str) -> dict[str, Any] | None:
    """The stored user document, without its password hash or playlists (see `playlists`)."""
    return _one(db, "id = ?", uid)


def existing(db: Connection, uid: str) -> dict[str, Any]:
    """A user who must be there (the signed-in one, read again after a change, or one just made)."""
    doc = get(db, uid)
    if doc is None:
        raise LookupError(f"user {uid} is gone")
    return doc


def by_handle(db: Connection, handle: str) -> dict[str, Any] | None:
    return _one(db, "handle = ?", handle)


def by_email(db: Connection, email: str) -> dict[str, Any] | None:
    """The oldest account with this email (seeds may share one; new accounts cannot)."""
    return _one(db, "email = ?", email)


def find(db: Connection, ref: Any) -> dict[str, Any] | None:
    """By id first, then by handle, like `/api/user?id=`."""
    if not isinstance(ref, str):
        return None
    uid = object_id(ref)
    return (uid and get(db, uid)) or by_handle(db, ref)


def summaries(db: Connection, uids: list[str]) -> dict[str, dict[str, Any]]:
    """`id → {name, bio?}` for the given ids, for lists of people."""
    rows = rows_for(db, "SELECT id, name, doc FROM users WHERE id IN ({marks})", uids)
    return {row["id"]: {"name": row["name"], **_bio(json.loads(row["doc"]))} for row in rows}


def _bio(doc: dict[str, Any]) -> dict[str, Any]:
    return {"bio": doc["bio"]} if doc.get("bio") else {}


def insert(db: Connection, doc: dict[str, Any], pwd: str | None, now: float) -> str:
    """The user's id: its own `_id`, else a new one stamped `now`."""
    uid = object_id(doc.get("_id")) or new_id(now)
    rest = {k: v for k, v in doc.items() if k not in NOT_STORED and k not in COLUMNS}
    db.execute(
        "INSERT INTO users (id, name, handle, email, pwd, doc) VALUES (?, ?, ?, ?, ?, ?)",
        (uid, *(doc.get(key) for key in COLUMNS), pwd, json.dumps(rest)),
    )
    for entry in doc.get("pl") or []:
        if isinstance(entry, dict):
            db.execute(
                "INSERT INTO playlists (uid, pl_id, name) VALUES (?, ?, ?)",
                (uid, variant(entry.get("id")), entry.get("name")),
            )
    return uid


def update(db: Connection, uid: str, fields: dict[str, Any]) -> None:
    """Set each field (a None value removes it), in the columns or in the document."""
    for key in COLUMNS:
        if key in fields:
            db.execute(f"UPDATE users SET {key} = ? WHERE id = ?", (fields[key], uid))
    rest = {k: v for k, v in fields.items() if k not in COLUMNS}
    if rest:
        row = db.execute("SELECT doc FROM users WHERE id = ?", (uid,)).fetchone()
        doc = json.loads(row["doc"])
        doc.update(rest)
        doc = {k: v for k, v in doc.items() if v is not None}
        db.execute("UPDATE users SET doc = ? WHERE id = ?", (json.dumps(doc), uid))


def rename(db: Connection, uid: str, name: str, normalised: str) -> None:
    """The name is copied into posts and follows; they are renamed with the user."""
    update(db, uid, {"name": name, "n": normalised})
    db.execute("UPDATE posts SET unm = ? WHERE uid = ?", (name, uid))
    db.execute("UPDATE follows SET unm = ? WHERE uid = ?", (name, uid))
    db.execute("UPDATE follows SET tnm = ? WHERE tid = ?", (name, uid))


def password(db: Connection, uid: str) -> str | None:
    row = db.execute("SELECT pwd FROM users WHERE id = ?", (uid,)).fetchone()
    return row and row["pwd"]


def set_password(db: Connection, uid: str, pwd: str) -> None:
    db.execute("UPDATE users SET pwd = ? WHERE id = ?", (pwd, uid))


def delete(db: Connection, uid: str) -> None:
    """The account and everything it made (its posts, follows, likes and comments)."""
    db.execute("DELETE FROM loves WHERE uid = ?", (uid,))
    db.execute("DELETE FROM comments WHERE uid = ?", (uid,))
    db.execute("DELETE FROM users WHERE id = ?", (uid,))


def count_posts(db: Connection, uid: str) -> int:
    return db.execute("SELECT count(*) FROM posts WHERE uid = ?", (uid,)).fetchone()[0]


def count_likes(db: Connection, uid: str) -> int:
    return db.execute("SELECT count(*) FROM loves WHERE uid = ?", (uid,)).fetchone()[0]


def playlists(db: Connection, uid: str) -> list[dict[str, Any]]:
    """`user.pl`: `{id, name}` entries in storage (creation) order."""
    rows = db.execute("SELECT pl_id, name FROM playlists WHERE uid = ? ORDER BY seq", (uid,))
    return [{"id": row["pl_id"], **_named(row["name"])} for row in rows]


def _named(name: Any) -> dict[str, Any]:
    return {} if name is None else {"name": name}


def _id_forms(pl_id: Any) -> tuple[Variant | None, Variant | None]:
    """A playlist id as sent matches the stored int and a legacy string alike."""
    if isinstance(pl_id, bool) or not isinstance(pl_id, (int, float, str)):
        return (None, None)
    number = js_int(pl_id)
    forms = (number, str(number)) if number is not None and str(number) == str(pl_id) else (pl_id, pl_id)
    return variant(forms[0]), variant(forms[1])


def playlist(db: Connection, uid: str, pl_id: Any) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT pl_id, name, img FROM playlists WHERE uid = ? AND pl_id IN (?, ?) ORDER BY seq",
        (uid, *_id_forms(pl_id)),
    ).fetchone()
    return row and {"id": row["pl_id"], **_named(row["name"]), "img": row["img"]}


def add_playlist(db: Connection, uid: str, name: Any) -> dict[str, Any]:
    """A new playlist whose id is one more than the highest so far, starting at 0."""
    ids = [js_int(entry["id"]) for entry in playlists(db, uid)]
    pl_id = max((i for i in ids if i is not None), default=-1) + 1
    db.execute("INSERT INTO playlists (uid, pl_id, name) VALUES (?, ?, ?)", (uid, variant(pl_id), name))
    return {"id": pl_id, **_named(name)}


def rename_playlist(db: Connection, uid: str, pl_id: Any, name: Any) -> bool:
    forms = _id_forms(pl_id)
    found = db.execute(
        "UPDATE playlists SET name = ? WHERE uid = ? AND pl_id IN (?, ?)", (name, uid, *forms)
    ).rowcount
    db.execute("UPDATE posts SET pl_name = ? WHERE uid = ? AND pl_id IN (?, ?)", (name, uid, *forms))
    return found > 0


def delete_playlist(db: Connection, uid: str, pl_id: Any) -> bool:
    """Removes the playlist; its tracks stay on the profile without `pl`."""
    forms = _id_forms(pl_id)
    found = db.execute("DELETE FROM playlists WHERE uid = ? AND pl_id IN (?, ?)", (uid, *forms)).rowcount
    db.execute(
        "UPDATE posts SET pl_id = NULL, pl_name = NULL WHERE uid = ? AND pl_id IN (?, ?)",
        (uid, *forms),
    )
    return found > 0


def set_playlist_img(db: Connection, uid: str, pl_id: Any, img: str | None) -> None:
    db.execute(
        "UPDATE playlists SET img = ? WHERE uid = ? AND pl_id IN (?, ?)", (img, uid, *_id_forms(pl_id))
    )


def track_counts(db: Connection, uid: str) -> dict[str, int]:
    """Posts per playlist id, keyed by the id as a string: legacy string ids count int ones."""
    rows = db.execute(
        "SELECT pl_id, count(*) FROM posts WHERE uid = ? AND pl_id IS NOT NULL GROUP BY pl_id",
        (uid,),
    )
    counts: dict[str, int] = {}
    for pl_id, count in rows:
        counts[str(pl_id)] = counts.get(str(pl_id), 0) + count
    return counts
