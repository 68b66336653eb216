"""The heavy-compatible service as one Starlette app, to be mounted under a prefix."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from server.heavy import demo_world, releases, unzip
from server.heavy.auth import Unauthorized
from server.heavy.compile_queue import Busy
from server.heavy.rate_limits import RateLimited
from server.heavy.responses import Refusal, refusal
from server.heavy.routes import ROUTES, TEST_ROUTES
from server.heavy.service import Service, open_service
from server.nosniff import NoSniff
from server.settings import Settings
from server.unexpected import Unexpected


class OptionalTrailingSlash:
    """Enzien documented every route with a trailing slash and its first clients sent none."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path, root = scope.get("path", ""), scope.get("root_path", "")
        if scope["type"] == "http" and path.endswith("/") and len(path) > len(root) + 1:
            scope = {**scope, "path": path.rstrip("/")}
        await self.app(scope, receive, send)


async def unauthorized(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Unauthorized)
    return refusal(401, error.detail, soft=False, headers={"WWW-Authenticate": "Bearer"})


async def refused(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Refusal)
    return refusal(error.status, error.detail, soft=error.soft)


async def soft_refusal(request: Request, error: Exception) -> JSONResponse:
    """For the service's own refusals, which carry the status that names their kind."""
    return refusal(getattr(error, "status", 400), str(error), soft=True)


async def http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return refusal(error.status_code, str(error.detail), soft=False, headers=error.headers)


async def busy(request: Request, error: Exception) -> JSONResponse:
    """A hard 503: the 2017 uploader stops on it, where a soft refusal would read as a patch error."""
    assert isinstance(error, Busy)
    return refusal(503, str(error), soft=False, headers={"Retry-After": str(error.retry_after)})


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
    service.pool.start()
    app = Starlette(
        routes=[*ROUTES, *(TEST_ROUTES if settings.test_mode else [])],
        middleware=[
            Middleware(NoSniff),
            Middleware(Unexpected, answer=internal_error),
            Middleware(OptionalTrailingSlash),
        ],
        lifespan=_closing(service),
        exception_handlers={
            Unauthorized: unauthorized,
            Refusal: refused,
            unzip.UnsafeUpload: soft_refusal,
            releases.ReleaseRefused: soft_refusal,
            RateLimited: soft_refusal,
            HTTPException: http_error,
            Busy: busy,
        },
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
