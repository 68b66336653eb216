"""`build.py migrate-data`: a SQLite data folder into a PostgreSQL database.

Each service's rows go into its schema (`server.database.transfer`), and the rest of its folder
(Openwhyd's uploads and audio, heavy's signing key and its files store: uploads, compiled jobs and
target archives, unless `serve --heavy-files` kept them elsewhere) into the new data folder, which
`serve --data NEW --database URL` then runs on; given the same folder, the files stay where they
are. Everything is checked before anything is written: the database must have no row, the new
folders no file. Run it with the server stopped: rows written meanwhile would not be copied.
"""

import shutil
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from server.clock import Clock
from server.database import Database, engine_for, sqlite_url
from server.database.transfer import NotEmpty, copy_rows, refuse_filled
from server.heavy.store import Store as HeavyStore
from server.openwhyd.store import Store as OpenwhydStore
from server.private_files import service_folder

SERVICES = ("openwhyd", "heavy")
DATABASE_FILES = ("*.sqlite3", "*.sqlite3-wal", "*.sqlite3-shm", "*.sqlite3.lock")
BUSY_TIMEOUT = 30.0


@dataclass(frozen=True)
class Copied:
    service: str
    rows: dict[str, int]
    """Per table."""
    files: int


def open_database(url: str, service: str, clock: Clock) -> Database:
    """The service's database at `url`, migrated as the service migrates it on opening."""
    engine = engine_for(url, service, BUSY_TIMEOUT)
    store = OpenwhydStore(engine, clock.now()) if service == "openwhyd" else HeavyStore(engine, clock)
    return store.database


def files(folder: Path) -> list[Path]:
    """The files of a service folder that are not its SQLite database."""
    return [
        path.relative_to(folder)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not any(fnmatch(path.name, pattern) for pattern in DATABASE_FILES)
    ]


def copy_data_folder(source: Path, url: str, data: Path, clock: Clock) -> list[Copied]:
    """Every service that has a database under `source`, into `url` and `data`; what was copied."""
    services = [name for name in SERVICES if (source / name / f"{name}.sqlite3").is_file()]
    if not services:
        raise FileNotFoundError(f"{source} holds no service's SQLite database")
    moving_files = data.resolve() != source.resolve()
    for name in services:
        if moving_files and (data / name).exists() and any((data / name).iterdir()):
            raise NotEmpty(f"{data / name} is not empty")
    pairs = {
        name: (open_database(sqlite_url(source), name, clock), open_database(url, name, clock))
        for name in services
    }
    for old, new in pairs.values():
        refuse_filled(old, new)
    return [_copy_service(name, *pairs[name], source / name, data, moving_files) for name in services]


def _copy_service(
    name: str, old: Database, new: Database, folder: Path, data: Path, moving_files: bool
) -> Copied:
    rows = copy_rows(old, new)
    if not moving_files:
        return Copied(name, rows, 0)
    ignore = shutil.ignore_patterns(*DATABASE_FILES)
    shutil.copytree(folder, service_folder(data, name), ignore=ignore, dirs_exist_ok=True)
    wanted, found = files(folder), files(data / name)
    if wanted != found:
        raise RuntimeError(f"{name}: {len(wanted)} files to copy, {len(found)} copied")
    return Copied(name, rows, len(found))
