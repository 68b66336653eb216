"""The app's own files from the working tree, for `serve` without `--dist`: `app.zip` and the startup
snapshot are made from the tree, so an edit shows on the next reload."""

import asyncio
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from buildkit.archive import zip_tree
from buildkit.dist import PAGES, widget_files
from buildkit.paths import PYTHON_PACKAGES_ZIP, ROOT
from buildkit.snapshot import SNAPSHOT_NAME, make_snapshot, snapshot_key
from server.cache_control import CacheControl
from server.site import cache_policy


def app_archive(root: Path):
    """`app.zip` made from the tree on each request, so an edit shows on the next reload."""

    async def endpoint(request: Request) -> Response:
        data = zip_tree(root / "app", root, bytecode=False)
        return Response(data, media_type="application/zip")

    return endpoint


def app_snapshot(root: Path):
    """The startup snapshot of the tree's app.zip: remade after an edit, else from the cache.
    Its key is its ETag, so a reload with nothing changed is a 304."""
    making = asyncio.Lock()

    async def endpoint(request: Request) -> Response:
        archives = [
            (root / PYTHON_PACKAGES_ZIP.relative_to(ROOT)).read_bytes(),
            zip_tree(root / "app", root, bytecode=False),
        ]
        etag = f'"{snapshot_key(archives)}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        async with making:
            data = await run_in_threadpool(make_snapshot, archives)
        return Response(data, media_type="application/gzip", headers={"ETag": etag})

    return endpoint


def tree_site(root: Path) -> ASGIApp:
    """Only what the browser needs: never the checkout itself (.git, data, .venv)."""
    pages = [Route(f"/{name}", _file(root / name)) for name in (*PAGES, *widget_files(root))]
    return CacheControl(
        Router(
            routes=[
                Route("/", _file(root / "index.html")),
                *pages,
                Route("/app.zip", app_archive(root)),
                Route(f"/{SNAPSHOT_NAME}", app_snapshot(root)),
                Mount("/static", StaticFiles(directory=root / "static")),
            ]
        ),
        cache_policy,
    )


def _file(path: Path):
    async def endpoint(request: Request) -> Response:
        return FileResponse(path)

    return endpoint
