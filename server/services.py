"""The services `build.py serve` mounts beside the app, each under its own prefix."""

from starlette.routing import Mount

from server import heavy, openwhyd
from server.settings import Settings


def service_mounts(settings: Settings) -> list[Mount]:
    heavy_app = heavy.create_app(settings)
    return [
        Mount("/openwhyd", app=openwhyd.create_app(settings)),
        Mount("/heavy", app=heavy_app), *heavy.root_mounts(heavy_app),
    ]


def service_banners(settings: Settings) -> list[str]:
    """Lines `serve` prints after the URL: demo accounts and tokens of each service."""
    return [*openwhyd.banner(settings), *heavy.banner(settings)]
