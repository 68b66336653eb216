"""The SQLite file: connections with the pragmas every use needs, and the schema's migrations."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        start_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        UNIQUE (user_id, start_date)
    );
    CREATE TABLE patches (
        id INTEGER PRIMARY KEY,
        owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        creator_id INTEGER NOT NULL REFERENCES users(id),
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        public INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (owner_id, name)
    );
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        patch_id INTEGER NOT NULL REFERENCES patches(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        release TEXT NOT NULL,
        submitted_by INTEGER NOT NULL REFERENCES users(id),
        submitted_at TEXT NOT NULL,
        compile_time REAL NOT NULL,
        warnings TEXT NOT NULL,
        errors TEXT NOT NULL,
        UNIQUE (patch_id, idx)
    );
    CREATE TABLE targets (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        compile_time REAL NOT NULL,
        built_at TEXT NOT NULL,
        UNIQUE (job_id, path)
    );
    """,
)


def connect(path: Path) -> sqlite3.Connection:
    """WAL with `synchronous = NORMAL`: safe from corruption, and a commit costs no fsync."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE so concurrent writers queue on the lock instead of failing mid-way."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def migrate(path: Path) -> None:
    """Bring the file to the newest schema; `user_version` counts the migrations applied."""
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        with transaction(conn):
            applied = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[applied:], start=applied + 1):
                for statement in filter(str.strip, script.split(";")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
    finally:
        conn.close()
