"""Fixtures every suite shares: one live `build.py serve` per test session and engine, on loopback.

The services run on each engine in turn (`engine`): SQLite, then PostgreSQL on a server the
session starts itself (`postgres`), with a fresh database for each service started.
"""

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from buildkit.postgres import Server, binaries, postgres_server
from buildkit.serving import serving

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("sqlite", "postgresql")
DATABASE_NUMBERS = itertools.count(1)
"""Numbers of the session's PostgreSQL databases: the engine fixture may be set up more than once
(browser tests run last), and each setup must not reuse a name."""


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """A PostgreSQL server for the session, started on first use."""
    bin_folder = binaries()
    if bin_folder is None:
        pytest.skip("PostgreSQL is not installed (no initdb; Debian: apt-get install postgresql)")
    with postgres_server(bin_folder) as server:
        yield server


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine the services under test run on."""
    return request.param


@pytest.fixture(scope="session")
def new_database(engine: str, request: pytest.FixtureRequest) -> Callable[[], str | None]:
    """Makes a database for one service run: a fresh PostgreSQL database's URL, or None for
    SQLite (files in the run's data folder)."""
    if engine == "sqlite":
        return lambda: None
    server: Server = request.getfixturevalue("postgres")
    return lambda: server.create_database(f"tonearm_{next(DATABASE_NUMBERS)}")


@pytest.fixture(scope="session")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, engine: str, new_database: Callable[[], str | None]
) -> Iterator[str]:
    """Base URL of `build.py serve` in test mode with fresh data, on `engine`; `/openwhyd`,
    `/heavy` below it."""
    data = tmp_path_factory.mktemp("data")
    database = new_database()
    log = tmp_path_factory.getbasetemp() / f"serve-{engine}.log"
    options = ["--database", database] if database else []
    with serving(data, "--test-mode", "--no-rate-limits", *options, log=log) as base:
        yield base


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last, whatever order the engines' grouping made: Playwright's sync API keeps an
    event loop running in the main thread for the rest of the session, where the service tests'
    `asyncio.run` would fail."""
    items.sort(key=lambda item: item.nodeid.startswith("tests/e2e/"))
