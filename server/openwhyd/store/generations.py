"""The number Openwhyd's read cache is keyed on: it moves on with every write, so that an answer
kept in one generation is never given in a later one.

A process alone on its database counts its own commits in memory (`LocalGeneration`), which costs
nothing. Where other processes write too, the number is a row of the database that every write
transaction moves on (`SharedGeneration`), read once per cached request.
"""

import threading
from typing import Protocol

from server.database import Connection, Database


class Generation(Protocol):
    def written(self, db: Connection) -> None:
        """Inside a write transaction, before it commits."""

    def committed(self) -> None:
        """After the write transaction committed."""

    def current(self) -> int: ...

    def unchanged(self, generation: int) -> bool:
        """Whether an answer computed after `generation` was read may be kept under it."""


class LocalGeneration:
    """Moves on after each commit: a reader that read the number before cannot keep an answer it
    read from the data before the commit."""

    def __init__(self) -> None:
        self._n = 0
        self._lock = threading.Lock()

    def written(self, db: Connection) -> None:
        pass

    def committed(self) -> None:
        with self._lock:
            self._n += 1

    def current(self) -> int:
        return self._n

    def unchanged(self, generation: int) -> bool:
        return generation == self._n


class SharedGeneration:
    """Moves on in the write's own transaction: whoever reads the new number then reads the new
    data. An answer computed after reading a number reads data at least that new, so it may
    always be kept under it; the next reader of a newer number drops it."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def written(self, db: Connection) -> None:
        db.execute(
            "INSERT INTO generation (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = generation.n + 1"
        )

    def committed(self) -> None:
        pass

    def current(self) -> int:
        row = self.database.connection().execute("SELECT n FROM generation WHERE id = 1").fetchone()
        return row[0] if row else 0

    def unchanged(self, generation: int) -> bool:
        return True
