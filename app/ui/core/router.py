"""Hash routes (`#/u/alice/playlists/2?x=1`) to screens, and back to hrefs."""

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, urlencode


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str  # "/u/{user}/playlists/{n}"
    view: str  # module with `async def show(match, state) -> Screen`, imported on first use
    same_origin: bool = False
    """Uses Openwhyd routes a page on another origin cannot reach (no JSONP, or a session)."""

    @property
    def parts(self) -> list[str]:
        return [part for part in self.pattern.split("/") if part]


@dataclass(frozen=True)
class Match:
    route: Route | None
    path: str
    params: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.route.name if self.route else "not-found"


FOLLOWERS = "app.ui.screens.openwhyd.followers"
ROUTES = (
    Route("home", "/", "app.ui.screens.openwhyd.home"),
    Route("about", "/about", "app.ui.screens.about"),
    Route("login", "/login", "app.ui.screens.openwhyd.login", same_origin=True),
    Route("password-reset", "/login/forgot", "app.ui.screens.openwhyd.password_reset", same_origin=True),
    Route("signup", "/signup", "app.ui.screens.openwhyd.signup", same_origin=True),
    Route("settings", "/settings", "app.ui.screens.openwhyd.settings", same_origin=True),
    Route("hot", "/hot", "app.ui.screens.openwhyd.hot", same_origin=True),
    Route("profile", "/u/{user}", "app.ui.screens.openwhyd.profile"),
    Route("profile-playlists", "/u/{user}/playlists", "app.ui.screens.openwhyd.profile"),
    Route("profile-likes", "/u/{user}/likes", "app.ui.screens.openwhyd.profile"),
    Route("profile-subscribers", "/u/{user}/subscribers", FOLLOWERS, same_origin=True),
    Route("profile-subscriptions", "/u/{user}/subscriptions", FOLLOWERS, same_origin=True),
    Route("playlist", "/u/{user}/playlists/{n}", "app.ui.screens.openwhyd.playlist"),
    Route(
        "playlist-arrange",
        "/u/{user}/playlists/{n}/arrange",
        "app.ui.screens.openwhyd.playlist",
        same_origin=True,
    ),
    Route("track", "/t/{id}", "app.ui.screens.openwhyd.track", same_origin=True),
    Route("track-edit", "/t/{id}/edit", "app.ui.screens.openwhyd.track_edit", same_origin=True),
    Route("add-track", "/add", "app.ui.screens.openwhyd.add_track", same_origin=True),
    Route("bookmarklet", "/bookmarklet", "app.ui.screens.openwhyd.bookmarklet", same_origin=True),
    Route("import", "/import", "app.ui.screens.openwhyd.import_tracks", same_origin=True),
    Route("stream", "/stream", "app.ui.screens.openwhyd.stream", same_origin=True),
    Route("search", "/search", "app.ui.screens.openwhyd.search", same_origin=True),
    Route("sent", "/sent", "app.ui.screens.openwhyd.sent", same_origin=True),
    Route("heavy", "/heavy", "app.ui.screens.heavy.home"),
    Route("heavy-tokens", "/heavy/tokens", "app.ui.screens.heavy.tokens"),
    Route("heavy-user", "/heavy/u/{user}", "app.ui.screens.heavy.user"),
    Route("heavy-patch", "/heavy/p/{owner}/{patch}", "app.ui.screens.heavy.patch"),
    Route("heavy-version", "/heavy/p/{owner}/{patch}/{n}", "app.ui.screens.heavy.version"),
)
NOT_FOUND_VIEW = "app.ui.screens.not_found"


def split_hash(location_hash: str) -> tuple[str, dict[str, str]]:
    """`#/a/b?x=1` → ("/a/b", {"x": "1"}); an empty hash is the home path."""
    raw = location_hash.removeprefix("#") or "/"
    path, _, query = raw.partition("?")
    return "/" + path.strip("/"), dict(parse_qsl(query))


def match(location_hash: str, routes: tuple[Route, ...] = ROUTES) -> Match:
    raw_path, query = split_hash(location_hash)
    segments = [unquote(part) for part in raw_path.split("/") if part]
    path = "/" + "/".join(segments)
    for route in routes:
        parts = route.parts
        if len(parts) != len(segments):
            continue
        params = {}
        for part, segment in zip(parts, segments, strict=True):
            if part.startswith("{") and part.endswith("}"):
                params[part[1:-1]] = segment
            elif part != segment:
                break
        else:
            return Match(route, path, params, query)
    return Match(None, path, {}, query)


def route_named(name: str, routes: tuple[Route, ...] = ROUTES) -> Route:
    return next(route for route in routes if route.name == name)


def href(
    name: str, query: dict[str, str] | None = None, routes: tuple[Route, ...] = ROUTES, **params: str
) -> str:
    """The `#/…` link to a named route; views use this instead of building URLs."""
    route = route_named(name, routes)
    parts = [
        quote(str(params[part[1:-1]]), safe="") if part.startswith("{") else part for part in route.parts
    ]
    suffix = f"?{urlencode(query)}" if query else ""
    return "#/" + "/".join(parts) + suffix
