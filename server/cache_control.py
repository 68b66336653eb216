"""`Cache-Control` on every HTTP response, chosen by path; a response that sets its own keeps it."""

from collections.abc import Callable

from starlette.types import ASGIApp

from server.path_headers import PathHeaders


class CacheControl(PathHeaders):
    def __init__(self, app: ASGIApp, policy: Callable[[str], str]) -> None:
        super().__init__(app, lambda path: {"Cache-Control": policy(path)})
