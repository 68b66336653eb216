"""What the UI knows between screens: configuration, who is signed in, the runtime it runs on."""

from dataclasses import dataclass, field

from app.config import AppConfig


@dataclass
class Session:
    openwhyd_user: str | None = None
    heavy_user: str | None = None


@dataclass
class AppState:
    config: AppConfig
    session: Session = field(default_factory=Session)
    runtime: dict[str, str] = field(default_factory=dict)
