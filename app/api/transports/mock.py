"""A transport that answers from a function instead of a network, like httpx's `MockTransport`:
the real clients run against it in tests, answered the way their service answers."""

import inspect
from collections.abc import Awaitable, Callable

from app.api.transport import Request, Response

Handler = Callable[[Request], Response | Awaitable[Response]]
"""Answers a request, now or when awaited; what it raises (a `TransportError`, a `Timeout`) the
transport raises, as a network's failure would be raised."""


class MockTransport:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler

    async def send(self, request: Request) -> Response:
        answer = self.handler(request)
        return await answer if inspect.isawaitable(answer) else answer
