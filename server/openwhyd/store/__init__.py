"""The SQLite database of the service: one connection per thread, WAL, a transaction per write."""

import secrets
import sqlite3
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from server.openwhyd.store.schema import migrate

T = TypeVar("T")
MEMO_SIZE = 256


class Store:
    """Opens `path` on each thread that asks; `write()` wraps a block in one transaction.

    This process is the database's only writer, so it knows when data changes: `remembered`
    keeps costly read results until the next write. Migrations it applies on opening are
    recorded as applied at `opened_at`.
    """

    def __init__(self, path: Path, opened_at: float) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._generation = 0
        self._memo: dict[Hashable, object] = {}
        self._memo_generation = 0
        migrate(self.db(), opened_at)

    def db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 10000")
            self._local.db = db
        return db

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        db = self.db()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        with self._lock:
            self._generation += 1

    def recall(self, key: Hashable) -> tuple[int, object | None]:
        """The current data generation, and what was kept for `key` in it (or None)."""
        with self._lock:
            if self._memo_generation != self._generation:
                self._memo, self._memo_generation = {}, self._generation
            return self._generation, self._memo.get(key)

    def keep(self, key: Hashable, generation: int, value: object) -> None:
        """Keep `value`, computed from data of `generation`, unless something was written since."""
        with self._lock:
            if self._memo_generation == generation == self._generation and len(self._memo) < MEMO_SIZE:
                self._memo[key] = value

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, or its result from an earlier call if nothing was written since."""
        generation, value = self.recall(key)
        if value is None:
            value = compute()
            self.keep(key, generation, value)
        return value

    def secret(self, name: str) -> str:
        """A random secret made on first use and kept in the database (session and signup keys)."""
        with self.write() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
            if row:
                return row["value"]
            value = secrets.token_hex(32)
            db.execute("INSERT INTO meta VALUES (?, ?)", (name, value))
            return value
