"""The heavy-compatible service as one Starlette app, to be mounted under a prefix."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from server.heavy import demo_world
from server.heavy.responses import refusal
from server.heavy.routes import ROUTES, TEST_ROUTES
from server.heavy.service import Service, open_service
from server.nosniff import NoSniff
from server.settings import Settings
from server.unexpected import Unexpected

CORS_METHODS = ["GET", "POST", "PATCH", "DELETE"]
CORS_HEADERS = ["Authorization", "Content-Type", "Accept", "X-Heavy-Service-Token"]
CORS_MAX_AGE = 600
"""Pages of other origins (the app hosted elsewhere) call the API with a bearer token, which
a page sends by itself; no cookie goes with them (no `Allow-Credentials`), so the `token` cookie
a browser holds for this host never acts for another origin's page."""


class OptionalTrailingSlash:
    """Enzien documented every route with a trailing slash and its first clients sent none."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path, root = scope.get("path", ""), scope.get("root_path", "")
        if scope["type"] == "http" and path.endswith("/") and len(path) > len(root) + 1:
            scope = {**scope, "path": path.rstrip("/")}
        await self.app(scope, receive, send)


async def http_error(request: Request, error: Exception) -> JSONResponse:
    """Starlette's own 404 and 405 (a path no route takes, a method no route lists); the
    service's refusals are answered by its endpoints (server/heavy/web.py)."""
    assert isinstance(error, HTTPException)
    return refusal(error.status_code, str(error.detail), soft=False, headers=error.headers)


def internal_error(request: Request) -> JSONResponse:
    return refusal(500, "The heavy service failed on this request; it has been logged.", soft=False)


def opened(settings: Settings) -> Service:
    """The service as a server process starts it: the scratch folders stopped processes left
    cleared, the demo world made."""
    service = open_service(settings)
    service.layout.clear_scratch()
    demo_world.ensure(service)
    return service


def create_app(settings: Settings) -> Starlette:
    service = opened(settings)
    service.start()
    app = Starlette(
        routes=[*ROUTES, *(TEST_ROUTES if settings.test_mode else [])],
        middleware=[
            Middleware(NoSniff),
            Middleware(
                CORSMiddleware,
                allow_origins=settings.heavy_origins,
                allow_methods=CORS_METHODS,
                allow_headers=CORS_HEADERS,
                expose_headers=["Content-Disposition", "Retry-After", "WWW-Authenticate"],
                max_age=CORS_MAX_AGE,
            ),
            Middleware(Unexpected, answer=internal_error),
            Middleware(OptionalTrailingSlash),
        ],
        lifespan=_closing(service),
        exception_handlers={HTTPException: http_error},
    )
    app.state.service = service
    return app


def _closing(service: Service) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """Closes the service when the server stops, even when it is forced to (its tasks cancelled)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            service.close()

    return lifespan
