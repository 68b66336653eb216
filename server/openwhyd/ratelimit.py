"""Per-address rate limits of the real server (reference §1.4), with fixed windows.

When a limit is passed the answer is 429 `{"error": "Too many … requests, …"}`; the
`RateLimit-*` headers of the most specific limit go on every limited response.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.clock import Clock
from server.openwhyd.middleware import with_headers
from server.openwhyd.responses import json_response

IMAGE = re.compile(r"/img/[^/]+/[^/]+")
MAX_TRACKED = 10_000


@dataclass(frozen=True)
class Rule:
    """`limit` requests per `window` seconds on the paths it `applies` to; with `failures_only`,
    only answers with status 400 or more count (the login and signup limit)."""

    limit: int
    window: float
    kind: str
    applies: Callable[[str, str], bool]
    failures_only: bool = False

    @property
    def message(self) -> str:
        return f"Too many {self.kind}requests, please try again later"


RULES = [
    Rule(100, 60, "", lambda method, path: not (method == "GET" and path.startswith("/img/"))),
    Rule(90, 60, "API ", lambda method, path: path.startswith("/api/")),
    Rule(
        5,
        15 * 60,
        "login ",
        lambda method, path: path == "/login" or path.startswith("/register"),
        failures_only=True,
    ),
    Rule(40, 60, "search ", lambda method, path: path == "/search"),
    Rule(1000, 60, "image ", lambda method, path: method == "GET" and bool(IMAGE.fullmatch(path))),
]


class Windows:
    """Request counts per (rule, address) in the current window of each."""

    def __init__(self) -> None:
        self._counts: dict[tuple[int, str], tuple[float, int]] = {}

    def current(self, rule_index: int, rule: Rule, address: str, now: float) -> tuple[float, int]:
        start, count = self._counts.get((rule_index, address), (now, 0))
        return (now, 0) if now - start >= rule.window else (start, count)

    def add(self, rule_index: int, rule: Rule, address: str, now: float) -> tuple[float, int]:
        start, count = self.current(rule_index, rule, address, now)
        if len(self._counts) >= MAX_TRACKED:
            self._forget_old(now)
        self._counts[(rule_index, address)] = (start, count + 1)
        return start, count + 1

    def _forget_old(self, now: float) -> None:
        longest = max(rule.window for rule in RULES)
        self._counts = {key: value for key, value in self._counts.items() if now - value[0] < longest}


def _headers(rule: Rule, start: float, count: int, now: float) -> dict[str, str]:
    return {
        "RateLimit-Policy": f"{rule.limit};w={int(rule.window)}",
        "RateLimit-Limit": str(rule.limit),
        "RateLimit-Remaining": str(max(0, rule.limit - count)),
        "RateLimit-Reset": str(max(0, int(start + rule.window - now))),
    }


class RateLimit:
    """Windows are measured on `clock`'s monotonic time."""

    def __init__(self, app: ASGIApp, clock: Clock) -> None:
        self.app, self.clock = app, clock
        self.windows = Windows()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"].removeprefix(scope.get("root_path", "")) or "/"
        address = (scope.get("client") or ("",))[0]
        now = self.clock.monotonic()
        headers: dict[str, str] = {}
        after: list[tuple[int, Rule]] = []
        for index, rule in enumerate(RULES):
            if not rule.applies(scope["method"], path):
                continue
            if rule.failures_only:
                start, count = self.windows.current(index, rule, address, now)
                after.append((index, rule))
                over = count >= rule.limit
            else:
                start, count = self.windows.add(index, rule, address, now)
                over = count > rule.limit
            headers = _headers(rule, start, count, now)
            if over:
                await json_response({"error": rule.message}, 429, headers)(scope, receive, send)
                return

        async def send_counted(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] >= 400:
                    for index, rule in after:
                        self.windows.add(index, rule, address, self.clock.monotonic())
                message = with_headers(message, headers)
            await send(message)

        await self.app(scope, receive, send_counted)
