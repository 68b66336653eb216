"""The database every service's processes share for what is neither service's data: rate-limit
counts. It is a database of its own (SQLite: `shared/shared.sqlite3` in the data folder;
PostgreSQL: the schema `shared`) so that counting, which happens on nearly every request, never
waits behind a service's writers; its migrations are the foundation's, applied here."""

from pathlib import Path

from server.database.database import Database
from server.database.migrations import migrate, read_folder
from server.database.urls import engine_for

NAME = "shared"
MIGRATIONS = read_folder(Path(__file__).with_name("shared_migrations"))


def open_shared(url: str, busy_timeout: float, now: float) -> Database:
    """The shared database beside the services' at `url`, migrated; migrations it applies are
    recorded as applied `now`."""
    database = Database(engine_for(url, NAME, busy_timeout))
    migrate(database, MIGRATIONS, now)
    return database
