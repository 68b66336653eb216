"""The services `build.py serve` mounts beside the app, each under its own prefix."""

from starlette.routing import Mount

from server.settings import Settings


def service_mounts(settings: Settings) -> list[Mount]:
    return []


def service_banners(settings: Settings) -> list[str]:
    """Lines `serve` prints after the URL: demo accounts and tokens of each service."""
    return []
