"""The one server `build.py serve` runs: the app's files at `/`, each service under its own prefix."""

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
    return Starlette(routes=routes, middleware=[Middleware(NoSniff)])
