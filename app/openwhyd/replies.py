"""How Openwhyd says that something went wrong, turned into the exceptions of errors.py.

Most routes answer 200 with `{"error": "…"}`; `/api/post` and `/api/playlist` use 400, with a
bare `BAD REQUEST` for logged-out callers; library pages use 401/404 JSON; a missing playlist
is a 200 plain text (reference §1.4, §10). The status decides when it can, the message
decides the rest.
"""

from typing import Any

from app.api.client import status_failure
from app.api.errors import (
    ApiError,
    AuthRequired,
    BadCredentials,
    BadRequest,
    Forbidden,
    NotFound,
    RateLimited,
)
from app.api.transport import Response

# Words of Openwhyd's error messages that tell their kind, tried in this order.
_KINDS_BY_WORDS: tuple[tuple[tuple[str, ...], type[ApiError]], ...] = (
    (("too quickly", "too many"), RateLimited),
    (("login", "logged in"), AuthRequired),
    (("not found", "does not exist", "can't find", "recognize"), NotFound),
    (("not allowed",), Forbidden),
    (("incorrect", "seems wrong"), BadCredentials),
)

_LOGGED_OUT_REPLY = "BAD REQUEST"

_NOT_JSON = object()


def error_message(value: Any) -> str:
    """The text of an `error` field, which may be nested (`/api/follow`) or an empty object."""
    while isinstance(value, dict):
        value = value.get("error")
    return value if isinstance(value, str) else ""


def error_kind(message: str) -> type[ApiError]:
    """The failure an Openwhyd error message describes; BadRequest when it names none."""
    lowered = message.lower()
    for words, kind in _KINDS_BY_WORDS:
        if any(word in lowered for word in words):
            return kind
    return BadRequest


def read_reply(
    response: Response, *, needs_login: bool = False, failure: type[ApiError] | None = None
) -> Any:
    """The JSON of a successful reply; raises the failure the reply reports otherwise.

    `needs_login`: on this route a bare `BAD REQUEST` means "logged out".
    `failure`: the kind of every error this route reports (e.g. BadCredentials on /login).
    An HTML page where JSON was asked for is Openwhyd's login page (`/upload` logged out).
    """
    status = response.status
    try:
        body = response.json()
    except ValueError:
        body = _NOT_JSON
    message = error_message(body) if isinstance(body, dict) else _plain_message(response, body)
    if (refused := status_failure(response, message)) is not None:
        raise refused
    if status >= 400 and needs_login and message == _LOGGED_OUT_REPLY:
        raise AuthRequired("", status)
    if body is _NOT_JSON and response.content_type == "text/html":
        raise AuthRequired("", status)
    if status >= 400 or body is _NOT_JSON or (isinstance(body, dict) and "error" in body):
        raise (failure or error_kind(message))(message, status)
    return body


def _plain_message(response: Response, body: Any) -> str:
    """A reply's text as the message to show; a web page never is one: a host without the service
    (a plain static server, a proxy) answers its own HTML error page, which would read as markup."""
    if body is _NOT_JSON and response.content_type == "text/html":
        return f"The server answered HTTP {response.status} with a web page instead of Openwhyd's data."
    return response.text.strip()
