"""A service's database: a connection per thread, and write transactions."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from server.database.engine import Connection, Engine


class Database:
    """On `engine`, made ready on opening; reads run on the calling thread's connection outside
    any transaction, each statement seeing committed data."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._local = threading.local()
        self._writer = threading.Lock()
        engine.prepare()

    def connection(self) -> Connection:
        """This thread's connection, opened on its first use."""
        db: Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self.engine.connect()
        return db

    @property
    def writing(self) -> bool:
        """Whether a write transaction of this process is open."""
        return self._writer.locked()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction for the block, committed when it ends and rolled back if it raises; it
        runs alone among writers (see `Engine.begin_write`).

        This process's writers queue on a lock first, then take the engine's lock, which keeps
        other processes' writers out (SQLite's write lock, PostgreSQL's advisory lock): the
        engine's lock is then only ever contended across processes, where a writer waits by
        polling (SQLite sleeps 1, 2, 5, 10… ms between tries)."""
        db = self.connection()
        with self._writer:
            self.engine.begin_write(db)
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
