"""The one server `build.py serve` runs: the app at `/`, each service under its own prefix."""

from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Mount

from server.services import service_mounts
from server.settings import Settings
from server.site import dist_site, tree_site


def create_app(settings: Settings, *, root: Path, dist: Path | None = None) -> Starlette:
    site = dist_site(dist) if dist else tree_site(root)
    return Starlette(routes=[*service_mounts(settings), Mount("/", app=site)])
