"""The app's own files as a built `dist/` serves them, with the cache policy a deployer would set."""

import mimetypes
import re
from pathlib import Path

from starlette.types import ASGIApp

from server.cache_control import CacheControl
from server.encoded_files import EncodedFiles

mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/toml", ".toml")

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
VERSIONED = re.compile(r"/static/vendor/[a-z-]+-\d[\w.-]*/|/assets/[^/]+\.[0-9a-f]{12,}\.")


def cache_policy(path: str) -> str:
    """Versioned runtime files never change, so browsers keep them; everything else revalidates."""
    return IMMUTABLE if VERSIONED.search(path) else REVALIDATE


def dist_site(dist: Path) -> ASGIApp:
    """Each file with the compressed copies `build.py build` wrote beside it."""
    return CacheControl(EncodedFiles(dist, html=True), cache_policy)
