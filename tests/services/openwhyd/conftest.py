"""The Openwhyd service suites: the live `serve`, reset to its demo world before each test."""

import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from openwhyd_http import Browser
from starlette.applications import Starlette
from starlette.routing import Mount
from waiting import until

from server.openwhyd import create_app
from server.settings import Settings


@pytest.fixture(scope="session")
def openwhyd(live_server: str) -> str:
    return live_server + "/openwhyd"


@pytest.fixture(autouse=True)
def demo_world(openwhyd: str) -> None:
    reply = Browser(openwhyd).post("/testing/reset")
    assert reply.status == 200, reply.text


@pytest.fixture
def service_clock(openwhyd: str) -> Iterator[Callable[..., datetime]]:
    """Moves the live server's clock (both services share it) by one form field of
    `/testing/clock`: `advance="2.5"`, `at="2031-03-01T12:00:00Z"` or `real="1"`; gives the
    service's new time. The machine's time is back after the test."""
    browser = Browser(openwhyd)

    def move(**field: str) -> datetime:
        reply = browser.post("/testing/clock", form=field)
        assert reply.status == 200, reply.text
        return datetime.fromisoformat(reply.json()["now"])

    yield move
    move(real="1")


@pytest.fixture
def new_browser(openwhyd: str) -> Callable[[], Browser]:
    """Makes browsers, each with a cookie jar of its own."""
    return lambda: Browser(openwhyd)


@pytest.fixture
def visitor(new_browser: Callable[[], Browser]) -> Browser:
    return new_browser()


@pytest.fixture
def admin(new_browser: Callable[[], Browser]) -> Browser:
    user = new_browser()
    user.login("admin")
    return user


@pytest.fixture
def dummy(new_browser: Callable[[], Browser]) -> Browser:
    user = new_browser()
    user.login("dummy")
    return user


@pytest.fixture(scope="session")
def own_service(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[], str | None]
) -> Iterator[Callable[..., str]]:
    """Starts extra Openwhyd services with other settings (in this process, on loopback, on the
    session's engine) and returns their base URLs; they share one data folder and database unless
    given another folder, and all of them stop at the end of the session."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []
    shared = tmp_path_factory.mktemp("openwhyd")
    databases: dict[Path, str | None] = {}

    def start(data_dir: Path | None = None, **settings: Any) -> str:
        folder = data_dir or shared
        if folder not in databases:
            databases[folder] = new_database()
        app = create_app(Settings(folder, database=databases[folder], **settings))
        site = Starlette(routes=[Mount("/openwhyd", app=app)])
        server = uvicorn.Server(uvicorn.Config(site, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        assert until(lambda: server.started, 10), "the extra Openwhyd service did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}/openwhyd"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)
