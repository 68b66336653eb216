"""Local fakes of the third-party players' JS APIs (`fakes/`), answering at each vendor's own script
address on every test page, and stand-ins for their players' frames at the vendors' frame
addresses: no test, whatever it plays, reaches YouTube or SoundCloud, every page's policy is tried
against the vendors' real origins, and the tests of the adapters drive the fakes through
`window.fakes`. The sites the add-track form asks for a track's title answer from here too."""

import html
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Route

from app.openwhyd.eid import DAILYMOTION, DEEZER, SOUNDCLOUD, VIMEO, YOUTUBE
from app.player.vendors import SCRIPTS
from buildkit.page_policy import PLAYER_FRAMES

FAKES = Path(__file__).with_name("fakes")
VENDORS = {
    YOUTUBE: "youtube",
    SOUNDCLOUD: "soundcloud",
    VIMEO: "vimeo",
    DAILYMOTION: "dailymotion",
    DEEZER: "deezer",
}
"""Source kind → the fake of its player, in `fakes/<name>.js`."""
TITLE_LOOKUPS = re.compile(
    r"^https://(www\.youtube\.com/oembed|vimeo\.com/api/v2/video/|www\.dailymotion\.com/services/oembed"
    r"|api\.deezer\.com/track/)"
)
"""Where the add-track form asks a track's title (app/openwhyd/track_titles.py)."""
FAKE_TITLE = "Fake title from the site"


def _title_lookup(route: Route) -> None:
    """Every site names every track `FAKE_TITLE`, in the shape its API answers, readable by the page."""
    url = route.request.url
    body = [{"title": FAKE_TITLE}] if "vimeo.com" in url else {"title": FAKE_TITLE}
    route.fulfill(json=body, headers={"Access-Control-Allow-Origin": "*"})


PLAYER_FRAME = re.compile("^(?:" + "|".join(re.escape(origin) for origin in PLAYER_FRAMES) + ")/")
STAND_IN = (
    "<!doctype html><meta charset='utf-8'><title>{vendor} player</title>"
    "<style>body{{margin:0;display:grid;place-items:center;height:100vh;background:#222;color:#eee;"
    "font:16px sans-serif}}</style><p>A stand-in for {vendor}'s player: {address}</p>"
)


def _fake(kind: str, served: Counter) -> Callable[[Route], None]:
    """The fake answers at the vendor's own script address, wrapped with what every fake shares."""
    shared = (FAKES / "playback.js").read_text()
    body = f"(function () {{\n{shared}\n{(FAKES / f'{VENDORS[kind]}.js').read_text()}\n}})();\n"

    def fulfil(route: Route) -> None:
        served[kind] += 1
        route.fulfill(body=body, content_type="text/javascript")

    return fulfil


def _stand_in(route: Route) -> None:
    """A player's frame, at the vendor's own address, as a page of that origin (with no policy of
    ours): the page's policy must let it be framed. Anything else there goes to the script fakes."""
    request = route.request
    if request.resource_type != "document":
        route.fallback()
        return
    page = STAND_IN.format(vendor=urlsplit(request.url).netloc, address=html.escape(request.url))
    route.fulfill(body=page, content_type="text/html")


def serve_fakes(page: Page) -> Counter:
    """Route the vendors' scripts and player frames to the fakes; the counter tells how many times
    each source's script was served."""
    served: Counter = Counter()
    page.route(PLAYER_FRAME, _stand_in)
    for kind in VENDORS:
        page.route(SCRIPTS[kind].url, _fake(kind, served))
    page.route(TITLE_LOOKUPS, _title_lookup)
    return served
