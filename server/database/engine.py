"""What differs between database engines, behind one small interface.

The services' SQL is written once for every engine where it can be: `?` placeholders,
`INSERT … ON CONFLICT … DO NOTHING / DO UPDATE`, `RETURNING`, `coalesce`. What cannot be is an
engine's: connecting, how a write transaction starts, running a migration script, full-text
matching, and telling other processes of a commit (PostgreSQL's `NOTIFY`, nothing on SQLite).
Migration scripts are per engine where their SQL is (`NNNN-what.<engine>.sql`), and every
migration needs a script each engine runs. Where plain SQL differs between the engines, the
stores spell it out: `NULLS FIRST` where NULLs must sort first (SQLite's default, not PostgreSQL's),
no `LIMIT -1` (SQLite's "no limit").

A connection takes `?` placeholders and gives rows that read by column name and by position; an
engine whose driver wants another style (psycopg's `%s`) translates. A value whose type must be
kept in a column that holds several is passed as a `Variant`.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """In autocommit mode: a transaction is only what `Database.write()` opens."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


class Row(Protocol):
    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def keys(self) -> list[str]: ...


class Listening(Protocol):
    def stop(self) -> None:
        """Stops hearing, and closes what it heard on."""


class Engine(Protocol):
    name: str
    """Picks the migration scripts written for this engine (`sqlite`, `postgresql`)."""

    def prepare(self) -> None:
        """Make the database ready for its first connection, readable by this user alone."""

    def connect(self) -> Connection: ...

    def preparing(self) -> AbstractContextManager[None]:
        """Held while a process makes what a fresh database starts with (a demo world), so that
        processes starting together make it once: the next one waits, then finds it made. Unlike
        a write, it may last while the work it wraps opens transactions of its own."""

    def begin_write(self, db: Connection) -> None:
        """Start a transaction that runs alone among writers, so a block may read, then write what
        it read (a job's number) with no other write between. SQLite's `BEGIN IMMEDIATE` takes the
        database's write lock; PostgreSQL takes an advisory lock of the service's."""

    skip_locked: str
    """Ends a `SELECT` in a `begin_claim` transaction so that claimers running at once take
    different rows: PostgreSQL's `FOR UPDATE SKIP LOCKED`; nothing on SQLite, whose claims run
    one at a time."""

    def begin_claim(self, db: Connection) -> None:
        """Start a transaction that claims queued rows (a compile job): on SQLite `BEGIN IMMEDIATE`,
        alone among writers; on PostgreSQL a plain `BEGIN`, so claimers pass each other by
        `skip_locked` instead of waiting on the service's writer lock."""

    def notify(self, db: Connection, channel: str) -> None:
        """Tell this database's listeners on `channel` (`listen`, in any process), once the
        transaction open on `db` commits: a rolled-back one tells no one. SQLite tells no one: its
        processes share one machine, and each wakes its own threads."""

    def listen(self, channels: Sequence[str], heard: Callable[[str], None]) -> Listening | None:
        """A thread of its own calling `heard(channel)` for each notification on `channels`, until
        stopped; None where there is nothing to hear (SQLite)."""

    def analyze(self, db: Connection) -> None:
        """Let the query planner learn the shape of the data (how many rows an index narrows a
        search to), once much was loaded: it guesses otherwise, and may walk the wrong index."""

    def run_script(self, db: Connection, script: str) -> None:
        """Run every statement of `script` inside the transaction `db` has open."""

    def matching(self, table: str, words: Sequence[str]) -> tuple[str, list[Any]]:
        """A subquery of `(seq, rank)` for the rows of `table` whose indexed text has every one of
        `words` as a word prefix, best match lowest `rank`; and its parameters."""
