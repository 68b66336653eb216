"""Deployment settings: where the services are. One place the deployer edits: pyscript.toml's [tonearm]."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AppConfig:
    openwhyd_base: str = "./openwhyd"
    heavy_base: str = "./heavy"
    version: str = "dev"

    @classmethod
    def from_pyscript(cls, config: dict[str, Any]) -> "AppConfig":
        section = config.get("tonearm", {})
        return cls(
            openwhyd_base=str(section.get("openwhyd", cls.openwhyd_base)),
            heavy_base=str(section.get("heavy", cls.heavy_base)),
            version=str(section.get("version", cls.version)),
        )
