"""The app's own files from the working tree, for `serve` without `--dist`: `app.zip` and the startup
snapshot are made from the tree (see tree_builds), so an edit shows on the next reload."""

from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from buildkit.dist import PAGES, widget_files
from buildkit.snapshot import SNAPSHOT_NAME
from buildkit.tree_builds import TreeBuilds
from server.cache_control import CacheControl
from server.clock import Clock
from server.site import cache_policy

Endpoint = Callable[[Request], Awaitable[Response]]


def app_archive(builds: TreeBuilds) -> Endpoint:
    """`app.zip` as the tree has it now; its hash is its ETag."""

    async def endpoint(request: Request) -> Response:
        build = await builds.current()
        return _not_modified(request, build.app_etag) or Response(
            build.app_zip, media_type="application/zip", headers={"ETag": build.app_etag}
        )

    return endpoint


def app_snapshot(builds: TreeBuilds) -> Endpoint:
    """The startup snapshot of the tree's app.zip; its key is its ETag, so a reload with nothing
    changed is a 304 and nothing is made."""

    async def endpoint(request: Request) -> Response:
        build = await builds.current()
        return _not_modified(request, build.snapshot_etag) or Response(
            await builds.snapshot(build), media_type="application/gzip", headers={"ETag": build.snapshot_etag}
        )

    return endpoint


def tree_site(root: Path, clock: Clock) -> ASGIApp:
    """Only what the browser needs: never the checkout itself (.git, data, .venv)."""
    builds = TreeBuilds(root, clock)
    pages = [Route(f"/{name}", _file(root / name)) for name in (*PAGES, *widget_files(root))]
    return CacheControl(
        Router(
            routes=[
                Route("/", _file(root / "index.html")),
                *pages,
                Route("/app.zip", app_archive(builds)),
                Route(f"/{SNAPSHOT_NAME}", app_snapshot(builds)),
                Mount("/static", StaticFiles(directory=root / "static")),
            ]
        ),
        cache_policy,
    )


def _not_modified(request: Request, etag: str) -> Response | None:
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return None


def _file(path: Path) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        return FileResponse(path)

    return endpoint
