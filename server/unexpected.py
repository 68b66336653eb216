"""The last net under a service: an exception no route answered is logged by where it was raised
and answered in the service's own error shape, never as a plain-text 500 or a closed connection.

The log names the method, the path and the frames, never the exception's message, the query or
the body: those may carry passwords, tokens or session cookies.
"""

import logging
import traceback
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)


class Unexpected:
    def __init__(self, app: ASGIApp, answer: Callable[[Request], Response]) -> None:
        self.app, self.answer = app, answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as error:
            where = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
            kind = type(error).__name__
            log.error("%s %r failed with %s:\n%s", scope["method"], scope["path"], kind, where)
            if not started:
                await self.answer(Request(scope))(scope, receive, send)
