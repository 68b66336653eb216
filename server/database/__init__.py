"""One database layer under both services: connections and write transactions (`Database`),
numbered migrations (`migrations`), and what differs per engine behind `Engine`; SQLite is the
engine today."""

from server.database.database import Database
from server.database.engine import Connection, Cursor, Engine, Row
from server.database.migrations import Migration, migrate, read_folder
from server.database.sqlite import SqliteEngine

__all__ = [
    "Connection",
    "Cursor",
    "Database",
    "Engine",
    "Migration",
    "Row",
    "SqliteEngine",
    "migrate",
    "read_folder",
]
