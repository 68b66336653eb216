"""The page policy: the headers the app's own files go out with, so that only our code runs in its
pages, the full app is framed by nobody else, and other sites learn no more than our origin.

The app renders other people's text (track names, comments, bios) and embeds third-party players.
Its templates escape everything; the Content-Security-Policy is the second line of defence, should
that ever fail: no inline script, no script from an origin not named here, no image beacon to a host
not named here. Each page's policy allows exactly what it needs (`app_directives` and
`widget_directives` say why each source is there), with the services' origins read from
`pyscript.toml`'s `[tonearm]`, as the app reads them. `serve` sends these headers (`policy_site`);
`build.py build` writes them into `dist/_headers` for a static host, and README, Deploying, has them
for nginx and Caddy (`policy_files`).
"""

import os
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from starlette.types import ASGIApp

from app.config import AppConfig
from app.player.vendors import SCRIPTS, SOUNDCLOUD_WIDGET
from server.path_headers import PathHeaders

Headers = dict[str, str]
Directives = list[tuple[str, tuple[str, ...]]]

SELF, NONE = "'self'", "'none'"
WASM = "'wasm-unsafe-eval'"
"""Compiling WebAssembly: Pyodide, MicroPython, a heavy patch's web build. `EVAL` covers it too
today; named on its own, it stays when PyScript no longer needs that."""
EVAL = "'unsafe-eval'"
"""PyScript's own: its hooks (plugins', and the one its core adds for workers) are kept as source
text and made into functions again with `Function(…)` as each interpreter starts, on the main
thread too (polyscript's hooks, pyscript/pyscript#1811); without it neither page starts. It lets
script already running evaluate text; it does not let injected markup run anything (inline
script and handlers stay blocked: no `'unsafe-inline'`)."""

PLAYER_SCRIPTS = tuple(sorted({f"https://{urlsplit(script.url).netloc}" for script in SCRIPTS.values()}))
"""The third-party players' scripts (`app/player/vendors.py`), loaded when a track of theirs first
plays; YouTube's loads the rest of its API from its own origin too."""
PLAYER_FRAMES = (
    "https://www.youtube.com",
    SOUNDCLOUD_WIDGET.removesuffix("/player/"),
    "https://player.vimeo.com",
    "https://geo.dailymotion.com",
    "https://www.deezer.com",
    "https://widget.deezer.com",
)
"""Where the players play: the frames their scripts make (YouTube's `/embed/`, Vimeo's `/video/`,
Dailymotion's `/player/`, Deezer's widget), and SoundCloud's widget, which the app makes."""
PLAYER_CONNECTIONS = ("https://vimeo.com",)
"""Vimeo's script asks vimeo.com's oEmbed for the player to make from a video id."""
TITLE_SITES = (
    "https://www.youtube.com",
    "https://vimeo.com",
    "https://www.dailymotion.com",
    "https://api.deezer.com",
)
"""The sites the add-track form asks a track's title (app/openwhyd/track_titles.py `LOOKUPS`)."""
ARTWORK = (
    "https://i.ytimg.com",
    "https://img.youtube.com",
    "https://*.sndcdn.com",
    "https://i.vimeocdn.com",
    "https://*.dmcdn.net",
    "https://*.dzcdn.net",
    "https://*.bcbits.com",
    "https://*.jamendo.com",
    "https://i.scdn.co",
)
"""The hosts Openwhyd records a track's image at (`img`): each source's thumbnails."""
PUBLIC_OPENWHYD = "https://openwhyd.org"
"""The public Openwhyd, which any site may read by JSONP: the widget reads it with
`&api=https://openwhyd.org` (README, The embeddable widget)."""

REFERRER_POLICY = "strict-origin-when-cross-origin"
"""Another origin learns only ours, never a page's path or its `#/…` route; not `no-referrer`:
YouTube refuses to play for a page that sends none (error 153)."""
UNUSED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")
PLAYERS_ALLOWED = " ".join(["self", *(f'"{origin}"' for origin in PLAYER_FRAMES)])
PERMISSIONS_POLICY = ", ".join(
    [
        f"autoplay=({PLAYERS_ALLOWED})",
        f"fullscreen=({PLAYERS_ALLOWED})",
        *(f"{name}=()" for name in UNUSED_FEATURES),
    ]
)
"""Autoplay and fullscreen for the page and the player frames only (a queue plays on by itself; a
video may go full screen); the powerful features nothing of ours uses, for nobody."""
WIDGET_PERMISSIONS_POLICY = ", ".join(
    ["autoplay=(self)", "fullscreen=()", *(f"{name}=()" for name in UNUSED_FEATURES)]
)
"""The widget plays its audio itself (`&autoplay`) and holds no frames."""


