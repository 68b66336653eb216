"""The Openwhyd client end to end: the CPython transport against the live service, reset to
its demo world before each test (admin and dummy, password `admin`)."""

import asyncio
import inspect
import urllib.request
from collections.abc import Callable

import pytest
from openwhyd_demo_accounts import PASSWORD

from app.api.transports.cpython import CpythonTransport
from app.openwhyd.client import OpenwhydClient


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Runs `async def` tests in a fresh event loop; no plugin needed for that."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def openwhyd_url(live_server: str) -> str:
    """The service's base URL, after resetting its data to the demo world."""
    url = live_server + "/openwhyd"
    urllib.request.urlopen(urllib.request.Request(url + "/testing/reset", method="POST")).close()
    return url


@pytest.fixture
def new_client(openwhyd_url: str) -> Callable[[], OpenwhydClient]:
    """Makes clients with cookie jars of their own, so each is a separate browser."""
    return lambda: OpenwhydClient(openwhyd_url, CpythonTransport(timeout=10), page_delay=0)


@pytest.fixture
def visitor(new_client: Callable[[], OpenwhydClient]) -> OpenwhydClient:
    return new_client()


def logged_in(client: OpenwhydClient, handle: str) -> OpenwhydClient:
    asyncio.run(client.login(handle, PASSWORD))
    return client


@pytest.fixture
def admin(new_client: Callable[[], OpenwhydClient]) -> OpenwhydClient:
    return logged_in(new_client(), "admin")


@pytest.fixture
def dummy(new_client: Callable[[], OpenwhydClient]) -> OpenwhydClient:
    return logged_in(new_client(), "dummy")
