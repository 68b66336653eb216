"""Local fakes of the third-party players' JS APIs (`fakes/`), answering at each vendor's own script
address on every test page: no test, whatever it plays, reaches YouTube or SoundCloud, and the tests
of the adapters drive the fakes through `window.fakes`."""

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, Route

from app.openwhyd.eid import DAILYMOTION, DEEZER, SOUNDCLOUD, VIMEO, YOUTUBE
from app.player.vendors import SCRIPTS

FAKES = Path(__file__).with_name("fakes")
VENDORS = {
    YOUTUBE: "youtube",
    SOUNDCLOUD: "soundcloud",
    VIMEO: "vimeo",
    DAILYMOTION: "dailymotion",
    DEEZER: "deezer",
}
"""Source kind → the fake of its player, in `fakes/<name>.js`."""
SOUNDCLOUD_WIDGET_FRAME = re.compile(r"^https://w\.soundcloud\.com/player/\?")


def _fake(kind: str, served: Counter) -> Callable[[Route], None]:
    """The fake answers at the vendor's own script address, wrapped with what every fake shares."""
    shared = (FAKES / "playback.js").read_text()
    body = f"(function () {{\n{shared}\n{(FAKES / f'{VENDORS[kind]}.js').read_text()}\n}})();\n"

    def fulfil(route: Route) -> None:
        served[kind] += 1
        route.fulfill(body=body, content_type="text/javascript")

    return fulfil


def serve_fakes(page: Page) -> Counter:
    """Route the vendors' scripts and SoundCloud's widget frame to the fakes; the counter tells how
    many times each source's script was served."""
    served: Counter = Counter()
    for kind in VENDORS:
        page.route(SCRIPTS[kind].url, _fake(kind, served))
    page.route(
        SOUNDCLOUD_WIDGET_FRAME,
        lambda route: route.fulfill(
            body="<!doctype html><title>SoundCloud widget</title>", content_type="text/html"
        ),
    )
    return served
