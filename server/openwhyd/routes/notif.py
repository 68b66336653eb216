"""`/api/notif` (openwhyd-social.md §1.3, §1.4): one's notifications, and clearing them.

Logged out, both methods answer 200 with an empty JSON body, as the real server does. Where the
real one never answers (`action=test`, an unknown or missing action), this one says `{"ok":true}`
for `test`, which does nothing there, and `{"error": …}` for the others.
"""

import re
from typing import Any

from starlette.responses import Response

from server.database import Connection
from server.openwhyd import notifications
from server.openwhyd.responses import json_response
from server.openwhyd.store import notifs
from server.openwhyd.web import Call

EMBEDDED_ID = re.compile(r"[0-9a-f]{24}")
OK = {"ok": True}


def api(call: Call) -> Response:
    if call.user is None:
        return Response(b"", media_type="application/json")
    if call.method == "GET":
        return json_response(
            [notifications.shown(call.db, doc, call.my_id) for doc in notifs.of_user(call.db, call.my_id)]
        )
    action = call.body.get("action")
    if action == "delete":
        pid = call.body.get("pId")
        if isinstance(pid, str) and pid:
            with call.service.store.write() as db:
                _clear_one(db, call.my_id, pid)
        return json_response(OK)
    if action == "deleteAll":
        with call.service.store.write() as db:
            _clear_all(db, call.my_id)
        return json_response(OK)
    if action == "test":
        return json_response(OK)
    return json_response({"error": "unknown action"})


def _without(doc: dict[str, Any], uid: str) -> dict[str, Any]:
    return {**doc, "uId": [recipient for recipient in doc["uId"] if recipient != uid]}


def _clear_one(db: Connection, uid: str, pid: str) -> None:
    """`pId` names the document itself, or holds its ObjectId (`"<postId>/loves"` is found as such)."""
    embedded = EMBEDDED_ID.search(pid)
    for nid in dict.fromkeys([pid, *([embedded.group()] if embedded else [])]):
        doc = notifs.get(db, nid)
        if doc is not None:
            notifs.save(db, _without(doc, uid))
            return


def _clear_all(db: Connection, uid: str) -> None:
    """Deletes the first thousand that are `uid`'s alone, then takes `uid` off every other one."""
    for doc in notifs.of_user(db, uid, notifs.MAX_CLEARED):
        if len(doc["uId"]) == 1:
            notifs.delete(db, doc["_id"])
    for doc in notifs.of_user(db, uid):
        notifs.save(db, _without(doc, uid))
