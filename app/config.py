"""Deployment settings: where the services are. One place the deployer edits: pyscript.toml's [tonearm]."""

from dataclasses import dataclass
from typing import Any

PLACEHOLDER_ID = "tonearm"
"""Dailymotion serves its player script per Player ID (made in Dailymotion's Partner HQ) and Deezer's
SDK plays for an application registered for the site's domain: a deployment sets its own ids
(`dailymotion_player`, `deezer_app`); until then those tracks fail to load, are reported and skipped."""


@dataclass(frozen=True)
class AppConfig:
    openwhyd_base: str = "./openwhyd"
    heavy_base: str = "./heavy"
    version: str = "dev"
    dailymotion_player: str = PLACEHOLDER_ID
    deezer_app: str = PLACEHOLDER_ID

    @classmethod
    def from_pyscript(cls, config: dict[str, Any]) -> "AppConfig":
        section = config.get("tonearm", {})
        return cls(
            openwhyd_base=str(section.get("openwhyd", cls.openwhyd_base)),
            heavy_base=str(section.get("heavy", cls.heavy_base)),
            version=str(section.get("version", cls.version)),
            dailymotion_player=str(section.get("dailymotion_player", cls.dailymotion_player)),
            deezer_app=str(section.get("deezer_app", cls.deezer_app)),
        )
