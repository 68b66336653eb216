"""What the stores rely on from each engine, checked on both: writers take turns, a failed block
or migration leaves nothing, placeholders and rows work as the stores write them."""

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from waiting import until

from server.database import Database, engine_for, migrate, read_folder, sqlite_url


@pytest.fixture
def url(new_database: Callable[[], str | None], tmp_path: Path) -> str:
    return new_database() or sqlite_url(tmp_path)


@pytest.fixture
def database(url: str) -> Database:
    return Database(engine_for(url, "test", busy_timeout=10))


def waiting_to_write(thread: threading.Thread) -> bool:
    """Whether `thread` is inside `Database.write` before its block runs: waiting for a lock."""
    frame = sys._current_frames().get(thread.ident or 0)
    while frame is not None and frame.f_code is not Database.write.__wrapped__.__code__:
        frame = frame.f_back
    return frame is not None


@pytest.mark.parametrize("elsewhere", [False, True], ids=["same process", "another process"])
def test_writers_take_turns_so_a_block_may_read_then_write(
    database: Database, url: str, elsewhere: bool
) -> None:
    """Another process is another `Database`: its writers wait on the engine's lock, not this
    process's. The first writer writes only once the second waits for it."""
    other = Database(engine_for(url, "test", busy_timeout=10)) if elsewhere else database
    with database.write() as db:
        db.execute("CREATE TABLE counter (n INTEGER NOT NULL)")
        db.execute("INSERT INTO counter (n) VALUES (0)")

    def add_one() -> None:
        other.connection()  # opened first: inside `write`, the second writer then only waits for locks
        with other.write() as db:
            n = db.execute("SELECT n FROM counter").fetchone()[0]
            db.execute("UPDATE counter SET n = ?", (n + 1,))

    second = threading.Thread(target=add_one)
    with database.write() as db:
        n = db.execute("SELECT n FROM counter").fetchone()[0]
        second.start()
        assert until(lambda: waiting_to_write(second), 10), "the second writer waits for the first"
        db.execute("UPDATE counter SET n = ?", (n + 1,))
    second.join()
    assert database.connection().execute("SELECT n FROM counter").fetchone()[0] == 2


def test_a_writer_that_waited_too_long_fails_and_its_connection_still_works(
    database: Database, url: str
) -> None:
    impatient = Database(engine_for(url, "test", busy_timeout=0.2))
    with database.write() as db:
        db.execute("CREATE TABLE t (x TEXT)")
    with database.write() as db:
        db.execute("INSERT INTO t (x) VALUES ('held')")
        with pytest.raises(Exception, match="lock"), impatient.write() as late:
            late.execute("INSERT INTO t (x) VALUES ('late')")
    with impatient.write() as db:
        db.execute("INSERT INTO t (x) VALUES ('later')")
    rows = impatient.connection().execute("SELECT x FROM t ORDER BY x").fetchall()
    assert [row[0] for row in rows] == ["held", "later"]


def test_a_failed_block_or_migration_leaves_nothing(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001-a.sql").write_text("CREATE TABLE a (x TEXT);")
    (folder / "0002-b.sql").write_text("CREATE TABLE b (x TEXT); CREATE TABLE a (x TEXT);")
    with pytest.raises(Exception, match="already exists"):
        migrate(database, read_folder(folder), now=1.0)
    with pytest.raises(ZeroDivisionError), database.write() as db:
        db.execute("INSERT INTO a (x) VALUES (?)", ("gone",))
        raise ZeroDivisionError
    reads = database.connection()
    assert [row[0] for row in reads.execute("SELECT version FROM migrations")] == [1]
    assert reads.execute("SELECT count(*) FROM a").fetchone()[0] == 0
    with pytest.raises(Exception, match="b"):
        reads.execute("SELECT * FROM b")


def test_rows_read_as_the_stores_read_them(database: Database) -> None:
    with database.write() as db:
        db.execute("CREATE TABLE t (name TEXT, n BIGINT, at DOUBLE PRECISION)")
        db.executemany("INSERT INTO t (name, n, at) VALUES (?, ?, ?)", [("a?%", 1, 0.5), (None, 2, 1.5)])
    reads = database.connection()
    row = reads.execute("SELECT name, n AS Count, at FROM t WHERE n = ? AND '?%' = '?%'", (1,)).fetchone()
    assert (row["name"], row["count"], row["COUNT"], row[2]) == ("a?%", 1, 1, 0.5)
    assert tuple(row) == ("a?%", 1, 0.5)
    assert dict(reads.execute("SELECT name, at FROM t WHERE n = 1").fetchone()) == {"name": "a?%", "at": 0.5}
    either = "? IS NULL OR name = ?"
    totals = reads.execute(f"SELECT sum(n), count(*), max(at) FROM t WHERE {either}", (None, None))
    assert tuple(totals.fetchone()) == (3, 2, 1.5)
    assert type(reads.execute("SELECT sum(n) FROM t").fetchone()[0]) is int  # not Decimal
    assert reads.execute("DELETE FROM t WHERE name IS NULL").rowcount == 1
