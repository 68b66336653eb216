"""`/api/follow` (reference §3.8): follow, unfollow, and lists of followers and followings.

Only the query and the path count; the body is ignored even on POST.
"""

from typing import Any

from starlette.responses import Response

from server.openwhyd import html, notifications
from server.openwhyd.ids import object_id
from server.openwhyd.params import count, safe_path, truthy
from server.openwhyd.responses import html_response, json_response
from server.openwhyd.store import follows, users
from server.openwhyd.web import Call

DEFAULT_LIMIT, MAX_LIMIT = 50, 1000


def api(call: Call) -> Response:
    params = call.params
    action = params.get("action")
    if action in ("fetchFollowers", "fetchFollowing"):
        return json_response(_list(call, params, action))
    if action not in ("insert", "delete", "get"):
        return json_response({"error": "bad request"})
    if call.user is None:
        return json_response({"error": {"error": "please login first"}})
    result = _change(call, action, params.get("tId", params.get("id")))
    target = safe_path(params.get("redirect"))
    if target:
        return html_response(html.script_redirect(call.root + target, 0))
    return json_response(result)


def _change(call: Call, action: str, tid_param: Any) -> dict[str, Any]:
    tid = object_id(tid_param)
    if tid is None:
        return {}
    if action == "get":
        fid = follows.following_id(call.db, call.my_id, tid)
        return {"_id": fid} if fid else {}
    with call.service.store.write() as db:
        if action == "delete":
            follows.unfollow(db, call.my_id, tid)
            return {}
        target = users.get(db, tid)
        if target is None:
            return {"error": "user not found"}
        doc = {"uId": call.my_id, "uNm": call.me.get("name"), "tId": tid, "tNm": target.get("name")}
        fid = follows.follow(db, doc, call.now)
        notifications.subscribed(db, call.me, tid, call.now)
    return {"_id": fid}


def _list(call: Call, params: dict[str, Any], action: str) -> list[dict[str, Any]]:
    """Newest first, paged by `skip` (bad values: 0) and `limit` (bad or ≤ 0: 50, at most 1000)."""
    uid = object_id(params.get("id"))
    if uid is None:
        return []
    skip = count(params.get("skip"), 0)
    limit = min(count(params.get("limit"), DEFAULT_LIMIT), MAX_LIMIT)
    if action == "fetchFollowers":
        items = [
            {"uId": row["uid"], "uNm": row["unm"]} for row in follows.followers(call.db, uid, skip, limit)
        ]
        key = "uId"
    else:
        items = [
            {"tId": row["tid"], "tNm": row["tnm"]} for row in follows.following(call.db, uid, skip, limit)
        ]
        key = "tId"
    if call.uid and truthy(params.get("isSubscr")):
        mine = follows.followed_by(call.db, call.uid)
        for item in items:
            if item[key] in mine:
                item["isSubscribing"] = True
    return items
