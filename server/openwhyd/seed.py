"""Loads a folder of the real server's collections into an empty database: `user.json` and, when
there, `post.json`, `follow.json` and `comment.json`, each a `mongoexport` dump or a JSON array
(`dumps`); playlists are inside the users (`pl`), as the real server keeps them.

Legacy documents may lack any optional field. A field the database cannot keep (a name that is
not text, a handle another user has) is left out; a document that cannot be loaded at all (no
valid `_id`, pointing at a user or post that is not loaded, refused by the database) is skipped.
Either way it is reported with its collection and id and why (`Problem`), and the rest load.
"""

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.database import Connection
from server.openwhyd import credentials
from server.openwhyd.dumps import Problem, SeedError, read_dump
from server.openwhyd.ids import id_time, object_id
from server.openwhyd.store import comments, follows, posts, users

__all__ = ["Problem", "Seed", "SeedError", "load", "read"]

log = logging.getLogger(__name__)
COLLECTIONS = ("user", "post", "follow", "comment")
REQUIRED = "user"
TEXT = {"user": ("name", "handle", "email"), "post": ("uNm", "text", "name", "eId", "img", "ctx")}
NUMBERS = {"post": ("nbP", "nbR", "order")}
"""Fields kept in typed columns: a legacy value of another type is left out, and reported."""


@dataclass
class Seed:
    documents: dict[str, list[dict[str, Any]]]
    problems: list[Problem] = field(default_factory=list)
    """What reading found: lines that are not documents."""


def read(folder: Path) -> Seed:
    """Every collection of the folder; only `user.json` is required."""
    seed = Seed({})
    for name in COLLECTIONS:
        path = folder / f"{name}.json"
        if name != REQUIRED and not path.exists():
            seed.documents[name] = []
            continue
        seed.documents[name], problems = read_dump(path, name)
        seed.problems += problems
    return seed


@functools.cache
def _stored_password(uid: str, md5_hex: str) -> str:
    """One scrypt per account and password per process, so resets in tests stay fast."""
    return credentials.hash_password(md5_hex)


def load(db: Connection, seed: Seed, now: float) -> list[Problem]:
    """Insert the documents into an empty database; the caller holds the write transaction.
    A follow without an `_id` gets one stamped `now`. Each problem is logged, and returned with
    those of reading."""
    loader = _Loader(db, now, list(seed.problems))
    documents = seed.documents
    for number, doc in enumerate(documents["user"], 1):
        loader.user(_ref(doc, number), doc)
    for number, doc in enumerate(documents["post"], 1):
        loader.post(_ref(doc, number), doc)
    for number, doc in enumerate(documents["follow"], 1):
        loader.follow(_ref(doc, number), doc)
    for number, doc in enumerate(documents["comment"], 1):
        loader.comment(_ref(doc, number), doc)
    for problem in loader.problems:
        log.warning("Openwhyd seed: %s", problem)
    return loader.problems


def _ref(doc: dict[str, Any], number: int) -> str:
    """The document's id for reports, else its place among its collection's documents."""
    return doc["_id"] if isinstance(doc.get("_id"), str) and doc["_id"] else f"document {number}"


@dataclass
class _Loader:
    db: Connection
    now: float
    problems: list[Problem]
    users: set[str] = field(default_factory=set)
    handles: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)
    comments: set[str] = field(default_factory=set)

    def user(self, ref: str, doc: dict[str, Any]) -> None:
        uid = self._new_id("user", ref, doc, self.users)
        if uid is None:
            return
        doc = self._typed("user", ref, doc)
        handle = doc.get("handle")
        if handle in self.handles:
            self._report("user", ref, f"its handle {handle!r} is another user's: loaded without it")
            doc = {key: value for key, value in doc.items() if key != "handle"}
        md5 = doc.get("pwd") if isinstance(doc.get("pwd"), str) else None
        if self._saved(
            "user", ref, lambda: users.insert(self.db, doc, md5 and _stored_password(uid, md5), self.now)
        ):
            self.users.add(uid)
            if isinstance(doc.get("handle"), str):
                self.handles.add(doc["handle"])

    def post(self, ref: str, doc: dict[str, Any]) -> None:
        pid = self._new_id("post", ref, doc, self.posts)
        if pid is None or not self._points_at("post", ref, "uId", doc.get("uId"), self.users, "user"):
            return
        doc = self._typed("post", ref, doc)
        if self._saved("post", ref, lambda: posts.insert(self.db, doc, self.now)):
            self.posts.add(pid)

    def follow(self, ref: str, doc: dict[str, Any]) -> None:
        if all(
            self._points_at("follow", ref, key, doc.get(key), self.users, "user") for key in ("uId", "tId")
        ):
            self._saved("follow", ref, lambda: follows.follow(self.db, doc, self.now))

    def comment(self, ref: str, doc: dict[str, Any]) -> None:
        cid = self._new_id("comment", ref, doc, self.comments)
        if cid is None or not self._points_at("comment", ref, "pId", doc.get("pId"), self.posts, "post"):
            return
        if not isinstance(doc.get("uId"), str):
            self._report("comment", ref, "not loaded: it has no uId")
            return
        kept = doc if isinstance(doc.get("text"), str) or "text" not in doc else {**doc, "text": None}
        if self._saved("comment", ref, lambda: comments.insert(self.db, kept, id_time(cid))):
            self.comments.add(cid)

    def _new_id(self, collection: str, ref: str, doc: dict[str, Any], seen: set[str]) -> str | None:
        """The document's id, unless it has no valid one or an earlier document had it."""
        oid = object_id(doc.get("_id"))
        if oid is None:
            self._report(collection, ref, "not loaded: it has no valid _id")
        elif oid in seen:
            self._report(collection, ref, "not loaded: an earlier document has the same _id")
            return None
        return oid

    def _points_at(
        self, collection: str, ref: str, key: str, value: Any, loaded: set[str], kind: str
    ) -> bool:
        if isinstance(value, str) and value in loaded:
            return True
        self._report(collection, ref, f"not loaded: its {key} {value!r} is no {kind} loaded")
        return False

    def _typed(self, collection: str, ref: str, doc: dict[str, Any]) -> dict[str, Any]:
        """`doc` without the typed fields whose values are of another type."""
        wrong = [key for key in TEXT.get(collection, ()) if key in doc and not isinstance(doc[key], str)]
        wrong += [
            key
            for key in NUMBERS.get(collection, ())
            if key in doc and (not isinstance(doc[key], int) or isinstance(doc[key], bool))
        ]
        for key in wrong:
            self._report(collection, ref, f"its {key} {doc[key]!r} is not of its type: loaded without it")
        return {key: value for key, value in doc.items() if key not in wrong}

    def _saved(self, collection: str, ref: str, insert: Callable[[], object]) -> bool:
        """Runs `insert` in a savepoint: a document the database refuses is reported, and the
        transaction goes on with the rest."""
        self.db.execute("SAVEPOINT seed_document")
        try:
            insert()
        except Exception as error:
            self.db.execute("ROLLBACK TO SAVEPOINT seed_document")
            self._report(collection, ref, f"not loaded: the database refused it ({type(error).__name__})")
            return False
        self.db.execute("RELEASE SAVEPOINT seed_document")
        return True

    def _report(self, collection: str, ref: str, reason: str) -> None:
        self.problems.append(Problem(collection, ref, reason))
