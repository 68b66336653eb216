"""What a file's server answers a HEAD request for it: the audio adapter's way to tell a missing
file from one the browser cannot play."""

import js
from pyodide.ffi import JsException, to_js


async def http_status(url: str) -> int | None:
    """The status, or None when no answer came (no network, or another origin that does not let
    this page read it)."""
    try:
        request = to_js({"method": "HEAD", "cache": "no-store"}, dict_converter=js.Object.fromEntries)
        response = await js.fetch(url, request)
    except JsException:
        return None
    return int(response.status)
