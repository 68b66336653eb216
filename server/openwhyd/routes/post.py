"""`/api/post` (reference §3.2): every action on tracks, by GET or POST, answering 400 on error.

Parameters are path + query with the body on top; the session's user always overrides any
`uId`/`uNm` the client sends.
"""

from collections.abc import Callable
from typing import Any

from starlette.responses import Response

from server.database import Connection
from server.openwhyd import notifications, views
from server.openwhyd.ids import object_id
from server.openwhyd.params import js_int, json_object, mistyped_field, text, truthy
from server.openwhyd.responses import bad_request, json_response
from server.openwhyd.routes import lastfm
from server.openwhyd.store import activity, comments, posts, users
from server.openwhyd.web import Call

COMMENT_INTERVAL = 2.0
TOO_QUICK = "You're commenting too quickly! Please try again in a few seconds."


def _params(call: Call) -> dict[str, Any]:
    """Path and query, then the body on top."""
    return {**call.params, **call.body}


def quick(call: Call) -> bool:
    """Whether the action only reads and writes a few rows: a scrobble waits for Last.fm."""
    return _params(call).get("action") != "scrobble"


def api(call: Call) -> Response:
    params = _params(call)
    params.pop("uId", None)
    params.pop("uNm", None)
    if call.user:
        params.update(uId=call.uid, uNm=call.user.get("name"))
    action = params.get("action")
    handler = ACTIONS.get(action) if isinstance(action, str) else None
    if handler is None or (call.user is None and action not in CHECK_THEIR_OWN_LOGIN):
        return bad_request()
    result = handler(call, params)
    failed = isinstance(result, dict) and "error" in result
    return json_response(result, 400 if failed else 200)


def _playlist(db: Connection, uid: str, value: Any) -> dict[str, Any] | None:
    """`pl` as sent: `{id:"create", name}` makes a playlist; an id ≥ 0 is trusted as is."""
    pl = json_object(value)
    if pl is None:
        return None
    name = text(pl.get("name"))
    if pl.get("id") == "create":
        return users.add_playlist(db, uid, name)
    number = js_int(pl.get("id"))
    if number is None or number < 0:
        return None
    return {"id": number} | ({} if name is None else {"name": name})


def _source(value: Any) -> dict[str, Any] | None:
    src = json_object(value)
    if not src or not src.get("id"):
        return None
    return {key: src[key] for key in ("id", "name") if key in src}