def origin_of(url: str) -> str | None:
    """`https://host:port` of an absolute http(s) URL; None for a relative one, which `'self'` covers."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _origins(*urls: str) -> tuple[str, ...]:
    found = (origin_of(url) for url in urls)
    return tuple(dict.fromkeys(origin for origin in found if origin))


def app_directives(config: AppConfig) -> Directives:
    """`index.html`'s policy, source by source."""
    services = _origins(config.openwhyd_base, config.heavy_base)
    jsonp = _origins(config.openwhyd_base) if config.openwhyd_public_only else ()
    return [
        # Nothing the directives below do not name.
        ("default-src", (NONE,)),
        # PyScript, boot.js, the snapshot loader, the runtime; blob: is a heavy patch's AudioWorklet,
        # added from the build's bytes so that the token stays in a header; with public Openwhyd
        # access, its JSONP.
        ("script-src", (SELF, WASM, EVAL, "blob:", *PLAYER_SCRIPTS, *jsonp)),
        # The stylesheets, ours and PyScript's; the app sets styles through the DOM only.
        ("style-src", (SELF,)),
        # The services (fetch), the app's archives and runtime the page fetches itself, and the
        # sites that say a track's title.
        ("connect-src", (SELF, *services, *dict.fromkeys((*PLAYER_CONNECTIONS, *TITLE_SITES)))),
        # Openwhyd's pictures (avatars, covers, playlists), the tracks' artwork, data: for the
        # preview of a picture about to be uploaded.
        ("img-src", (SELF, "data:", *_origins(config.openwhyd_base), *ARTWORK)),
        # Audio files are tracks at any address anyone posted; media cannot run code.
        ("media-src", ("*", "blob:")),
        ("frame-src", PLAYER_FRAMES),
        # The service worker (sw.js).
        ("worker-src", (SELF,)),
        ("base-uri", (NONE,)),
        ("form-action", (NONE,)),
        # The full app is framed by no other site (clickjacking); embed.html is the page for that.
        ("frame-ancestors", (SELF,)),
    ]


def widget_directives(config: AppConfig) -> Directives:
    """`embed.html`'s policy, source by source: framed by any site, reading lists by JSONP."""
    openwhyds = _origins(config.openwhyd_base, PUBLIC_OPENWHYD)
    return [
        ("default-src", (NONE,)),
        # PyScript, MicroPython, the heavy service's player module (beside the widget); the lists'
        # JSONP from the Openwhyd beside it, the configured one, which the app's Embed menu names
        # (`&api=`), and the public one. No other `&api=` runs script here.
        ("script-src", (SELF, WASM, EVAL, *openwhyds)),
        ("style-src", (SELF,)),
        # widget.romfs, hot tracks, a patch's facts and web build.
        ("connect-src", (SELF, *openwhyds)),
        ("img-src", (SELF, *openwhyds, *ARTWORK)),
        ("media-src", ("*", "blob:")),
        ("base-uri", (NONE,)),
        ("form-action", (NONE,)),
        # Made to be pasted into any web page.
        ("frame-ancestors", ("*",)),
    ]


WORKER_DIRECTIVES: Directives = [("default-src", (NONE,)), ("connect-src", (SELF,))]
"""sw.js's own policy (a worker takes its script's): it fetches only the app's files."""


def serialized(directives: Directives) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


EVERY_FILE = "/*"
PAGES = ("/", "/index.html", "/embed.html", "/sw.js")
"""The files with a policy of their own; the configuration says what the pages' policies allow."""


def page_headers(config: AppConfig) -> dict[str, Headers]:
    """The headers by path below the app's root, as `_headers` lists them: `/*` for every file."""
    app = {
        "Content-Security-Policy": serialized(app_directives(config)),
        "Permissions-Policy": PERMISSIONS_POLICY,
    }
    return {
        EVERY_FILE: {"Referrer-Policy": REFERRER_POLICY, "X-Content-Type-Options": "nosniff"},
        "/": app,
        "/index.html": app,
        "/embed.html": {
            "Content-Security-Policy": serialized(widget_directives(config)),
            "Permissions-Policy": WIDGET_PERMISSIONS_POLICY,
        },
        "/sw.js": {"Content-Security-Policy": serialized(WORKER_DIRECTIVES)},
    }


def headers_at(table: Mapping[str, Headers], path: str) -> Headers:
    """What a static host that reads `_headers` sends for `path`: `/*`'s and the path's own."""
    return {**table[EVERY_FILE], **table.get(path, {})}


def read_config(path: Path) -> AppConfig:
    """The configuration the pages beside `path` (a `pyscript.toml`) start with."""
    with path.open("rb") as file:
        return AppConfig.from_pyscript(tomllib.load(file))


def policy_site(site: ASGIApp, config: Path) -> ASGIApp:
    """`site` with the page policy for the configuration in `config`, read again when it changes."""
    return PathHeaders(site, _configured(config))


def _configured(config: Path) -> Callable[[str], Headers]:
    made: dict[tuple[int, int], dict[str, Headers]] = {}

    def table() -> dict[str, Headers]:
        status = os.stat(config)
        version = (status.st_mtime_ns, status.st_size)
        if version not in made:
            made.clear()
            made[version] = page_headers(read_config(config))
        return made[version]

    every_file = {EVERY_FILE: page_headers(read_config(config))[EVERY_FILE]}

    def headers_for(path: str) -> Headers:
        return headers_at(table() if path in PAGES else every_file, path)

    return headers_for
