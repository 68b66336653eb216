"""The Openwhyd-compatible service as one Starlette app; every route is listed here."""

from collections.abc import Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.cache_control import CacheControl
from server.nosniff import NoSniff
from server.openwhyd import demo
from server.openwhyd.middleware import NO_CACHE
from server.openwhyd.params import query_params
from server.openwhyd.route_limits import RouteLimits
from server.openwhyd.routes import (
    assets,
    fallback,
    follow,
    hot,
    lastfm,
    library,
    login,
    media,
    notif,
    playlist,
    post,
    recent,
    search,
    testing,
    track,
    track_order,
    upload,
    user,
)
from server.openwhyd.routing import Routes
from server.openwhyd.service import Service
from server.openwhyd.web import Call, Controller, always, endpoint, never
from server.settings import Settings
from server.unexpected import Unexpected

GET, POST, ANY = ["GET"], ["POST"], ["GET", "POST"]
EVERY_METHOD = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

ROUTES: list[tuple[str, list[str], Controller]] = [
    ("/login", ANY, login.login),
    ("/logout", GET, login.logout_page),
    ("/register", ANY, login.register),
    ("/consent", POST, login.consent),
    ("/api/signup/rTk/{n}", GET, login.signup_token),
    ("/api/user", ANY, user.api),
    ("/api/user/{id}", ANY, user.api),
    ("/api/user/{id}/{action}", ANY, user.api),
    ("/api/post", ANY, post.api),
    ("/api/post/{pId}", ANY, post.api),
    ("/api/post/{pId}/{action}", ANY, post.api),
    ("/api/playlist", ANY, playlist.api),
    ("/api/playlist/{id}", ANY, playlist.api),
    ("/api/follow", ANY, follow.api),
    ("/api/follow/{action}", ANY, follow.api),
    ("/api/follow/{action}/{id}", ANY, follow.api),
    ("/api/notif", ANY, notif.api),
    ("/api/notif/{rest:path}", ANY, notif.api),
    ("/api/bandcampExtractor", ANY, track.bandcamp_stream),
    ("/api/lastFm", ANY, lastfm.connected),
    ("/api/lastFm/connect", GET, lastfm.connect),
    ("/api/lastFm/disconnect", ANY, lastfm.disconnect),
    ("/api/{rest:path}", EVERY_METHOD, fallback.unknown_api),
    ("/testing/reset", EVERY_METHOD, testing.reset),
    ("/testing/refresh", EVERY_METHOD, testing.refresh),
    ("/testing/clock", EVERY_METHOD, testing.clock),
    ("/search", ANY, search.search_page),
    ("/upload", ANY, upload.upload),
    ("/images/{name}", GET, media.placeholder),
    ("/js/track-order.js", GET, assets.asset("track-order.js")),
    ("/css/track-order.css", GET, assets.asset("track-order.css")),
    ("/css/pages.css", GET, assets.asset("pages.css")),
    (lastfm.CALLBACK_SCRIPT, GET, lastfm.callback_script),
    ("/img/u/{id}", GET, media.user_image),
    ("/img/user/{id}", GET, media.user_image),
    ("/img/userCover/{name}", GET, media.cover_file),
    ("/img/post/{id}", GET, media.post_image),
    ("/img/playlist/{id}", GET, media.playlist_image),
    ("/uAvatarImg/{name}", GET, media.avatar_file),
    ("/uCoverImg/{name}", GET, media.cover_file),
    ("/uPlaylistImg/{name}", GET, media.stored_file("uPlaylistImg")),
    ("/upload_data/{name}", GET, media.stored_file("upload_data")),
    ("/audio/{name}", GET, media.stored_file("audio")),
    ("/recent", GET, recent.recent),
    ("/hot", GET, hot.hot),
    ("/hot/{genre}", GET, hot.hot),
    ("/c/{id}", GET, track.page),
    ("/post/{id}", GET, track.page),
    *(
        (f"/{prefix}/{{rest:path}}", GET, track.external(prefix))
        for prefix in ("yt", "sc", "dm", "vi", "dz", "fi", "bc")
    ),
    ("/", GET, library.stream),
    ("/stream", GET, library.stream),
    ("/all", GET, library.everything),
    ("/me", GET, library.me),
    ("/u/{uid}", GET, library.profile),
    ("/u/{uid}/likes", GET, library.likes),
    ("/u/{uid}/playlists", GET, library.playlists),
    ("/u/{uid}/playlist/{n}", GET, library.playlist),
    ("/u/{uId}/playlist/{plId}/edit", GET, track_order.page),
    ("/u/{uid}/info", GET, library.info),
    ("/u/{uid}/subscriptions", GET, library.subscriptions),
    ("/u/{uid}/subscribers", GET, library.subscribers),
    ("/{handle}", GET, library.profile),
    ("/{handle}/likes", GET, library.likes),
    ("/{handle}/playlists", GET, library.playlists),
    ("/{handle}/playlist/{n}", GET, library.playlist),
    ("/{handle}/info", GET, library.info),
    ("/{handle}/subscriptions", GET, library.subscriptions),
    ("/{handle}/subscribers", GET, library.subscribers),
    ("/{path:path}", EVERY_METHOD, fallback.not_found),
]


SHARED_READS = {
    user.api,
    playlist.api,
    follow.api,
    search.search_page,
    track.page,
    library.stream,
    library.everything,
    library.profile,
    library.likes,
    library.playlists,
    library.playlist,
    library.info,
    library.subscriptions,
    library.subscribers,
}
"""Controllers whose GET answers to visitors without a session depend only on the URL (not `/hot`,
whose week moves with the clock; it keeps its ranking up to date itself)."""

QUICK: dict[Controller, Callable[[Call], bool]] = {
    **{controller: always for controller in SHARED_READS - {user.api} | {notif.api, hot.hot, library.me}},
    post.api: post.quick,
}
"""Controllers that only read and write a few rows, for the calls each says (see `endpoint`);
`/api/user` may hash a new password, a scrobble waits for Last.fm."""


def _format(request: Request) -> object:
    return query_params(request.url.query).get("format")


async def _unrouted(request: Request, error: Exception) -> Response:
    """Starlette's own 404 and 405 (a path no pattern takes, a method no route lists): Express
    sends both to its 404 handler."""
    return fallback.not_found_page(_format(request), request.headers.get("accept", ""))


def _failed(request: Request) -> Response:
    path = request.scope["path"].removeprefix(request.scope.get("root_path", ""))
    return fallback.failure(path, _format(request), request.headers.get("accept", ""))


def create_app(settings: Settings) -> Starlette:
    service = Service.open(settings)
    routes = [
        Route(
            path,
            endpoint(service, controller, controller in SHARED_READS, QUICK.get(controller, never)),
            methods=methods,
        )
        for path, methods, controller in ROUTES
    ]
    limits = [Middleware(RouteLimits, limiter=service.limiter)] if settings.rate_limits else []
    no_cache = Middleware(CacheControl, policy=lambda path: NO_CACHE)
    return Starlette(
        routes=[Routes(routes)],
        middleware=[Middleware(NoSniff), no_cache, Middleware(Unexpected, answer=_failed), *limits],
        exception_handlers={HTTPException: _unrouted},
    )


def banner(settings: Settings) -> list[str]:
    """What `serve` prints about this service: the demo accounts, unless a seed replaces them."""
    return demo.BANNER if settings.seed is None else [f"Openwhyd seeded from {settings.seed}"]
