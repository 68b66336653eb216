"""What unmatched paths get (reference §1.1): the real server's 404s."""

from starlette.responses import Response

from server.openwhyd import html
from server.openwhyd.responses import empty, html_response, not_found_json
from server.openwhyd.web import Call


def _wants_json(call: Call) -> bool:
    accept = call.headers.get("accept", "")
    return call.params.get("format") == "json" or ("json" in accept and "html" not in accept)


def not_found(call: Call) -> Response:
    """`{errorCode: 404, error}` when JSON is asked for, else the HTML 404 page."""
    return not_found_json() if _wants_json(call) else html_response(html.not_found(), 404)


def unknown_api(call: Call) -> Response:
    """`/api/<name>` with no such controller: 404 with an empty body."""
    return empty(404)
