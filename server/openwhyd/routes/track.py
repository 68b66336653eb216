"""One track: its page `/c/:id` or `/post/:id` (reference §3.5), the pages of external ids, and
the Bandcamp stream lookup (§3.12)."""

from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.responses import Response

from server.openwhyd import html, views
from server.openwhyd.eids import track_url
from server.openwhyd.ids import object_id
from server.openwhyd.params import text
from server.openwhyd.responses import (
    bad_request,
    html_response,
    json_response,
    library_error_json,
)
from server.openwhyd.store import posts
from server.openwhyd.web import Call

MAX_REPOSTS = 12


def page(call: Call) -> Response:
    """`{data: post + comments + reposts}` under `format=json`, else an HTML page (noindex)."""
    pid = object_id(call.params.get("id"))
    post = pid and posts.get(call.db, pid)
    as_json = call.params.get("format") == "json"
    if not post:
        if as_json:
            return library_error_json("POST_NOT_FOUND")
        return html_response(html.not_found(), 404)
    if as_json:
        return json_response({"data": views.with_comments(call.db, [post], MAX_REPOSTS)[0]})
    return html_response(html.post(call.root, post))


def external(prefix: str) -> Callable[[Call], Response]:
    """`/yt/<id>`, `/sc/…`: an HTML page for any external track id (it has no JSON form)."""

    def controller(call: Call) -> Response:
        eid = f"/{prefix}/{call.path['rest']}"
        return html_response(html.message("Track", track_url(eid) or eid))

    return controller


def bandcamp_stream(call: Call) -> Response:
    """`/api/bandcampExtractor`: same-site callers only (else 400). The real server scrapes
    Bandcamp for a stream URL; this one works offline, so it says it cannot."""
    referer = urlsplit(call.headers.get("referer", ""))
    if not referer.netloc or referer.netloc != call.headers.get("host"):
        return bad_request()
    eid = text(call.params.get("eId")) or ""
    if not eid.startswith("/bc/"):
        return json_response({"error": "invalid eId"})
    return json_response({"error": "Bandcamp streams cannot be looked up from this server"})
