"""The `Downloads` port: bytes handed to the browser as a file to save."""

import js
from pyodide.ffi import to_js
from pyscript import document

from app.ui.browser.dom import options
from app.ui.core.ports import Timers

URL_LIFETIME = 60
"""Seconds the file's `blob:` URL stays valid: the browser has started the download long before."""


class BrowserDownloads:
    def __init__(self, timers: Timers) -> None:
        self._timers = timers

    def save(self, name: str, content: bytes, mime: str) -> None:
        """Hand `content` to the browser as a download called `name`."""
        blob = js.Blob.new(to_js([content]), options(type=mime))
        url = js.URL.createObjectURL(blob)
        link = document.createElement("a")
        link.href = url
        link.download = name
        link.click()
        self._timers.set_timer(URL_LIFETIME, lambda: js.URL.revokeObjectURL(url))
