"""How stored documents are shown: user profiles, playlist entries, people lists and post extras."""

from typing import Any

from server.database import Connection
from server.openwhyd.store import comments, follows, posts, users

PREF_DEFAULTS = {
    "hideBkAd": False,
    "emLik": -1,
    "emAdd": 0,
    "emSub": 0,
    "emSam": 1,
    "emCom": 0,
    "emMen": 0,
    "emRep": 0,
    "emFrd": 0,
    "emAcc": 0,
    "pendEN": 0,
    "mnLik": -1,
    "mnAdd": -1,
    "mnSub": -1,
    "mnSam": -1,
    "mnCom": -1,
    "mnMen": -1,
    "mnRep": -1,
    "mnFrd": -1,
    "mnAcc": -1,
    "mnSnt": -1,
    "mnSnp": -1,
}
PRIVATE = ("email", "lastFm", "pref", "fbTok", "twTok", "twSec")


def playlist_url(uid: str, pl_id: Any) -> str:
    return f"/u/{uid}/playlist/{pl_id}"


def playlist_img(uid: str, pl_id: Any) -> str:
    return f"/img/playlist/{uid}_{pl_id}"


def playlists(db: Connection, uid: str, with_img: bool = False) -> list[dict[str, Any]]:
    """The user's playlists in storage order, each with its `url` and `nbTracks`."""
    counts = users.track_counts(db, uid)
    return [
        {
            **entry,
            "url": playlist_url(uid, entry["id"]),
            "nbTracks": counts.get(str(entry["id"]), 0),
            **({"img": playlist_img(uid, entry["id"])} if with_img else {}),
        }
        for entry in users.playlists(db, uid)
    ]


def _with_ids(doc: dict[str, Any]) -> dict[str, Any]:
    return {**doc, "id": doc["_id"], "mid": f"/u/{doc['_id']}"}


def subscription_counts(db: Connection, uid: str) -> dict[str, int]:
    return {
        "nbSubscriptions": follows.count_following(db, uid),
        "nbSubscribers": follows.count_followers(db, uid),
    }


def own_profile(db: Connection, doc: dict[str, Any]) -> dict[str, Any]:
    """`GET /api/user` for oneself: playlists newest first, `pref` filled with defaults."""
    pref = doc["pref"] if isinstance(doc.get("pref"), dict) else {}
    return _with_ids({**doc, "pl": playlists(db, doc["_id"])[::-1], "pref": {**PREF_DEFAULTS, **pref}})


def public_profile(db: Connection, doc: dict[str, Any]) -> dict[str, Any]:
    """Someone's profile as anyone may see it: no email, tokens or preferences."""
    shown = {k: v for k, v in doc.items() if k not in PRIVATE}
    return _with_ids({**shown, "pl": playlists(db, doc["_id"])[::-1]})


def account(db: Connection, doc: dict[str, Any]) -> dict[str, Any]:
    """The `user` of `includeUser`: the stored document with ids and counts (never a hash)."""
    uid = doc["_id"]
    return {
        **_with_ids(doc),
        "pl": users.playlists(db, uid),
        **subscription_counts(db, uid),
        "nbPosts": users.count_posts(db, uid),
        "nbLikes": users.count_likes(db, uid),
    }


def people(db: Connection, uids: list[str], viewer: str | None) -> list[dict[str, Any]]:
    """`[{id, name, bio?, subscribed}]` for lists of lovers, reposters and subscribers."""
    known = users.summaries(db, uids) if uids else {}
    followed = follows.followed_by(db, viewer) if viewer else set()
    return [{"id": uid, "subscribed": uid in followed, **known.get(uid, {})} for uid in uids]


def with_comments(db: Connection, docs: list[dict[str, Any]], repost_limit: int = -1) -> list[dict[str, Any]]:
    """Posts as feeds show them: each with its `comments` and `reposts`."""
    pids = [doc["_id"] for doc in docs]
    if not pids:
        return []
    notes = comments.of_posts(db, pids)
    reposts = posts.reposts_of(db, pids, repost_limit)
    return [{**doc, "comments": notes[doc["_id"]], "reposts": reposts[doc["_id"]]} for doc in docs]
