"""A heavy-compatible compile service (Enzien Audio's Web API of 2017) on hvcc and SQLite."""

from starlette.applications import Starlette
from starlette.types import ASGIApp, Receive, Scope, Send

from server.heavy import demo_world
from server.heavy.app import create_app, opened
from server.heavy.service import open_service
from server.service_mount import ServiceMount
from server.settings import Settings

__all__ = ["banner", "create_app", "prepare", "root_mounts"]


def prepare(settings: Settings) -> None:
    """What each server process does on starting, done once and closed again."""
    opened(settings).close()


def banner(settings: Settings) -> list[str]:
    service = open_service(settings)
    return [f"heavy demo user: {demo_world.USER}", f"heavy demo token: {demo_world.token(service)}"]


def root_mounts(app: Starlette) -> list[ServiceMount]:
    """`/a` and `/h` at the host's root, for the 2017 uploader.

    It joins `/a/…` onto its `-d` domain with urljoin, which drops any path the domain has, so
    it can only reach a service at the root. Links in these replies then carry no prefix.
    """
    return [ServiceMount(prefix, _AtRoot(app, prefix)) for prefix in ("/a", "/h")]


class _AtRoot:
    """Undoes the Mount's prefix so the app routes the full `/a/…` or `/h/…` path itself."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app, self.prefix = app, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        root_path = scope["root_path"].removesuffix(self.prefix)
        await self.app({**scope, "root_path": root_path}, receive, send)
