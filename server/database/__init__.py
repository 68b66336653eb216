"""One database layer under both services: connections and write transactions (`Database`),
numbered migrations (`migrations`), and what differs per engine behind `Engine`: SQLite, the
embedded default, or PostgreSQL (`postgresql`, imported only when a URL names it), chosen by a
database URL (`urls`)."""

from server.database.database import Database
from server.database.engine import Connection, Cursor, Engine, Row
from server.database.migrations import Migration, migrate, read_folder
from server.database.sqlite import SqliteEngine
from server.database.urls import engine_for, sqlite_url
from server.database.variant import Variant, variant

__all__ = [
    "Connection",
    "Cursor",
    "Database",
    "Engine",
    "Migration",
    "Row",
    "SqliteEngine",
    "Variant",
    "engine_for",
    "migrate",
    "read_folder",
    "sqlite_url",
    "variant",
]
