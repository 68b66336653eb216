"""Canned answers for the real clients: a `MockTransport` whose handler answers in the service's own
wire format and remembers what it was sent, so tests run the client's real requests and reading."""

import json
from collections.abc import Callable
from typing import Any

from app.api.transport import Request, Response
from app.api.transports.mock import MockTransport
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.paths import DEFAULT_OPENWHYD

Answer = Any
"""A `Response`; an exception to raise (a `Timeout`); a function of the `Request` giving either; else
a JSON value, answered with status 200."""


def json_answer(value: Any, status: int = 200) -> Response:
    return Response(status, json.dumps(value).encode(), (("content-type", "application/json"),))


def answer(reply: Answer, request: Request) -> Response:
    if callable(reply):
        reply = reply(request)
    if isinstance(reply, Exception):
        raise reply
    return reply if isinstance(reply, Response) else json_answer(reply)


def scripted(*replies: Answer) -> tuple[MockTransport, list[Request]]:
    """A transport answering each request with the next reply, and the requests it got."""
    queue, sent = list(replies), []

    def handle(request: Request) -> Response:
        sent.append(request)
        return answer(queue.pop(0), request)

    return MockTransport(handle), sent


def only(requests: list[Request]) -> Request:
    """The one request made; fails if there were more or none."""
    [request] = requests
    return request


class OpenwhydAnswers:
    """Openwhyd for the UI tests: the real client (`client`), answered by route. A route is the
    method and path, plus the `action` where the body or query names one: "GET /api/user",
    "POST /api/post lovers". A request no route answers fails the test."""

    def __init__(self, routes: dict[str, Answer | Callable[[Request], Answer]]) -> None:
        self.routes = routes
        self.requests: list[Request] = []
        self.client = OpenwhydClient(DEFAULT_OPENWHYD, MockTransport(self.handle), page_delay=0)

    def route(self, request: Request) -> str:
        path = request.url.removeprefix(DEFAULT_OPENWHYD)
        action = _payload(request).get("action")
        return f"{request.method} {path}" + (f" {action}" if action else "")

    def handle(self, request: Request) -> Response:
        self.requests.append(request)
        route = self.route(request)
        if route not in self.routes:
            raise AssertionError(f"no canned answer for {route}")
        return answer(self.routes[route], request)

    def sent(self, method: str | None = "POST") -> list[tuple[str, dict[str, Any]]]:
        """The requests made with `method` (None: all), as their route and the rest of their body,
        or of their query when they have no body."""
        return [
            (self.route(request), {key: value for key, value in _payload(request).items() if key != "action"})
            for request in self.requests
            if method in (None, request.method)
        ]


def _payload(request: Request) -> dict[str, Any]:
    """What a request carries: its JSON object, its form and files (as name and type), or its query."""
    if isinstance(request.json, dict):
        return request.json
    if request.files:
        return {**dict(request.form or ()), **{f.field: (f.filename, f.content_type) for f in request.files}}
    return dict(request.form or request.params)
