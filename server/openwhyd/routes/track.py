"""One track: its page `/c/:id` or `/post/:id` (reference §3.5), the pages of external ids, and
the Bandcamp stream lookup (§3.12)."""

from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.responses import Response

from server.openwhyd import html, views
from server.openwhyd.ids import object_id
from server.openwhyd.pages import track as track_page
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
    shown = views.with_comments(call.db, [post], MAX_REPOSTS)[0]
    if as_json:
        return json_response({"data": shown})
    return html_response(track_page.page(call.root, call.origin, call.user, shown))


def external(prefix: str) -> Callable[[Call], Response]:
    """`/yt/<id>`, `/sc/…`: the page of any external track id (it has no JSON form)."""

    def controller(call: Call) -> Response:
        eid = f"/{prefix}/{call.path['rest']}"
        return html_response(track_page.external(call.root, call.origin, call.user, eid))

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
