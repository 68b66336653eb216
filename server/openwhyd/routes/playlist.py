"""`/api/playlist` (reference §3.7): read playlists by `<uid>_<n>`; create, rename, delete,
reorder and illustrate one's own (POST body only; errors are 200 `{error}`).
"""

from typing import Any

from starlette.responses import Response

from server.openwhyd import notifications
from server.openwhyd.ids import object_id
from server.openwhyd.params import js_int, mistyped_field, string_list, text, truthy
from server.openwhyd.responses import JSON, bad_request, json_response, text_response
from server.openwhyd.store import posts, users
from server.openwhyd.web import Call


def api(call: Call) -> Response:
    if call.method == "GET":
        return _get(call)
    action = call.body.get("action")
    handler = ACTIONS.get(action) if isinstance(action, str) else None
    if handler is None or call.user is None:
        return bad_request()
    return handler(call, call.body)


def _get(call: Call) -> Response:
    """Playlists by global id `<uid>_<n>`; `plId` is a string, unknown names are left out."""
    ids = string_list(call.params.get("id"))
    if not ids:
        return bad_request()
    return json_response([_describe(call, global_id) for global_id in ids])


def _describe(call: Call, global_id: str) -> dict[str, Any]:
    uid, _, number = global_id.partition("_")
    oid = object_id(uid)
    owner = users.get(call.db, oid) if oid else None
    item: dict[str, Any] = {"id": global_id}
    entry = owner and users.playlist(call.db, owner["_id"], number)
    if entry and entry.get("name") is not None:
        item["name"] = entry["name"]
    item["uId"] = uid
    if owner and owner.get("name") is not None:
        item["uNm"] = owner["name"]
    item["plId"] = number
    counts = users.track_counts(call.db, owner["_id"]) if owner else {}
    item["nbTracks"] = counts.get(str(js_int(number)), 0)
    return item


def _entry(call: Call, pl_id: Any) -> dict[str, Any] | None:
    entry = users.playlist(call.db, call.my_id, pl_id)
    return entry and {key: entry[key] for key in ("id", "name") if key in entry}


def create(call: Call, body: dict[str, Any]) -> Response:
    with call.service.store.write() as db:
        return json_response(users.add_playlist(db, call.my_id, text(body.get("name"))))


def rename(call: Call, body: dict[str, Any]) -> Response:
    """The playlist and its posts' `pl.name`; an unknown id answers `true`, as the real one does."""
    with call.service.store.write() as db:
        if not users.rename_playlist(db, call.my_id, body.get("id"), text(body.get("name"))):
            return json_response(True)
    return json_response(_entry(call, body.get("id")))


def delete(call: Call, body: dict[str, Any]) -> Response:
    """Answers with the id exactly as sent: a form's `"0"` comes back as the body `0`."""
    pl_id = body.get("id")
    with call.service.store.write() as db:
        entry = users.playlist(db, call.my_id, pl_id)
        if entry is None:
            return json_response({"error": "playlist not found"})
        users.delete_playlist(db, call.my_id, pl_id)
    image = call.service.files.existing("uPlaylistImg", entry["img"])
    if image:
        image.unlink()
    return text_response(pl_id, media_type=JSON) if isinstance(pl_id, str) else json_response(pl_id)


def set_order(call: Call, body: dict[str, Any]) -> Response:
    """Each listed post gets its 0-based index as `order`; `id` must be truthy (send "0")."""
    order = body.get("order")
    if not truthy(body.get("id")) or not isinstance(order, list):
        return json_response({"error": "missing parameters"})
    with call.service.store.write() as db:
        posts.set_order(db, call.my_id, [object_id(pid) or "" for pid in order])
    return json_response({"ok": 1})


def update(call: Call, body: dict[str, Any]) -> Response:
    """Illustrate a playlist with an uploaded image (`img` is the path `/upload` returned)."""
    pl_id, img = body.get("id"), body.get("img")
    if not isinstance(img, str):
        return json_response({"error": "invalid img parameter"})
    if not isinstance(pl_id, str):
        return json_response({"error": "invalid id parameter"})
    entry = _entry(call, pl_id)
    if entry is None:
        return json_response({"error": "playlist not found"})
    files = call.service.files
    upload = files.existing("upload_data", img.rsplit("/", 1)[-1])
    name = f"{call.uid}_{entry['id']}{upload.suffix}" if upload else ""
    if upload is None or not files.safe(name):
        return json_response({"error": "invalid img parameter"})
    upload.replace(files.path("uPlaylistImg", name))
    with call.service.store.write() as db:
        users.set_playlist_img(db, call.my_id, pl_id, name)
    return json_response({**entry, "img": f"/uPlaylistImg/{name}"})


def send_to_users(call: Call, body: dict[str, Any]) -> Response:
    """Sending a playlist `<uid>_<n>`: the inserted notification, or the first mistyped field
    (answered 200, as on the real server, which checks no more than that)."""
    fields = {**body, "uId": call.my_id, "uNm": call.me.get("name")}
    error = mistyped_field(fields, {"uId": "string", "uNm": "string", "plId": "string", "uidList": "array"})
    if error:
        return json_response(error)
    with call.service.store.write() as db:
        sent = notifications.sent_playlist(
            db, (call.my_id, fields["uNm"]), body["plId"], body["uidList"], call.now
        )
    return json_response(sent)


ACTIONS = {
    "create": create,
    "rename": rename,
    "delete": delete,
    "setOrder": set_order,
    "update": update,
    "sendToUsers": send_to_users,
}
