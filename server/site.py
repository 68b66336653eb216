"""The app's own files: from the working tree (edits show on reload) or from a built dist/."""

import mimetypes
import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from buildkit.archive import zip_tree
from buildkit.dist import widget_files
from server.cache_control import CacheControl

mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/toml", ".toml")

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
VERSIONED = re.compile(r"/static/vendor/[a-z-]+-\d[\w.-]*/|/assets/[^/]+\.[0-9a-f]{12,}\.")
TREE_PAGES = ("index.html", "pyscript.toml", "embed.html")


def cache_policy(path: str) -> str:
    """Versioned runtime files never change, so browsers keep them; everything else revalidates."""
    return IMMUTABLE if VERSIONED.search(path) else REVALIDATE


def app_archive(root: Path):
    """`app.zip` made from the tree on each request, so an edit shows on the next reload."""

    async def endpoint(request: Request) -> Response:
        data = zip_tree(root / "app", root, bytecode=False)
        return Response(data, media_type="application/zip")

    return endpoint


def tree_site(root: Path) -> ASGIApp:
    """Only what the browser needs: never the checkout itself (.git, data, .venv)."""
    pages = [Route(f"/{name}", _file(root / name)) for name in (*TREE_PAGES, *widget_files(root))]
    return CacheControl(Router(routes=[
        Route("/", _file(root / "index.html")),
        *pages,
        Route("/app.zip", app_archive(root)),
        Mount("/static", StaticFiles(directory=root / "static")),
    ]), cache_policy)


def dist_site(dist: Path) -> ASGIApp:
    return CacheControl(StaticFiles(directory=dist, html=True), cache_policy)


def _file(path: Path):
    async def endpoint(request: Request) -> Response:
        return FileResponse(path)

    return endpoint
