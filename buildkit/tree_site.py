"""The app's own files from the working tree, for `serve` without `--dist`: `app.zip`, the startup
snapshot and the widget's bundle are made from the tree (see tree_builds), so an edit shows on the
next reload, and every file goes out compressed where that pays (see tree_encodings), as from a
built dist/."""

from collections.abc import Awaitable, Callable
from pathlib import Path

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route, Router
from starlette.types import ASGIApp

from buildkit.dist import PAGES
from buildkit.snapshot import SNAPSHOT_NAME
from buildkit.tree_builds import TreeBuilds
from buildkit.tree_encodings import TreeEncodings
from buildkit.widget_bundle import BUNDLE
from server.cache_control import CacheControl
from server.clock import Clock
from server.content_coding import Encoded, encoded_response
from server.encoded_files import EncodedFiles
from server.site import cache_policy

Endpoint = Callable[[Request], Awaitable[Response]]
Made = Callable[[], Awaitable[tuple[bytes, str]]]


def tree_site(root: Path, clock: Clock) -> ASGIApp:
    """Only what the browser needs: never the checkout itself (.git, data, .venv)."""
    builds, encodings = TreeBuilds(root, clock), TreeEncodings()
    pages = [Route(f"/{name}", _file(root / name, encodings)) for name in PAGES]
    return CacheControl(
        Router(
            routes=[
                Route("/", _file(root / "index.html", encodings)),
                *pages,
                Route("/app.zip", _made("app.zip", builds.app_zip, encodings)),
                Route(f"/{SNAPSHOT_NAME}", _made(SNAPSHOT_NAME, builds.app_snapshot, encodings)),
                Route(f"/{BUNDLE}", _made(BUNDLE, builds.widget_bundle, encodings)),
                Mount("/static", EncodedFiles(root / "static", encodings.file)),
            ]
        ),
        cache_policy,
    )


def _answer(request: Request, encoded: Encoded) -> Response:
    return encoded_response(encoded, request.headers, request.method)


def _made(name: str, make: Made, encodings: TreeEncodings) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        data, version = await make()
        return _answer(request, await encodings.made(name, data, version))

    return endpoint


def _file(path: Path, encodings: TreeEncodings) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        status = await anyio.to_thread.run_sync(path.stat)
        return _answer(request, await encodings.file(path, status))

    return endpoint
