"""Per-address rate limits of the real server (reference §1.4), per route.

When a limit is passed the answer is 429 `{"error": "Too many … requests, …"}`; the
`RateLimit-*` headers of the most specific limit go on every limited response that has none.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.openwhyd.middleware import with_headers
from server.openwhyd.responses import too_many
from server.ratelimit import Limit, RateLimiter

IMAGE = re.compile(r"/img/[^/]+/[^/]+")


@dataclass(frozen=True)
class Rule:
    """`limit` on the paths it `applies` to; with `failures_only`, only answers with status 400 or
    more count (the login and signup limit). `kind` names it in the refusal."""

    name: str
    limit: Limit
    kind: str
    applies: Callable[[str, str], bool]
    failures_only: bool = False


RULES = [
    Rule("all", Limit(100, 60), "", lambda method, path: not (method == "GET" and path.startswith("/img/"))),
    Rule("api", Limit(90, 60), "API ", lambda method, path: path.startswith("/api/")),
    Rule(
        "login",
        Limit(5, 15 * 60),
        "login ",
        lambda method, path: path == "/login" or path.startswith("/register"),
        failures_only=True,
    ),
    Rule("search", Limit(40, 60), "search ", lambda method, path: path == "/search"),
    Rule(
        "image",
        Limit(1000, 60),
        "image ",
        lambda method, path: method == "GET" and bool(IMAGE.fullmatch(path)),
    ),
]


class RouteLimits:
    """Counts with `limiter`, per rule and client address."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app, self.limiter = app, limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"].removeprefix(scope.get("root_path", "")) or "/"
        address = (scope.get("client") or ("",))[0]
        headers: dict[str, str] = {}
        after: list[tuple[str, Rule]] = []
        for rule in RULES:
            if not rule.applies(scope["method"], path):
                continue
            key = f"route {rule.name} {address}"
            if rule.failures_only:
                usage = self.limiter.peek(key, rule.limit)
                after.append((key, rule))
                over = usage.used_up
            else:
                usage = self.limiter.hit(key, rule.limit)
                over = usage.exceeded
            headers = usage.headers()
            if over:
                await too_many(rule.kind, headers)(scope, receive, send)
                return

        async def send_counted(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] >= 400:
                    for key, rule in after:
                        self.limiter.hit(key, rule.limit)
                message = with_headers(message, headers)
            await send(message)

        await self.app(scope, receive, send_counted)
