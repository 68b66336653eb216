"""The one server `build.py serve` runs: the app's files at `/`, each service under its own prefix."""

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.types import ASGIApp

from server.nosniff import NoSniff
from server.services import service_mounts
from server.settings import Settings


def create_app(settings: Settings, site: ASGIApp) -> Starlette:
    """`site` serves the app's own files: a built dist/ (server.site) or the working tree (buildkit)."""
    routes = [*service_mounts(settings), Mount("/", app=site)]
    return Starlette(routes=routes, middleware=[Middleware(NoSniff)], lifespan=mounted_lifespans)


@asynccontextmanager
async def mounted_lifespans(app: Starlette) -> AsyncIterator[None]:
    """Starlette runs the lifespan of the app it serves, not of the apps mounted in it: here each
    service starts and stops with the server."""
    async with AsyncExitStack() as stack:
        for route in app.routes:
            if isinstance(route, Mount) and isinstance(route.app, Starlette):
                await stack.enter_async_context(route.app.router.lifespan_context(route.app))
        yield
