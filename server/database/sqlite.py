"""SQLite, the embedded default: one file per service, WAL, foreign keys, FTS5 for full text."""

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from server.database.engine import Connection
from server.database.variant import Variant
from server.private_files import FILE_MODE, private_file

MMAP_SIZE = 1 << 30
WAL_RETRY = 0.01
"""Seconds between two tries to switch a fresh database to WAL."""

sqlite3.register_adapter(Variant, lambda variant: variant.value)


class SqliteEngine:
    """`busy_timeout` is how long a writer waits for another's lock before it fails."""

    name = "sqlite"
    skip_locked = ""

    def __init__(self, path: Path, busy_timeout: float) -> None:
        self.path, self.busy_timeout = path, busy_timeout

    def prepare(self) -> None:
        """The file is made, mode 0600, before SQLite opens it: SQLite gives its `-wal` and `-shm`
        files the database's mode, so they are private from the start. Files an older version made
        are tightened, never opened: closing any descriptor of the file would drop every SQLite
        lock this process holds on it (POSIX), and another process's last connection, closing,
        would then delete the WAL under this one's feet."""
        if self.path.exists():
            self.path.chmod(FILE_MODE)
        else:
            private_file(self.path)
        for suffix in ("-wal", "-shm"):
            with suppress(FileNotFoundError):  # another process's last connection removed it
                self.path.with_name(self.path.name + suffix).chmod(FILE_MODE)

    def connect(self) -> sqlite3.Connection:
        """WAL with `synchronous = NORMAL`: safe from corruption, and a commit costs no fsync.
        The file is read through a memory map (its first `MMAP_SIZE` bytes): a page not in
        SQLite's own cache is then no system call away (a fifth less time for a page of 21
        posts of a random user, on 100k posts)."""
        db = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        db.row_factory = sqlite3.Row
        self._to_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
        db.execute("PRAGMA foreign_keys = ON")
        return db

    def _to_wal(self, db: sqlite3.Connection) -> None:
        """A fresh database's switch to WAL fails at once, waiting for nothing, while another
        process's connection switches it too: it is tried again, for up to `busy_timeout`."""
        for _ in range(max(1, round(self.busy_timeout / WAL_RETRY))):
            try:
                db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error):
                    raise
                time.sleep(WAL_RETRY)
        db.execute("PRAGMA journal_mode = WAL")

    @contextmanager
    def preparing(self) -> Iterator[None]:
        """An flock on a file beside the database's (never on the database's own file: see
        `prepare`); the kernel lets it go when its process dies."""
        lock = self.path.with_name(self.path.name + ".lock")
        private_file(lock)
        fd = os.open(lock, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def begin_write(self, db: Connection) -> None:
        db.execute("BEGIN IMMEDIATE")

    def begin_claim(self, db: Connection) -> None:
        self.begin_write(db)

    def notify(self, db: Connection, channel: str) -> None:
        pass

    def listen(self, channels: Sequence[str], heard: Callable[[str], None]) -> None:
        return None

    def analyze(self, db: Connection) -> None:
        """On a sample of each index (`analysis_limit`), so it takes milliseconds at any size."""
        db.execute("PRAGMA analysis_limit = 1000")
        db.execute("ANALYZE")

    def run_script(self, db: Connection, script: str) -> None:
        """Statement by statement: `executescript` would commit the open transaction first."""
        for statement in statements(script):
            db.execute(statement)

    def matching(self, table: str, words: Sequence[str]) -> tuple[str, list[Any]]:
        """Over `<table>_fts`, the FTS5 table the schema keeps beside `table`; each word is quoted,
        so no text reads as FTS syntax."""
        terms = " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
        return f"(SELECT rowid AS seq, rank FROM {table}_fts WHERE {table}_fts MATCH ?)", [terms]


def statements(script: str) -> list[str]:
    """The statements of `script`, each ended where SQLite's own tokenizer says one is complete,
    so a `;` inside a string, a comment or a trigger's body does not cut it."""
    found, start = [], 0
    for end, char in enumerate(script):
        if char == ";" and sqlite3.complete_statement(script[start : end + 1]):
            found.append(script[start : end + 1].strip())
            start = end + 1
    rest = script[start:].strip()
    return [*found, rest] if rest else found
