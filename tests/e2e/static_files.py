"""A plain static file server on loopback, as a static host serves dist/: no app code of ours."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MISSING_RESOURCE = "console: Failed to load resource: the server responded with a status of 404"
"""How Chromium reports a file the host does not have."""


class QuietFiles(SimpleHTTPRequestHandler):
    """Python's static file server as it comes: no MIME types of ours (it already types .mjs, .wasm
    and .zip right; pyscript.toml goes out as octet-stream, which PyScript reads)."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving_files(root: Path) -> Iterator[str]:
    """The origin of a server of `root`'s files, for as long as the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietFiles, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
