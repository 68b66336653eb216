"""PostgreSQL, for more than one machine: every service in a schema of its own in one database.

A service's tables live in the schema named after it (`openwhyd`, `heavy`), so both services share
one database and its credentials, their same-named tables (`users`) stay apart, and their SQL
names tables as it does on SQLite, through the connection's `search_path`.

Parameters are bound on the client (psycopg's `ClientCursor`): the stores' SQL tests parameters
for NULL (`? IS NULL OR uid = ?`), which server-side binding cannot type, and SQLite's typing is
as loose. Rows read like `sqlite3.Row`, and PostgreSQL's `numeric` (what `sum` of integers gives)
reads as an int or a float, as SQLite's numbers do.
"""

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, cast

import psycopg
from psycopg import sql
from psycopg.adapt import Loader
from psycopg.types.json import Jsonb

from server.database.engine import Connection, Cursor
from server.database.listener import Listener
from server.database.variant import Variant

TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|\?")
"""String literals, quoted names and comments, where a `?` is no placeholder; or a placeholder."""
LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1024)
def placeholders(statement: str) -> str:
    """`statement` with psycopg's `%s` for each `?` placeholder, and every `%` doubled (psycopg
    reads them in literals too)."""
    return TOKENS.sub(lambda found: "%s" if found[0] == "?" else found[0], statement.replace("%", "%%"))


def lock_key(name: str) -> int:
    """An advisory lock's key for `name`: 64 bits of its hash."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), signed=True)


class Record:
    """A row read by position, by column name (any case, as SQLite's) or as `dict(row)`."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: Sequence[Any]) -> None:
        self._names, self._values = names, values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._names[key.lower()] if isinstance(key, str) else key]

    def keys(self) -> list[str]:
        return list(self._names)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Record({dict(zip(self._names, self._values, strict=False))})"


def records(cursor: Any) -> Callable[[Sequence[Any]], Record]:
    """psycopg's row factory for `Record`s; a name used twice reads as its first column."""
    names: dict[str, int] = {}
    for index, column in enumerate(cursor.description or ()):
        names.setdefault(column.name.lower(), index)
    return lambda values: Record(names, values)


class NumberLoader(Loader):
    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


def driver_value(value: Any) -> Any:
    """PostgreSQL's text holds no NUL character, which SQLite's does (a request may send one): it
    becomes U+FFFD, as an undecodable byte does, so it is stored, and looked up, as that."""
    if isinstance(value, Variant):
        return Jsonb(driver_value(value.value))
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def driver_values(parameters: Iterable[Any]) -> list[Any]:
    return [driver_value(value) for value in parameters]


class PostgresConnection:
    """A psycopg connection in autocommit mode that takes the stores' `?` SQL."""

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw

    def execute(self, statement: str, parameters: Sequence[Any] = (), /) -> Cursor:
        return cast(Cursor, self.raw.execute(placeholders(statement), driver_values(parameters)))

    def executemany(self, statement: str, parameters: Iterable[Sequence[Any]], /) -> Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(placeholders(statement), [driver_values(row) for row in parameters])
        return cast(Cursor, cursor)


class PostgresEngine:
    """Each service on its own schema of the database at `url`; `busy_timeout` is how long a
    writer waits for another's lock (`lock_timeout`) before it fails."""

    name = "postgresql"
    skip_locked = "FOR UPDATE SKIP LOCKED"

    def __init__(self, url: str, schema: str, busy_timeout: float) -> None:
        self.url, self.schema, self.busy_timeout = url, schema, busy_timeout
        self.write_lock = lock_key(schema)
        """The advisory lock key of the schema's writers: each service has writers of its own."""
        self.preparing_lock = lock_key(f"{schema} preparing")

    def prepare(self) -> None:
        """The schema is made under the writers' lock, so processes starting together agree."""
        db = self.connect()
        try:
            self.begin_write(db)
            db.raw.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(self.schema)))
            db.execute("COMMIT")
        finally:
            db.raw.close()

    @contextmanager
    def preparing(self) -> Iterator[None]:
        """A session advisory lock on a connection of its own, waited for as long as it takes:
        what it wraps may take longer than a writer is allowed to wait. PostgreSQL lets it go
        when the connection ends, the process's death included."""
        db = self.connect()
        try:
            db.execute("SET lock_timeout = 0")
            db.execute("SELECT pg_advisory_lock(?)", (self.preparing_lock,))
            yield
        finally:
            db.raw.close()

    def connect(self) -> PostgresConnection:
        raw = psycopg.connect(
            self.url, autocommit=True, cursor_factory=psycopg.ClientCursor, row_factory=records
        )
        raw.adapters.register_loader("numeric", NumberLoader)
        raw.execute(
            "SELECT set_config('search_path', %s, false), set_config('lock_timeout', %s, false)",
            (f'"{self.schema}", public', f"{round(self.busy_timeout * 1000)}ms"),
        )
        return PostgresConnection(raw)

    def begin_write(self, db: Connection) -> None:
        """The block holds the schema's advisory lock until it commits: writers of a service run
        one at a time, across processes, as SQLite's `BEGIN IMMEDIATE` has them. SERIALIZABLE
        would let them overlap, but a block that fails to commit would have to run again, and
        blocks move files (a job's) that a retry would move twice."""
        db.execute("BEGIN")
        try:
            db.execute("SELECT pg_advisory_xact_lock(?)", (self.write_lock,))
        except BaseException:
            db.execute("ROLLBACK")  # a lock that timed out leaves no aborted transaction behind
            raise

    def notify(self, db: Connection, channel: str) -> None:
        db.execute("SELECT pg_notify(?, '')", (self._channel(channel),))

    def listen(self, channels: Sequence[str], heard: Callable[[str], None]) -> Listener:
        """On a connection of its own (`Listener`); the channels are the schema's, so that services
        sharing a database do not hear each other."""
        names = {self._channel(channel): channel for channel in channels}
        listener = Listener(
            lambda: psycopg.connect(self.url, autocommit=True), list(names), lambda name: heard(names[name])
        )
        listener.start()
        return listener

    def _channel(self, channel: str) -> str:
        return f"{self.schema}.{channel}"

    def analyze(self, db: Connection) -> None:
        """The schema's own tables: a bare `ANALYZE` would sample every service's."""
        tables = db.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        ).fetchall()
        names = sql.SQL(", ").join(sql.Identifier(row[0]) for row in tables)
        cast(PostgresConnection, db).raw.execute(sql.SQL("ANALYZE {}").format(names))

    def begin_claim(self, db: Connection) -> None:
        db.execute("BEGIN")

    def run_script(self, db: Connection, script: str) -> None:
        """As one query: PostgreSQL runs its statements in order, inside the open transaction."""
        cast(PostgresConnection, db).raw.execute(script)

    def matching(self, table: str, words: Sequence[str]) -> tuple[str, list[Any]]:
        """Over `<table>_words`, the `tsvector`s the schema's triggers keep beside `table`: every
        word a prefix (`:*`) of one of the row's words, accents removed on both sides (`unaccent`),
        ranked by `ts_rank`. A word is cut where FTS5 would cut it (`_` is no letter), so both
        engines find the same rows."""
        terms = " & ".join(f"'{part}':*" for word in words for part in LETTERS_AND_DIGITS.findall(word))
        return (
            f"(SELECT w.seq, -ts_rank(w.words, q) AS rank FROM {table}_words w,"
            " to_tsquery('simple', unaccent(?)) q WHERE w.words @@ q)",
            [terms],
        )
