"""Images and audio (reference §3.11): `/img/…` redirects with their fallbacks, the stored files,
the placeholders, and the demo tracks' audio.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.responses import FileResponse, Response

from server.openwhyd import images
from server.openwhyd.ids import object_id
from server.openwhyd.responses import empty, redirect
from server.openwhyd.store import posts, users
from server.openwhyd.store.posts import Page
from server.openwhyd.web import Call

STATIC_CACHE = {"Cache-Control": "public, max-age=3600"}
PLACEHOLDERS = {
    "blank_user.gif": ("image/gif", images.blank_user),
    "no_image.png": ("image/png", images.no_image),
    "cover-track.png": ("image/png", images.no_image),
}


def _file(path: Path) -> Response:
    return FileResponse(path, headers=STATIC_CACHE)


def _bytes(data: bytes, media_type: str, status: int = 200) -> Response:
    return Response(data, status, STATIC_CACHE, media_type=media_type)


def _blank_user() -> Response:
    return _bytes(images.blank_user(), "image/gif", 404)


def _to(call: Call, target: str) -> Response:
    """307 to an image URL: a rooted path stays inside the service; the query string is kept."""
    location = call.root + target if target.startswith("/") and not target.startswith("//") else target
    return redirect(location + (f"?{call.query_string}" if call.query_string else ""))


def placeholder(call: Call) -> Response:
    """`/images/blank_user.gif`, `/images/no_image.png` and the track-order page's
    `/images/cover-track.png`."""
    found = PLACEHOLDERS.get(call.path["name"])
    if found is None:
        return empty(404)
    media_type, make = found
    return _bytes(make(), media_type)


def _user(ref: Any, call: Call) -> dict[str, Any] | None:
    uid = object_id(ref)
    return users.get(call.db, uid) if uid else None


def _avatar(call: Call, ref: str) -> Response:
    """307 to the user's `img`, else the avatar file named `ref`, else the blank user (404)."""
    user = _user(ref, call)
    if user and isinstance(user.get("img"), str) and user["img"]:
        return _to(call, user["img"])
    path = call.service.files.existing("uAvatarImg", ref)
    return _file(path) if path else _blank_user()


def user_image(call: Call) -> Response:
    """`/img/u/:id` and `/img/user/:id`."""
    return _avatar(call, call.path["id"])


def avatar_file(call: Call) -> Response:
    """`/uAvatarImg/<uid|file>`: a user id redirects like `/img/u/:id`; a file is served."""
    return _avatar(call, call.path["name"])


def cover_file(call: Call) -> Response:
    """`/img/userCover/:file` and `/uCoverImg/:file`: the file, or a transparent pixel with 404."""
    path = call.service.files.existing("uCoverImg", call.path["name"])
    return _file(path) if path else _bytes(images.transparent_pixel(), "image/png", 404)


def post_image(call: Call) -> Response:
    """`/img/post/:pId`: 307 to the post's remote `img`, else the no-image placeholder with 404."""
    pid = object_id(call.path["id"])
    post = pid and posts.get(call.db, pid)
    img = post.get("img") if post else None
    if isinstance(img, str) and "//" in img:
        return _to(call, img)
    return _bytes(images.no_image(), "image/png", 404)


def playlist_image(call: Call) -> Response:
    """`/img/playlist/<uid>_<n>`: the uploaded image, else 307 to the first track image, else 404.

    `remoteOnly` skips the uploaded image, `localOnly` the track images.
    """
    uid, _, number = call.path["id"].partition("_")
    owner = _user(uid, call)
    entry = users.playlist(call.db, owner["_id"], number) if owner else None
    if owner is None or not entry:
        return empty(404)
    if "remoteOnly" not in call.query:
        path = call.service.files.existing("uPlaylistImg", entry["img"])
        if path:
            return _file(path)
    if "localOnly" not in call.query and isinstance(entry["id"], int):
        for post in posts.in_playlist(call.db, owner["_id"], entry["id"], Page(50)):
            if isinstance(post.get("img"), str) and post["img"]:
                return _to(call, post["img"])
    return empty(404)


def stored_file(kind: str) -> Callable[[Call], Response]:
    """`/uPlaylistImg/<file>`, `/upload_data/<file>`, `/audio/<file>`: the file, or an empty 404."""

    def controller(call: Call) -> Response:
        path = call.service.files.existing(kind, call.path["name"])
        return _file(path) if path else empty(404)

    return controller
