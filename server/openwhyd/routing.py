"""The service's routes looked up by the first segment of the path.

Starlette's router tries its routes one by one, and a profile page (`/{handle}`) comes after
sixty others: that loop cost more than the rest of a cached answer. `Routes` is one Starlette
route standing for the whole list. It tries only the routes that can take the path's first
segment, those whose first segment is that word and those whose first segment is a parameter,
in their order, so the route it finds is the one the router's own loop would have found.
"""

from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Receive, Scope, Send


def _first_word(path: str) -> str | None:
    """The first segment of a route's path, or None when a parameter takes part of it."""
    first = path[1:].split("/", 1)[0]
    return None if "{" in first else first


class Routes(BaseRoute):
    def __init__(self, routes: list[Route]) -> None:
        self.routes = routes
        words = {_first_word(route.path) for route in routes} - {None}
        self._by_word = {word: [r for r in routes if _first_word(r.path) in (word, None)] for word in words}
        self._any_word = [route for route in routes if _first_word(route.path) is None]

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """As the router would: the first route that takes the path and method, else the first
        that takes the path (Starlette answers 405); the route found goes in `scope["route"]`."""
        if scope["type"] != "http":
            return Match.NONE, {}
        word = get_route_path(scope)[1:].split("/", 1)[0]
        partial: Scope | None = None
        for route in self._by_word.get(word, self._any_word):
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                return match, {**child_scope, "route": route}
            if match is Match.PARTIAL and partial is None:
                partial = {**child_scope, "route": route}
        return (Match.NONE, {}) if partial is None else (Match.PARTIAL, partial)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await scope["route"].handle(scope, receive, send)
