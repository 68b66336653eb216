"""`POST /upload` (reference §3.10): images only, stored as thumbnails under `upload_data/`."""

import secrets
from typing import Any

from starlette.responses import Response

from server.openwhyd import html, images
from server.openwhyd.params import text
from server.openwhyd.responses import dumps, html_response, json_response, text_response
from server.openwhyd.web import MAX_FILE, Call, Upload

NOT_AN_IMAGE = "Only images are supported for upload, for now."
TOO_LARGE = "This image is too large (5 MB at most)."


def upload(call: Call) -> Response:
    """JSON (as text/plain) keyed by field: `{mime, path, thumbs}` or `{error}` for each file."""
    if call.user is None:
        return html_response(html.login(call.root))
    if call.body.get("action") == "delete":
        return _delete(call, call.body.get("id"))
    dims = images.dimensions(call.body.get("thumbDims"))
    result = {item.field: _store(call, item, dims) for item in call.uploads}
    return text_response(dumps(result))


def _store(call: Call, item: Upload, dims: list[tuple[str, int | None, int | None]]) -> dict:
    if len(item.data) > MAX_FILE:
        return {"error": TOO_LARGE}
    try:
        image = images.open_image(item.data)
    except images.NotAnImage:
        return {"error": NOT_AN_IMAGE}
    stem = secrets.token_hex(16)
    thumbs: dict[str, Any] = {}
    for spec, width, height in dims:
        name = f"{stem}_{spec}.{images.extension(image)}"
        call.service.files.path("upload_data", name).write_bytes(images.thumbnail(image, width, height))
        thumbs[spec] = f"upload_data/{name}"
    return {"mime": images.mime(image), "path": list(thumbs.values())[-1], "thumbs": thumbs}


def _delete(call: Call, file_id: Any) -> Response:
    """Removes an upload; the real server never answers here, this one says `{}`."""
    name = (text(file_id) or "").rsplit("/", 1)[-1]
    path = call.service.files.existing("upload_data", name)
    if path:
        path.unlink()
    return json_response({})
