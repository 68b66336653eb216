"""Loads Openwhyd documents (reference §4 shapes) from a folder of `user.json`, `post.json`,
`follow.json` and, when present, `comment.json`.

Documents that point at a missing user or post are skipped, as the database keeps references
whole; Mongo export wrappers (`{"$oid": …}`, `{"$date": …}`) are unwrapped.
"""

import functools
import json
from pathlib import Path
from typing import Any

from server.database import Connection
from server.openwhyd import credentials
from server.openwhyd.ids import id_time, object_id
from server.openwhyd.store import comments, follows, posts, users

COLLECTIONS = ("user", "post", "follow", "comment")


class SeedError(ValueError):
    """The folder is not a seed: a file is missing, unreadable, or not a list of objects."""


def read(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Every collection of the folder; `comment.json` is optional, the others are required."""
    documents: dict[str, list[dict[str, Any]]] = {}
    for name in COLLECTIONS:
        path = folder / f"{name}.json"
        if name == "comment" and not path.exists():
            documents[name] = []
            continue
        try:
            value = _plain(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:
            raise SeedError(f"{path}: {error}") from error
        if not isinstance(value, list) or not all(isinstance(doc, dict) for doc in value):
            raise SeedError(f"{path}: expected a JSON array of documents")
        documents[name] = value
    return documents


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and ("$oid" in value or "$date" in value):
            return next(iter(value.values()))
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@functools.cache
def _stored_password(uid: str, md5_hex: str) -> str:
    """One scrypt per account and password per process, so resets in tests stay fast."""
    return credentials.hash_password(md5_hex)


def load(db: Connection, documents: dict[str, list[dict[str, Any]]], now: float) -> None:
    """Insert the documents into an empty database; the caller holds the write transaction.
    A follow without an `_id` gets one stamped `now`."""
    user_ids: set[str] = set()
    handles: set[Any] = set()
    for doc in documents["user"]:
        uid = object_id(doc.get("_id"))
        if uid is None or uid in user_ids:
            continue
        if doc.get("handle") in handles:
            doc = {key: value for key, value in doc.items() if key != "handle"}
        handles.add(doc.get("handle"))
        md5 = doc.get("pwd") if isinstance(doc.get("pwd"), str) else None
        users.insert(db, doc, md5 and _stored_password(uid, md5), now)
        user_ids.add(uid)
    post_ids: set[str] = set()
    for doc in documents["post"]:
        pid = object_id(doc.get("_id"))
        if pid and pid not in post_ids and doc.get("uId") in user_ids:
            posts.insert(db, doc, now)
            post_ids.add(pid)
    for doc in documents["follow"]:
        if doc.get("uId") in user_ids and doc.get("tId") in user_ids:
            follows.follow(db, doc, now)
    comment_ids: set[str] = set()
    for doc in documents["comment"]:
        cid = object_id(doc.get("_id"))
        if cid and cid not in comment_ids and doc.get("pId") in post_ids and isinstance(doc.get("uId"), str):
            comments.insert(db, doc, id_time(cid))
            comment_ids.add(cid)
