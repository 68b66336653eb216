"""The response shapes of the real server (reference §1.4 and 1.5): JSON, JSONP and its error forms."""

import json
from typing import Any

from starlette.responses import Response

from server.openwhyd.location import encode_url

JSON = "application/json; charset=utf-8"
JAVASCRIPT = "application/javascript; charset=utf-8"
HTML = "text/html; charset=utf-8"
PLAIN = "text/plain; charset=utf-8"

LIBRARY_ERRORS = {
    "REQ_LOGIN": (401, "Please login first"),
    "USER_NOT_FOUND": (404, "User not found..."),
    "POST_NOT_FOUND": (404, "Sorry, we can't find this track... maybe was it deleted?"),
}
NOT_FOUND_MESSAGE = "404 / not found. There is nothing at this address... maybe it was moved?"


def dumps(data: Any) -> str:
    """`JSON.stringify`: compact, non-ASCII kept, `<` escaped so the text is safe inside HTML."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(data), status, headers, media_type=JSON)


def too_many(kind: str, headers: dict[str, str]) -> Response:
    """express-rate-limit's answer past a limit (§1.4): JSON whatever was asked, with the limit's
    `RateLimit-*` headers; `kind` is `""`, `"API "`, `"login "`…"""
    return json_response({"error": f"Too many {kind}requests, please try again later"}, 429, headers)


def text_response(body: str, status: int = 200, media_type: str = PLAIN) -> Response:
    return Response(body, status, media_type=media_type)


def html_response(body: str, status: int = 200) -> Response:
    return Response(body, status, media_type=HTML)


def jsonp_response(callback: str, data: Any, media_type: str = JAVASCRIPT, end: str = "") -> Response:
    """`callback(<json>)`; `/api/user` adds `;` and keeps a JSON content type (§1.5)."""
    return Response(f"{callback}({dumps(data)}){end}", media_type=media_type)


def bad_request(error: dict[str, Any] | None = None) -> Response:
    """`badRequest()`: 400 with `BAD REQUEST`, or the JSON of `error`, both served as HTML."""
    return Response("BAD REQUEST" if error is None else dumps(error), 400, media_type=HTML)


def forbidden() -> Response:
    return Response("FORBIDDEN", 403, media_type=HTML)


def empty(status: int) -> Response:
    return Response(b"", status)


def redirect(location: str, status: int = 307) -> Response:
    """The one way the service redirects: `location` encoded as Express's `res.location` does."""
    return Response(b"", status, {"Location": encode_url(location)})


def library_error_json(code: str) -> Response:
    """The `{errorCode, error}` body of library pages under `format=json` (§1.4)."""
    status, message = LIBRARY_ERRORS[code]
    return json_response({"errorCode": code, "error": message}, status)


def not_found_json() -> Response:
    return json_response({"errorCode": 404, "error": NOT_FOUND_MESSAGE}, 404)
