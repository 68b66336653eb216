"""The embed URL's parameters: what to play (`sources.choose`) and how the widget looks and starts."""

from app.openwhyd.paths import EMBED_API, EMBED_LIKES, EMBED_PLAYLIST, EMBED_USER, embedded_api
from app.widget.sources import choose

NAMES = (EMBED_USER, EMBED_PLAYLIST, EMBED_LIKES, "hot", "patch", "theme", "autoplay", EMBED_API)
"""The parameters the widget reads; the browser edge looks up only these."""

HEAVY = "./heavy"
"""Beside `embed.html`, as the full app's default: the heavy service of the same deployment (its
Openwhyd is `paths.DEFAULT_OPENWHYD`, beside it too)."""

THEMES = ("light", "dark")


class Settings:
    """`params` maps each parameter present to its value ('' for a bare flag like `&autoplay`)."""

    def __init__(self, params: dict) -> None:
        self.source = choose(params)
        theme = params.get("theme", "")
        self.theme = theme if theme in THEMES else ""
        self.autoplay = "autoplay" in params and params["autoplay"] not in ("0", "false", "no")
        self.api = embedded_api(params)
