"""The engine a database URL names: `sqlite:///DIR` (each service's file under `DIR/<service>/`,
as `serve --data DIR` keeps them) or `postgresql://user@host:port/db` (each service in a schema of
its own)."""

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from server.database.engine import Engine
from server.database.sqlite import SqliteEngine
from server.private_files import service_folder

SQLITE = "sqlite:///"
POSTGRESQL = ("postgresql://", "postgres://")


def sqlite_url(folder: Path) -> str:
    return SQLITE + str(folder)


def database_url(url: str) -> str:
    """`url` if it names an engine, else a ValueError (argparse's `type` for `--database`)."""
    if url.startswith(POSTGRESQL) or (url.startswith(SQLITE) and len(url) > len(SQLITE)):
        return url
    raise ValueError(f"not sqlite:///DIR or postgresql://user@host:port/db: {shown(url)!r}")


def shown(url: str) -> str:
    """`url` as a log or a terminal may show it: its password, in the user part or as a
    `password=` parameter (libpq takes both), replaced by `***`."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if parts.password is None and all(key != "password" for key, _ in query):
        return url
    netloc = parts.netloc
    if parts.password is not None:
        netloc = f"{parts.username or ''}:***@{netloc.rpartition('@')[2]}"
    hidden = [(key, "***" if key == "password" else value) for key, value in query]
    return urlunsplit(parts._replace(netloc=netloc, query=urlencode(hidden, safe="*")))


def engine_for(url: str, service: str, busy_timeout: float) -> Engine:
    """`busy_timeout`: seconds a writer waits for another's lock before it fails."""
    if database_url(url).startswith(POSTGRESQL):
        from server.database.postgresql import PostgresEngine  # psycopg, for PostgreSQL alone

        return PostgresEngine(url, service, busy_timeout)
    folder = service_folder(Path(url.removeprefix(SQLITE)), service)
    return SqliteEngine(folder / f"{service}.sqlite3", busy_timeout)