def _optional(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def _track_fields(p: dict[str, Any], db: Connection) -> dict[str, Any]:
    """The fields a new post or an edit takes from the request."""
    img = text(p.get("img"))
    return {
        "uId": p["uId"],
        "uNm": p["uNm"],
        "text": text(p.get("text")) or "",
        **_optional(
            name=text(p.get("name")),
            eId=text(p.get("eId")),
            ctx=text(p.get("ctx")) or None,
            img=None if img == "null" else img or None,
            src=_source(p.get("src")),
            pl=_playlist(db, p["uId"], p.get("pl")),
        ),
    }


def insert(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    """A repost when `pId` is sent (even beside `_id`), else an edit when `_id` is, else a new post."""
    if not (object_id(p.get("_id")) or object_id(p.get("pId")) or text(p.get("eId"))):
        return {"error": "invalid parameter: eId or pId"}
    if truthy(p.get("pId")):
        return _repost(call, p)
    if truthy(p.get("_id")):
        return _edit(call, p)
    with call.service.store.write() as db:
        doc = _track_fields(p, db)
        pid = posts.insert(db, doc, call.now)
        notifications.mentioned(db, {"_id": pid, **doc}, call.me, doc["text"], call.now)
    return {"_id": pid, **doc, "isNew": True}


EDITED = ("name", "eId", "pl")
"""What an edit always sets (or, for `pl`, removes when none is sent) besides the author and
`text`: `ctx`, `img` and `src` change only when sent; likes, plays, reposts and order stay."""


def _edit(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    """§7. Answers the post read back plus `isNew: false`; the text's mentions are told again, as
    on the real server. An `_id` that names no post gets an error where the real server never
    answers (its edit throws on the missing post)."""
    pid = object_id(p["_id"])
    with call.service.store.write() as db:
        post = posts.get(db, pid) if pid else None
        if pid is None or post is None:
            return {"error": "post not found"}
        if post["uId"] != call.uid:
            return {"error": "updating another user's post is not allowed"}
        kept = {k: v for k, v in post.items() if k != "lov" and k not in EDITED}
        changed = {**kept, **_track_fields(p, db)}
        posts.replace(db, pid, changed)
        notifications.mentioned(db, {"_id": pid, **changed}, call.me, changed["text"], call.now)
        edited = posts.get(db, pid) or {}
    if not edited.get("lov"):
        edited.pop("lov", None)
    return {**edited, "isNew": False}


def _repost(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    pid = object_id(p["pId"])
    with call.service.store.write() as db:
        source = posts.get(db, pid) if pid else None
        if pid is None or source is None:
            return {"error": "post not found"}
        doc = {
            "uId": p["uId"],
            "uNm": p["uNm"],
            "text": text(p.get("text")) or "",
            **_optional(
                name=source.get("name"),
                eId=source.get("eId"),
                img=source.get("img"),
                ctx=text(p.get("ctx")),
                pl=_playlist(db, p["uId"], p.get("pl")),
            ),
            "repost": {"pId": pid, "uId": source["uId"], "uNm": source.get("uNm")},
            "lov": [],
            "nbR": 0,
            "nbP": 0,
        }
        new_pid = posts.insert(db, doc, call.now)
        if source["uId"] != call.uid:
            posts.add_reposts(db, pid, 1)
        notifications.reposted(db, source, call.my_id, call.now)
        notifications.mentioned(db, {"_id": new_pid, **doc}, call.me, doc["text"], call.now)
    return {"_id": new_pid, **doc}


def delete(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    pid = object_id(p.get("_id"))
    if pid is None:
        return {"error": "invalid parameter: _id"}
    with call.service.store.write() as db:
        post = posts.get(db, pid)
        if not post or post["uId"] != call.uid:
            return {"error": {}}
        posts.delete(db, pid)
    return {}


def toggle_love(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    """A like tells the author (not oneself) and is logged as activity (even one's own)."""
    pid = object_id(p.get("pId"))
    if pid is None:
        return {"error": "invalid parameter: pId"}
    with call.service.store.write() as db:
        before = posts.get(db, pid)
        if before is None:
            return {"loved": False, "lovers": 0}
        loved = posts.toggle_love(db, pid, call.my_id)
        if loved:
            notifications.loved(db, before, call.my_id, call.now)
            activity.liked(db, call.me, before, call.now)
        else:
            notifications.unloved(db, before, call.my_id)
            activity.unliked(db, call.my_id, pid)
        lovers = len(posts.lovers_of(db, [pid]).get(pid, []))
    return {"loved": True, "lovers": lovers, "post": before} if loved else {"loved": False, "lovers": lovers}


def _people(who: Callable[[Connection, str], list[str]]) -> Callable:
    """`lovers` and `reposts`: the people behind a post, seen by the logged-in user."""

    def action(call: Call, p: dict[str, Any]) -> Any:
        if call.user is None:
            return {"error": "invalid parameter: uId"}
        pid = object_id(p.get("pId"))
        if pid is None:
            return {"error": "invalid parameter: pId"}
        return views.people(call.db, who(call.db, pid), call.uid)

    return action


def _lovers(db: Connection, pid: str) -> list[str]:
    return posts.lovers_of(db, [pid]).get(pid, [])


def incr_play_counter(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    """A play adds one to `nbP`; a failed play (`logData.err`) does not, and gets the post."""
    if call.user is None:
        return {"error": "not logged in"}
    pid = object_id(p.get("pId"))
    if pid is None:
        return {"error": "invalid pId"}
    log = json_object(p.get("logData")) or {}
    if truthy(log.get("err")):
        return {"result": posts.get(call.db, pid)}
    with call.service.store.write() as db:
        posts.add_play(db, pid)
    return {"result": {}}


def scrobble(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    """Passed on to Last.fm (`routes/lastfm.py`); 400 with its answer when that has an `error`."""
    if call.user is None:
        return {"error": "not logged in"}
    if not p.get("pId"):
        return {"error": "invalid parameter: pId"}
    pid = object_id(p.get("pId"))
    post = posts.get(call.db, pid) if pid else None
    if post is None:
        return {"error": "missing track"}
    return lastfm.scrobble(call, post, p.get("timestamp"))


def add_comment(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    comment = (text(p.get("text")) or "").strip()
    if not comment:
        return {"error": "missing field: text"}
    pid = object_id(p.get("pId"))
    with call.service.store.write() as db:
        post = posts.get(db, pid) if pid else None
        if post is None:
            return {"error": "post not found"}
        last = comments.last_time(db, call.my_id, post["_id"])
        if last is not None and call.now - last < COMMENT_INTERVAL:
            return {"error": TOO_QUICK}
        doc = {"pId": post["_id"], "uId": call.my_id, "uNm": p["uNm"], "text": comment}
        inserted = comments.insert(db, doc, call.now)
        notifications.commented(db, post, call.me, comment, call.now)
        return inserted


def delete_comment(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    """The comment's author or the post's author may delete a comment."""
    cid = object_id(p.get("_id"))
    with call.service.store.write() as db:
        comment = comments.get(db, cid) if cid else None
        if cid is None or comment is None:
            return {"error": "comment not found"}
        post = posts.get(db, comment["pId"])
        if post is None:
            return {"error": "post not found"}
        if call.uid not in (comment["uId"], post["uId"]):
            return {"error": "you are not allowed to delete this comment"}
        return {"acknowledged": True, "deletedCount": comments.delete(db, cid)}


def send_to_users(call: Call, p: dict[str, Any]) -> dict[str, Any]:
    """Sending a track: the inserted notification, or the first mistyped field (§1.5). As on the
    real server, nothing checks that the post or the recipients exist."""
    error = mistyped_field(p, {"uId": "string", "uNm": "string", "pId": "string", "uidList": "array"})
    if error:
        return error
    with call.service.store.write() as db:
        return notifications.sent_track(db, (p["uId"], p["uNm"]), p["pId"], p["uidList"], call.now)


ACTIONS: dict[str, Callable[[Call, dict[str, Any]], Any]] = {
    "insert": insert,
    "delete": delete,
    "toggleLovePost": toggle_love,
    "lovers": _people(_lovers),
    "reposts": _people(posts.reposters),
    "incrPlayCounter": incr_play_counter,
    "scrobble": scrobble,
    "addComment": add_comment,
    "deleteComment": delete_comment,
    "sendToUsers": send_to_users,
}
CHECK_THEIR_OWN_LOGIN = {"lovers", "reposts", "incrPlayCounter", "scrobble"}
