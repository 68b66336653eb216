"""Each way Openwhyd reports a failure becomes the matching exception, with its message."""

import json

import pytest

from app.api.errors import (
    ApiError,
    AuthRequired,
    BadCredentials,
    BadRequest,
    Forbidden,
    NotFound,
    RateLimited,
    ServerError,
)
from app.api.transport import Response
from app.openwhyd.replies import error_message, read_reply


def reply(status: int, body: object, content_type: str = "application/json") -> Response:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return Response(status, raw, (("content-type", content_type),))


@pytest.mark.parametrize(
    ("response", "kind", "message"),
    [
        (reply(200, {"error": "user not logged in"}), AuthRequired, "user not logged in"),
        (
            reply(401, {"errorCode": "REQ_LOGIN", "error": "Please login first"}),
            AuthRequired,
            "Please login first",
        ),
        (
            reply(200, {"error": {"error": "please login first"}}),
            AuthRequired,
            "please login first",
        ),
        (reply(200, {"error": "user not found"}), NotFound, "user not found"),
        (reply(404, b""), NotFound, NotFound.default_message),
        (
            reply(404, {"errorCode": "POST_NOT_FOUND", "error": "Sorry, we can't find this"}),
            NotFound,
            "Sorry, we can't find this",
        ),
        (
            reply(200, b"meh... this playlist does not exist!"),
            NotFound,
            "meh... this playlist does not exist!",
        ),
        (
            reply(400, {"error": "updating another user's post is not allowed"}),
            Forbidden,
            "updating another user's post is not allowed",
        ),
        (reply(400, {"error": {}}), BadRequest, BadRequest.default_message),
        (
            reply(400, {"error": "invalid parameter value: after"}, "text/html"),
            BadRequest,
            "invalid parameter value: after",
        ),
        (reply(400, b"BAD REQUEST", "text/plain"), BadRequest, "BAD REQUEST"),
        (
            reply(400, {"error": "You're commenting too quickly! Please try again."}),
            RateLimited,
            "You're commenting too quickly! Please try again.",
        ),
        (
            reply(200, {"error": "Your current password is incorrect"}),
            BadCredentials,
            "Your current password is incorrect",
        ),
        (reply(500, b"Internal Server Error", "text/plain"), ServerError, "Internal Server Error"),
        (reply(200, b"<html>login</html>", "text/html"), AuthRequired, AuthRequired.default_message),
        (
            reply(404, b"<html><h1>Error response</h1></html>", "text/html"),
            NotFound,
            "The server answered HTTP 404 with a web page instead of Openwhyd's data.",
        ),
    ],
)
def test_failures_map_to_their_kind_and_message(
    response: Response, kind: type[ApiError], message: str
) -> None:
    with pytest.raises(kind) as raised:
        read_reply(response)
    assert raised.value.message == message
    assert raised.value.status == response.status


def test_a_bare_bad_request_means_logged_out_where_a_session_is_needed() -> None:
    with pytest.raises(AuthRequired):
        read_reply(reply(400, b"BAD REQUEST", "text/plain"), needs_login=True)


def test_a_route_can_force_the_kind_of_its_errors() -> None:
    echoed_form = {"action": "login", "email": "qq", "error": "We don't recognize your email"}
    with pytest.raises(BadCredentials):
        read_reply(reply(200, echoed_form), failure=BadCredentials)


def test_rate_limits_say_when_to_retry() -> None:
    response = Response(
        429, b'{"error":"Too many requests, please try again later"}', (("retry-after", "60"),)
    )
    with pytest.raises(RateLimited) as raised:
        read_reply(response)
    assert raised.value.retry_after == 60.0
    with pytest.raises(RateLimited) as raised:
        read_reply(Response(429, b"slow down"))
    assert raised.value.retry_after is None


@pytest.mark.parametrize("body", [[], [{"_id": "p"}], {"ok": 1}, 0, True, "text"])
def test_successful_replies_are_their_json(body: object) -> None:
    assert read_reply(reply(200, body)) == body


def test_error_messages_unnest_and_ignore_non_text() -> None:
    assert error_message({"error": {"error": "x"}}) == "x"
    assert error_message({"error": {}}) == ""
    assert error_message(None) == ""
