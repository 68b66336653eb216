"""`Cache-Control` on every HTTP response, chosen by path; a response that sets its own keeps it."""

from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class CacheControl:
    def __init__(self, app: ASGIApp, policy: Callable[[str], str]) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        value = self.policy(scope["path"])

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).setdefault("Cache-Control", value)
            await send(message)

        await self.app(scope, receive, send_with_header)
