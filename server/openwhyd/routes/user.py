"""`/api/user` (reference §3.1): read a profile, change one's own, list subscriptions, delete.

Unlike the real server, a GET never changes anything: update fields count only in a POST body.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from server.openwhyd import credentials, follow_lists, names, views
from server.openwhyd.params import callback_name, text, truthy
from server.openwhyd.responses import JSON, json_response, jsonp_response
from server.openwhyd.store import follows, sessions, users
from server.openwhyd.web import Call

LINKS = ("home", "fb", "tw", "sc", "yt", "igrm")
DELETED = "Your account and all your data have been deleted."
DELETION_ASKED = "We received your request; your account will be deleted shortly."


def api(call: Call) -> Response:
    """JSON, or `callback(<json>);` served as JSON (the real server's JSONP here, §1.5)."""
    params = call.body if call.method == "POST" else call.params
    result = _answer(call, params)
    callback = callback_name(call.query.get("callback"))
    if callback:
        return jsonp_response(callback, result, media_type=JSON, end=";")
    return json_response(result)


def _answer(call: Call, params: dict[str, Any]) -> Any:
    action = params.get("action")
    if action in ("subscriptions", "subscribers"):
        return _people(call, params.get("id"), action)
    if action == "askAccountDeletion":
        return {"ok": 1, "message": DELETION_ASKED} if call.uid else {"error": "user not logged in"}
    if action == "delete":
        return _delete(call)
    if "id" in params:
        return _profile(call, params)
    if call.user is None:
        return {"error": "user not logged in"}
    if call.method == "POST":
        return _update(call, params)
    result = views.own_profile(call.db, call.user)
    if truthy(params.get("includeSubscr")):
        result.update(views.subscription_counts(call.db, call.my_id))
    return result


def _people(call: Call, ref: Any, action: str) -> Any:
    """§3.3: all of them, by the id exactly as sent (a handle or an unknown id lists nobody)."""
    if not truthy(ref):
        return {"error": "user not found"}
    uid = text(ref)
    if uid is None:
        return []
    if action == "subscriptions":
        people = [(row["tid"], row["tnm"]) for row in follows.following(call.db, uid)]
    else:
        people = [(row["uid"], row["unm"]) for row in follows.followers(call.db, uid)]
    followed = follows.followed_by(call.db, call.uid) if call.uid else set()
    return follow_lists.listed(call.db, people, followed)


def _delete(call: Call) -> dict[str, Any]:
    if call.uid is None:
        return {"error": "user not logged in"}
    if call.method != "POST":
        return {"error": "please send this action with POST"}
    with call.service.store.write() as db:
        users.delete(db, call.uid)
        if call.session_id:
            sessions.destroy(db, call.session_id)
    return {"ok": 1, "message": DELETED}


def _profile(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    user = users.find(call.db, params["id"])
    if user is None:
        return {"error": "user not found"}
    uid = user["_id"]
    result = views.public_profile(call.db, user)
    if truthy(params.get("includeSubscr")):
        result.update(views.subscription_counts(call.db, uid))
    if truthy(params.get("isSubscr")) and call.uid:
        result["isSubscribing"] = follows.following_id(call.db, call.uid, uid) is not None
    if truthy(params.get("countPosts")):
        result["nbPosts"] = users.count_posts(call.db, uid)
    if truthy(params.get("countLikes")):
        result["nbLikes"] = users.count_likes(call.db, uid)
    return result


Setter = Callable[[Call, Any, dict[str, Any]], dict[str, Any] | None]


def _set_name(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    name = (text(value) or "").strip()
    if not name:
        return {"error": "Please enter your name"}
    users.rename(call.db, call.my_id, name, names.normalise(name))
    return None


def _image(call: Call, value: Any, kind: str) -> str | None:
    """`/<kind>/<file>` for a file just uploaded (moved into `kind`) or already there."""
    path = text(value)
    name = path.rsplit("/", 1)[-1] if path else None
    upload = call.service.files.existing("upload_data", name)
    if upload:
        return f"/{kind}/{call.service.files.move(upload, kind)}"
    return f"/{kind}/{name}" if call.service.files.existing(kind, name) else None


def _set_img(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    img = "/images/blank_user.gif" if value == "/images/blank_user.gif" else _image(call, value, "uAvatarImg")
    if img is None:
        return {"error": "invalid img parameter"}
    users.update(call.db, call.my_id, {"img": img})
    return None


def _set_cover(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    if isinstance(value, str) and "blank" in value:
        users.update(call.db, call.my_id, {"cvrImg": None})
        return None
    img = _image(call, value, "uCoverImg")
    if img is None:
        return {"error": "invalid cvrImg parameter"}
    users.update(call.db, call.my_id, {"cvrImg": img})
    return None


@dataclass(frozen=True)
class Hashed:
    """A new password, checked and hashed before `_update` opens its transaction: scrypt takes
    tens of milliseconds, and every other writer waits for a transaction."""

    stored: str


def _hash_password(call: Call, value: Any, params: dict[str, Any]) -> Hashed | dict[str, Any]:
    old = text(params.get("oldPwd")) or ""
    if not credentials.check_password(credentials.md5(old), users.password(call.db, call.my_id)):
        return {"error": "Your current password is incorrect"}
    if not isinstance(value, str) or not 4 <= len(value) <= 32:
        return {"error": "Your password must be between 4 and 32 characters"}
    return Hashed(credentials.hash_password(credentials.md5(value)))


def _set_password(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    """`value` is what `_hash_password` made of the one sent."""
    if not isinstance(value, Hashed):
        return value
    users.set_password(call.db, call.my_id, value.stored)
    return None


def _set_handle(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    handle = text(value) or ""
    error = names.handle_error(handle)
    owner = users.by_handle(call.db, handle)
    if error is None and owner and owner["_id"] != call.uid:
        error = "This username is already taken"
    if error:
        return {"error": error}
    users.update(call.db, call.my_id, {"handle": handle})
    user = views.own_profile(call.db, users.existing(call.db, call.my_id))
    return {"ok": 1, "user": user, "username": handle, "handle": handle}


def _set_email(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    email = (text(value) or "").strip().lower()
    if not names.valid_email(email):
        return {"error": "This email address is invalid"}
    owner = users.by_email(call.db, email)
    if owner and owner["_id"] != call.uid:
        return {"error": "This email already belongs to another user"}
    users.update(call.db, call.my_id, {"email": email})
    return None


def _set_text(field: str) -> Setter:
    def setter(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
        if not isinstance(value, str):
            return {"error": f"invalid {field} parameter"}
        users.update(call.db, call.my_id, {field: value})
        return None

    return setter


def _set_link(site: str) -> Setter:
    """`lnk_<site>` is stored as `lnk.<site>`; an empty value removes the link."""

    def setter(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
        if not isinstance(value, str):
            return {"error": f"invalid lnk_{site} parameter"}
        links = {**(users.existing(call.db, call.my_id).get("lnk") or {}), site: value.strip() or None}
        users.update(call.db, call.my_id, {"lnk": {k: v for k, v in links.items() if v}})
        return None

    return setter


def _set_pref(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    """Only known preference keys with number or boolean values are kept."""
    if not isinstance(value, dict):
        return {"error": "invalid pref parameter"}
    known = {k: v for k, v in value.items() if k in views.PREF_DEFAULTS and isinstance(v, (int, float, bool))}
    current = users.existing(call.db, call.my_id).get("pref") or {}
    users.update(call.db, call.my_id, {"pref": {**current, **known}})
    return None


def _set_twitter(call: Call, value: Any, params: dict[str, Any]) -> dict[str, Any] | None:
    fields = {key: params.get(key) for key in ("twId", "twTok", "twSec")}
    users.update(call.db, call.my_id, {k: v for k, v in fields.items() if isinstance(v, str)})
    return None


SETTERS: dict[str, Setter] = {
    "name": _set_name,
    "img": _set_img,
    "cvrImg": _set_cover,
    "pwd": _set_password,
    "handle": _set_handle,
    "email": _set_email,
    "bio": _set_text("bio"),
    "loc": _set_text("loc"),
    **{f"lnk_{site}": _set_link(site) for site in LINKS},
    "pref": _set_pref,
    "twId": _set_twitter,
}


def _update(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """Run the setter of every field sent and merge their answers over the updated user."""
    answers = []
    if "pwd" in params:
        params = {**params, "pwd": _hash_password(call, params["pwd"], params)}
    with call.service.store.write():
        for field, setter in SETTERS.items():
            if field in params:
                answers.append(setter(call, params[field], params) or {})
    result: dict[str, Any] = {}
    if not answers or any("error" not in answer for answer in answers):
        result = views.own_profile(call.db, users.existing(call.db, call.my_id))
    for answer in answers:
        result.update(answer)
    return result
