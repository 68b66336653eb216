"""A faithful stand-in for the Openwhyd server (shared/reference/openwhyd-api.md), on SQLite."""

from server.openwhyd.app import banner, create_app
from server.openwhyd.service import Service
from server.settings import Settings

__all__ = ["banner", "create_app", "prepare"]


def prepare(settings: Settings) -> None:
    """What each server process does on starting (migrations, secrets, the demo world), done once."""
    Service.open(settings)
