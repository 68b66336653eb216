"""A faithful stand-in for the Openwhyd server (shared/reference/openwhyd-api.md), on SQLite."""

from server.openwhyd.app import banner, create_app

__all__ = ["banner", "create_app"]
