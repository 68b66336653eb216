"""Deployment settings: where the services are. One place the deployer edits: pyscript.toml's [tonearm]."""

from dataclasses import dataclass
from typing import Any

from app.openwhyd.paths import DEFAULT_OPENWHYD

PLACEHOLDER_ID = "tonearm"
"""Dailymotion serves its player script per Player ID (made in Dailymotion's Partner HQ) and Deezer's
SDK plays for an application registered for the site's domain: a deployment sets its own ids
(`dailymotion_player`, `deezer_app`); until then those tracks fail to load, are reported and skipped."""


OPENWHYD_ACCESS = ("session", "public")
"""How the app reaches Openwhyd. "session": on the app's own origin (served with it, or through a
reverse proxy), so signing in and every change work. "public": on another origin, such as
https://openwhyd.org, which sends no CORS headers: public profiles, playlists and likes only,
read through JSONP."""


class ConfigError(ValueError):
    """A [tonearm] setting the app cannot start with."""


@dataclass(frozen=True)
class AppConfig:
    openwhyd_base: str = DEFAULT_OPENWHYD
    heavy_base: str = "./heavy"
    version: str = "dev"
    dailymotion_player: str = PLACEHOLDER_ID
    deezer_app: str = PLACEHOLDER_ID
    openwhyd_access: str = "session"
    page_url: str = ""
    """The app page's own address (without its `#…`), which the page knows, not pyscript.toml:
    the embeddable widget sits beside it. "" keeps the widget's address relative."""

    @property
    def openwhyd_public_only(self) -> bool:
        return self.openwhyd_access == "public"

    @classmethod
    def from_pyscript(cls, config: dict[str, Any], page_url: str = "") -> "AppConfig":
        section = config.get("tonearm", {})
        access = str(section.get("openwhyd_access", cls.openwhyd_access))
        if access not in OPENWHYD_ACCESS:
            raise ConfigError(
                f"pyscript.toml: [tonearm] openwhyd_access is {access!r}; "
                f"it can be {' or '.join(map(repr, OPENWHYD_ACCESS))}"
            )
        return cls(
            openwhyd_access=access,
            openwhyd_base=str(section.get("openwhyd", cls.openwhyd_base)),
            heavy_base=str(section.get("heavy", cls.heavy_base)),
            version=str(section.get("version", cls.version)),
            dailymotion_player=str(section.get("dailymotion_player", cls.dailymotion_player)),
            deezer_app=str(section.get("deezer_app", cls.deezer_app)),
            page_url=page_url,
        )
