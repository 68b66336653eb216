"""A folder's files, each answered in the content coding the client accepts (server.content_coding).

Paths are resolved as StaticFiles resolves them (nothing outside the folder, `index.html` for a
folder's URL), and StaticFiles answers whatever is not a file: redirects, 404s, other methods.
"""

import hashlib
import mimetypes
import os
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path

import anyio.to_thread
from starlette.datastructures import Headers
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from server.content_coding import CODINGS, Encoded, Variant, coded_etag, encoded_response

Encode = Callable[[Path, os.stat_result], Awaitable[Encoded]]
"""A file's variants, given the file and its status."""


def media_type(path: Path) -> str:
    """The file's type; a file that is itself compressed (`x.js.br`) is only bytes."""
    kind, coding = mimetypes.guess_type(path.name)
    return "application/octet-stream" if coding or kind is None else kind


def precompressed_siblings(path: Path, status: os.stat_result) -> Encoded:
    """The file and the copies `build.py build` wrote beside it (`x.js.br`, `x.js.gz`). Its ETag is
    StaticFiles', so caches made before compression stay valid; each copy's adds its coding."""
    stamp = f"{status.st_mtime}-{status.st_size}".encode()
    etag = f'"{hashlib.md5(stamp, usedforsecurity=False).hexdigest()}"'
    coded = {}
    for coding, suffix in CODINGS.items():
        copy = path.with_name(path.name + suffix)
        if copy.is_file():
            coded[coding] = Variant(copy, coded_etag(etag, coding))
    return Encoded(media_type(path), Variant(path, etag), coded)


async def on_disk(path: Path, status: os.stat_result) -> Encoded:
    return await anyio.to_thread.run_sync(precompressed_siblings, path, status)


class EncodedFiles:
    def __init__(self, directory: Path, encode: Encode = on_disk, *, html: bool = False) -> None:
        self.files = StaticFiles(directory=directory, html=html)
        self.encode = encode

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = None
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            found = await anyio.to_thread.run_sync(self._file, scope)
        if found is None:
            await self.files(scope, receive, send)
            return
        encoded = await self.encode(*found)
        await encoded_response(encoded, Headers(scope=scope), scope["method"])(scope, receive, send)

    def _file(self, scope: Scope) -> tuple[Path, os.stat_result] | None:
        try:
            path = self.files.get_path(scope)
            full, status = self.files.lookup_path(path)
            folder = status is not None and stat.S_ISDIR(status.st_mode)
            if folder and self.files.html and scope["path"].endswith("/"):
                full, status = self.files.lookup_path(os.path.join(path, "index.html"))
        except (OSError, ValueError):
            return None
        if status is None or not stat.S_ISREG(status.st_mode):
            return None
        return Path(full), status
