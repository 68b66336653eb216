"""What the compile queue's wake-ups rely on from PostgreSQL's notifications (`Engine.notify`,
`Engine.listen`): a notification is heard once its transaction commits, never when it rolls back,
only by the schema's listeners, and still after the listening connection was cut."""

import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from waiting import until

from buildkit.postgres import Server
from server.database import Database, engine_for, sqlite_url
from server.database.engine import Listening

HEARD_WITHIN = 30.0
"""Seconds a notification may take to be heard: a bound for a failure, not a measure."""


class Ear:
    """What a listener heard, in order."""

    def __init__(self) -> None:
        self.channels: list[str] = []
        self._guard = threading.Lock()

    def __call__(self, channel: str) -> None:
        with self._guard:
            self.channels.append(channel)

    def heard(self) -> list[str]:
        with self._guard:
            return list(self.channels)

    def forget(self) -> None:
        with self._guard:
            self.channels.clear()


PASSWORD = "pass-word-42"


@pytest.fixture(scope="module")
def url(postgres: Server) -> str:
    """With a password (the test server trusts every local connection): a log must not show it."""
    plain = postgres.create_database("notifications")
    return plain.replace("://tonearm@", f"://tonearm:{PASSWORD}@")


@pytest.fixture
def database(url: str) -> Database:
    return Database(engine_for(url, "heavy", busy_timeout=10))


@pytest.fixture
def ear(database: Database) -> Iterator[Ear]:
    """Listening on `queued` and `ended`, once it heard the call every (re)connection makes on
    each channel, and forgot it."""
    ear = Ear()
    listening = database.engine.listen(("queued", "ended"), ear)
    assert listening is not None
    try:
        assert until(lambda: sorted(ear.heard()) == ["ended", "queued"], HEARD_WITHIN), ear.heard()
        ear.forget()
        yield ear
    finally:
        listening.stop()


def notify(database: Database, channel: str, *, commit: bool = True) -> None:
    class RolledBack(Exception):
        pass

    try:
        with database.write() as conn:
            database.engine.notify(conn, channel)
            if not commit:
                raise RolledBack
    except RolledBack:
        pass


def listener_backends(url: str) -> list[int]:
    with psycopg.connect(url, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'"
        ).fetchall()
    return [row[0] for row in rows]


def test_a_notification_is_heard_once_its_transaction_commits(database: Database, ear: Ear) -> None:
    notify(database, "queued")
    assert until(lambda: ear.heard() == ["queued"], HEARD_WITHIN), ear.heard()


def test_a_rolled_back_transaction_tells_no_one(database: Database, ear: Ear) -> None:
    notify(database, "queued", commit=False)
    notify(database, "ended")
    assert until(lambda: bool(ear.heard()), HEARD_WITHIN)
    assert ear.heard() == ["ended"], "notifications arrive in commit order: the rolled-back one never"


def test_another_schema_on_the_same_database_is_not_heard(url: str, database: Database, ear: Ear) -> None:
    other = Database(engine_for(url, "openwhyd", busy_timeout=10))
    notify(other, "queued")
    notify(database, "ended")
    assert until(lambda: bool(ear.heard()), HEARD_WITHIN)
    assert ear.heard() == ["ended"]


def test_the_listener_hears_again_after_its_connection_is_terminated(
    url: str, database: Database, ear: Ear, caplog: pytest.LogCaptureFixture
) -> None:
    assert until(lambda: len(listener_backends(url)) == 1, HEARD_WITHIN), "only this test's listener"
    (backend,) = listener_backends(url)
    with psycopg.connect(url, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (backend,)).fetchone() == (True,)
    assert until(lambda: sorted(ear.heard()) == ["ended", "queued"], HEARD_WITHIN), (
        "connected again, it calls each channel once, for what it may have missed"
    )
    ear.forget()
    notify(database, "ended")
    assert until(lambda: ear.heard() == ["ended"], HEARD_WITHIN), ear.heard()
    said = [record.getMessage() for record in caplog.records if record.name == "server.database.listener"]
    assert [line for line in said if line.startswith("lost")] == [
        "lost the connection it listens on (OperationalError); trying again"
    ]
    assert not [line for line in said if PASSWORD in line]


def test_a_stopped_listener_closes_its_connection(url: str, database: Database) -> None:
    listening: Listening | None = database.engine.listen(("queued",), Ear())
    assert listening is not None
    assert until(lambda: len(listener_backends(url)) == 1, HEARD_WITHIN)
    listening.stop()
    assert until(lambda: listener_backends(url) == [], HEARD_WITHIN)


def test_sqlite_has_nothing_to_hear(tmp_path: Path) -> None:
    engine = engine_for(sqlite_url(tmp_path), "heavy", busy_timeout=10)
    assert engine.listen(("queued",), Ear()) is None
