"""Numbered schema scripts per service, each applied once, in its own transaction.

A service keeps its scripts in one folder: `0001-schema.sql` for every engine, or
`0001-schema.sqlite.sql` for one (`Engine.name`) where its SQL is that engine's. Each applied
script is recorded in the table `migrations` with the time it was applied.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from server.database.database import Database
from server.database.engine import Connection

SCRIPT_NAME = re.compile(r"(?P<version>\d{4})-[a-z0-9_-]+(?:\.(?P<engine>[a-z]+))?\.sql")
ANY_ENGINE = ""


@dataclass(frozen=True)
class Migration:
    version: int
    scripts: dict[str, Path]
    """By engine name, `ANY_ENGINE` for a script written for all."""

    def script(self, engine: str) -> str:
        path = self.scripts.get(engine) or self.scripts.get(ANY_ENGINE)
        if path is None:
            raise LookupError(f"migration {self.version} has no script for {engine}")
        return path.read_text(encoding="utf-8")


def read_folder(folder: Path) -> tuple[Migration, ...]:
    """The migrations of `folder`, numbered from 1 with no gap."""
    scripts: dict[int, dict[str, Path]] = {}
    for path in folder.iterdir():
        named = SCRIPT_NAME.fullmatch(path.name)
        if named is None:
            raise ValueError(f"{path} is not named like 0001-what.sql or 0001-what.<engine>.sql")
        scripts.setdefault(int(named["version"]), {})[named["engine"] or ANY_ENGINE] = path
    if sorted(scripts) != list(range(1, len(scripts) + 1)):
        raise ValueError(f"{folder}: migrations are not numbered 1 to {len(scripts)}: {sorted(scripts)}")
    return tuple(Migration(version, scripts[version]) for version in sorted(scripts))


def migrate(
    database: Database,
    migrations: Sequence[Migration],
    now: float,
    applied_before: Callable[[Connection], int] | None = None,
) -> list[int]:
    """Apply the migrations `database` has not recorded, each recorded as applied `now`; return
    their versions. `applied_before` reads how many were applied before the database kept the
    table (heavy counted them in SQLite's `user_version`); those are recorded, not run."""
    with database.write() as db:
        db.execute(
            "CREATE TABLE IF NOT EXISTS migrations"
            " (version INTEGER PRIMARY KEY, applied DOUBLE PRECISION NOT NULL)"
        )
        for version in range(1, (applied_before(db) if applied_before else 0) + 1):
            db.execute(
                "INSERT INTO migrations (version, applied) VALUES (?, ?) ON CONFLICT (version) DO NOTHING",
                (version, now),
            )
    recorded = _recorded(database.connection())
    applied = []
    for migration in migrations:
        if migration.version in recorded:
            continue
        with database.write() as db:
            if migration.version in _recorded(db):
                continue  # another process applied it meanwhile
            database.engine.run_script(db, migration.script(database.engine.name))
            db.execute("INSERT INTO migrations (version, applied) VALUES (?, ?)", (migration.version, now))
        applied.append(migration.version)
    return applied


def _recorded(db: Connection) -> set[int]:
    return {row[0] for row in db.execute("SELECT version FROM migrations")}
