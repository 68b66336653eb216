"""What unmatched paths get (reference §1.1): the real server's 404s; and what a request that
failed unexpectedly gets: its error message, as JSON or on its error page."""

from typing import Any

from starlette.responses import Response

from server.openwhyd import html
from server.openwhyd.responses import empty, html_response, json_response, not_found_json
from server.openwhyd.web import Call

UNEXPECTED = "Unexpected error, please go back and try again later."
"""The message of the real server's error page (`renderErrorMessage`) when it has no other."""


def wants_json(format_param: Any, accept: str) -> bool:
    """`?format=json`, or a client that accepts JSON but not HTML."""
    return format_param == "json" or ("json" in accept and "html" not in accept)


def not_found_page(format_param: Any, accept: str) -> Response:
    """`{errorCode: 404, error}` when JSON is asked for, else the HTML 404 page."""
    return not_found_json() if wants_json(format_param, accept) else html_response(html.not_found(), 404)


def not_found(call: Call) -> Response:
    return not_found_page(call.params.get("format"), call.headers.get("accept", ""))


def unknown_api(call: Call) -> Response:
    """`/api/<name>` with no such controller: 404 with an empty body."""
    return empty(404)


def failure(path: str, format_param: Any, accept: str) -> Response:
    """A 500 in the shape of the route: `{error}` for the API and for JSON, else the error page."""
    if path.startswith("/api/") or wants_json(format_param, accept):
        return json_response({"error": UNEXPECTED}, 500)
    return html_response(html.message("Error", UNEXPECTED), 500)
