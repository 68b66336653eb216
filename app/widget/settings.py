"""The embed URL's parameters: what to play (`sources.choose`) and how the widget looks and starts."""

from app.widget.sources import choose

NAMES = ("u", "pl", "likes", "hot", "patch", "theme", "autoplay", "api")
"""The parameters the widget reads; the browser edge looks up only these."""

DEFAULT_OPENWHYD = "./openwhyd"
HEAVY = "./heavy"
"""Beside `embed.html`, as the full app's defaults: the services of the same deployment."""

THEMES = ("light", "dark")


class Settings:
    """`params` maps each parameter present to its value ('' for a bare flag like `&autoplay`)."""

    def __init__(self, params: dict) -> None:
        self.source = choose(params)
        theme = params.get("theme", "")
        self.theme = theme if theme in THEMES else ""
        self.autoplay = "autoplay" in params and params["autoplay"] not in ("0", "false", "no")
        self.api = params.get("api", "").strip() or DEFAULT_OPENWHYD
