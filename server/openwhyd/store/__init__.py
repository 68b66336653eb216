"""The service's database: its migrations, its writes, and the reads kept until the next write."""

import secrets
import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path

from server.database import Connection, Database, Engine, migrate, read_folder
from server.openwhyd.store.generations import Generation, LocalGeneration, SharedGeneration
from server.openwhyd.store.ranking import Ranking

MEMO_SIZE = 256
MIGRATIONS = read_folder(Path(__file__).parent / "migrations")


class Store:
    """On `engine`; `db()` is the calling thread's connection, `write()` wraps a block in one
    transaction.

    `recall` gives what `keep` kept until the next write, of this process or (when `shared`, as
    other processes write to the database too) of any. `/hot`'s rankings read what changed from
    the database itself: one for the moving week, one for the `sinceId` last asked for, so that
    neither pushes the other back to a rebuild. Migrations it applies on opening are recorded as
    applied at `opened_at`.
    """

    def __init__(self, engine: Engine, opened_at: float, shared: bool = False) -> None:
        self.database = Database(engine)
        self._lock = threading.Lock()
        self._generation: Generation = SharedGeneration(self.database) if shared else LocalGeneration()
        self._memo: dict[Hashable, object] = {}
        self._memo_generation = 0
        self.week_ranking, self.since_ranking = Ranking(), Ranking()
        migrate(self.database, MIGRATIONS, opened_at)

    def db(self) -> Connection:
        return self.database.connection()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.database.write() as db:
            self._generation.written(db)
            yield db
        self._generation.committed()

    def analyze(self) -> None:
        """After a seed is loaded, and on each start, as the data may have grown meanwhile."""
        self.database.engine.analyze(self.db())

    def recall(self, key: Hashable) -> tuple[int, object | None]:
        """The current data generation, and what was kept for `key` in it (or None). A reader
        that read an older generation than the last one (it began before a write, another
        finished after) finds nothing, and leaves what was kept alone."""
        generation = self._generation.current()
        with self._lock:
            if generation > self._memo_generation:
                self._memo, self._memo_generation = {}, generation
            return generation, self._memo.get(key) if generation == self._memo_generation else None

    def keep(self, key: Hashable, generation: int, value: object) -> None:
        """Keep `value`, computed from data of `generation`, unless something was written since."""
        with self._lock:
            if (
                self._memo_generation == generation
                and self._generation.unchanged(generation)
                and len(self._memo) < MEMO_SIZE
            ):
                self._memo[key] = value

    def secret(self, name: str) -> str:
        """A random secret made on first use and kept in the database (session and signup keys)."""
        with self.write() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
            if row:
                return row["value"]
            value = secrets.token_hex(32)
            db.execute("INSERT INTO meta VALUES (?, ?)", (name, value))
            return value
