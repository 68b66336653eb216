"""What the stores rely on from each engine, checked on both: writers take turns, a failed block
or migration leaves nothing, placeholders and rows work as the stores write them."""

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from waiting import until

from server.clock import Clock
from server.database import Database, engine_for, migrate, read_folder, sqlite_url
from server.database.shared import open_shared
from server.ratelimit import Limit, RateLimiter
from server.shared_counts import DatabaseCounts


@pytest.fixture
def url(new_database: Callable[[], str | None], tmp_path: Path) -> str:
    return new_database() or sqlite_url(tmp_path)


@pytest.fixture
def database(url: str) -> Database:
    return Database(engine_for(url, "test", busy_timeout=10))


def waiting_in(thread: threading.Thread, function: Callable) -> bool:
    """Whether `thread` is inside the generator-based context manager `function` before its block
    runs: waiting for a lock."""
    frame = sys._current_frames().get(thread.ident or 0)
    while frame is not None and frame.f_code is not function.__wrapped__.__code__:
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
        assert until(lambda: waiting_in(second, Database.write), 10), "the second writer waits for the first"
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


def test_processes_preparing_a_database_take_turns(url: str) -> None:
    """Each engine stands for a process: the second waits until the first is done."""
    first, second = engine_for(url, "test", busy_timeout=10), engine_for(url, "test", busy_timeout=10)
    events: list[str] = []

    def prepare_second() -> None:
        with second.preparing():
            events.append("second")

    with first.preparing():
        other = threading.Thread(target=prepare_second)
        other.start()
        assert until(lambda: waiting_in(other, type(second).preparing), 10), "the second waits"
        events.append("first")
    other.join()
    assert events == ["first", "second"]


def test_rate_limit_counts_in_the_shared_database_count_every_processs_hits(url: str) -> None:
    """Two `DatabaseCounts` on their own connections are two processes; hits they count at once
    are all counted, in windows on the wall clock, and each service forgets only its own."""
    clock = Clock()
    limit = Limit(hits=1000, window=60)
    processes = [
        RateLimiter(clock, DatabaseCounts(open_shared(url, 10, clock.now()), "openwhyd")) for _ in range(2)
    ]
    heavy = RateLimiter(clock, DatabaseCounts(open_shared(url, 10, clock.now()), "heavy"))

    def hit_many(limiter: RateLimiter) -> None:
        for _ in range(50):
            limiter.hit("sign-in account 1", limit)

    threads = [threading.Thread(target=hit_many, args=(limiter,)) for limiter in processes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    heavy.hit("sign-in account 1", limit)
    assert [limiter.peek("sign-in account 1", limit).hits for limiter in processes] == [100, 100]
    assert heavy.peek("sign-in account 1", limit).hits == 1
    clock.advance(59)
    assert processes[1].hit("sign-in account 1", limit).hits == 101
    clock.advance(1)
    assert processes[0].peek("sign-in account 1", limit).hits == 0
    assert processes[0].hit("sign-in account 1", limit).hits == 1
    assert heavy.hit("sign-in account 1", limit).hits == 1
    processes[1].forget_all()
    assert processes[0].peek("sign-in account 1", limit).hits == 0
    assert heavy.peek("sign-in account 1", limit).hits == 1


def test_a_shared_window_starts_again_when_the_wall_clock_goes_back(url: str) -> None:
    clock = Clock()
    limiter = RateLimiter(clock, DatabaseCounts(open_shared(url, 10, clock.now()), "openwhyd"))
    limit = Limit(hits=3, window=60)
    clock.advance(3600)
    for _ in range(4):
        limiter.hit("route all 192.0.2.1", limit)
    clock.reset()
    assert limiter.peek("route all 192.0.2.1", limit).hits == 0
    assert limiter.hit("route all 192.0.2.1", limit).hits == 1
