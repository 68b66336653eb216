"""What `build.py bench` loads: the app and the widget, their baselines (bare PyScript pages that
print one line, written into the dist it serves), and the shared links whose first sound it times.
"""

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from buildkit.lock import read_lock
from buildkit.paths import STOCK_STDLIB, VENDOR
from server.content_coding import CODINGS

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare</title>
<script type="module" src="./{root}static/vendor/{core}/core.js"></script></head>
<body><script type="{kind}" config='{{"interpreter": "./{root}static/vendor/{interpreter}"}}'>
print("hello from {name}")
</script></body></html>
"""
"""A baseline: what PyScript with an interpreter costs before any code of ours."""
UNCOMPRESSED = "raw/"
"""Where the bare Pyodide page's runtime is copied without compressed copies beside it: the
page as a server that compresses nothing sends it (the issue's first baseline)."""

PROBES = """
addEventListener("py:all-done", () => { window.__allDone ??= performance.now(); });
new MutationObserver(() => {
  if (document.documentElement.dataset.ready === "true") window.__appReady ??= performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
const heard = () => { window.__firstSound ??= performance.now(); };
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function (...args) {
  this.addEventListener("playing", heard, { once: true });
  return play.apply(this, args);
};
"""
"""Records, in milliseconds since the navigation started, when each page is ready (the app's
marker on <html>, a bare page's py:all-done) and when a media element first plays (the app's
<audio> is not in the document, so `play` itself is watched)."""
READY = {"app": "window.__appReady", "bare": "window.__allDone"}
SOUND = "window.__firstSound"

SHARED_PLAYLIST = "#/u/admin/playlists/0"
"""The demo's "Offline tones": audio files the service serves itself."""


def click_first_play(page) -> None:
    """A listener opening a shared playlist presses play on its first track as soon as it shows."""
    page.wait_for_function(f"{READY['app']} !== undefined", timeout=180_000)
    page.get_by_role("button", name=re.compile("^Play ")).first.click()


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    measured: str
    """A JS expression, undefined until the page got there: milliseconds since navigation."""
    warm: bool = True
    """Also reloaded once settled, as a later visit."""
    settled: str | None = None
    """What the page still does after it is ready, awaited before the warm reload as a later
    visit would: the app's service worker storing the files of the first start, and the startup
    snapshot if that start went without it."""
    then: Callable | None = None
    """What a visitor does once the page shows, before `measured` can happen."""


PAGES = (
    Page("bare", "bare.html", READY["bare"]),
    Page("bare-raw", "bare-raw.html", READY["bare"], warm=False),
    Page("app", "index.html", READY["app"], settled="html[data-offline='ready'][data-snapshot]"),
    Page("bare-mpy", "bare-mpy.html", READY["bare"]),
    Page("widget", "embed.html?u=admin&pl=0", READY["app"]),
    Page("app-sound", "index.html" + SHARED_PLAYLIST, SOUND, warm=False, then=click_first_play),
    Page("widget-sound", "embed.html?u=admin&pl=0&autoplay", SOUND, warm=False),
)


def write_baselines(dist: Path) -> None:
    """The bare pages beside the app in `dist`, with the standard library Pyodide ships (which
    dist/ leaves out), the uncompressed one with a runtime of its own."""
    pins = {pin.name: pin for pin in read_lock()}
    core, pyodide = pins["@pyscript/core"].into, pins["pyodide"].into
    shutil.copy2(VENDOR / pyodide / STOCK_STDLIB, dist / "static" / "vendor" / pyodide / STOCK_STDLIB)
    micropython = pins["@micropython/micropython-webassembly-pyscript"].into
    for page, root, kind, interpreter, name in (
        ("bare.html", "", "py", f"{pyodide}/pyodide.mjs", "Pyodide"),
        ("bare-raw.html", UNCOMPRESSED, "py", f"{pyodide}/pyodide.mjs", "Pyodide"),
        ("bare-mpy.html", "", "mpy", f"{micropython}/micropython.mjs", "MicroPython"),
    ):
        html = BARE_PAGE.format(root=root, core=core, kind=kind, interpreter=interpreter, name=name)
        (dist / page).write_text(html)
    for folder in (core, pyodide):
        _link_tree(dist / "static" / "vendor" / folder, dist / UNCOMPRESSED / "static" / "vendor" / folder)


def _link_tree(source: Path, target: Path) -> None:
    """`source`'s files but their compressed copies, hard-linked where the file system allows."""
    suffixes = tuple(CODINGS.values())
    for path in source.rglob("*"):
        if path.is_file() and not path.name.endswith(suffixes):
            copy = target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, copy)
            except OSError:
                shutil.copy2(path, copy)
