"""`Routes` (server/openwhyd/routing.py) finds, for any path and method, the route Starlette's
router finds trying every route in order."""

from starlette.responses import Response
from starlette.routing import Match, Route

from server.openwhyd.app import ROUTES
from server.openwhyd.routing import Routes

SAMPLES = [
    *(path.replace("{rest:path}", "a/b").replace("{path:path}", "x/y") for path, _, _ in ROUTES),
    "/",
    "/hot/",
    "/api",
    "/api/",
    "/api/post/",
    "/u/4d94501d1f78ac091dbc9b4d/playlist/3",
    "/adrien/playlist/3/extra",
    "/a\nb",
    "/yt",
    "/img/u/",
    "//double",
]


def route_of(router: list[Route] | Routes, path: str, method: str) -> tuple[Match, object]:
    scope = {"type": "http", "path": f"/openwhyd{path}", "root_path": "/openwhyd", "method": method}
    if isinstance(router, Routes):
        match, child = router.matches(scope)
        return match, child.get("route")
    partial = None
    for route in router:
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return match, route
        if match is Match.PARTIAL and partial is None:
            partial = route
    return (Match.NONE, None) if partial is None else (Match.PARTIAL, partial)


def test_the_route_found_by_the_first_word_is_the_one_the_router_finds() -> None:
    routes = [Route(path, lambda request: Response(), methods=methods) for path, methods, _ in ROUTES]
    by_word = Routes(routes)
    for path in SAMPLES:
        for method in ("GET", "POST", "DELETE", "TRACE"):
            assert route_of(by_word, path, method) == route_of(routes, path, method), (method, path)
