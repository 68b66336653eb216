"""The transports' own behaviour that runs without a network: the mock's handlers, and how the
browser's fetch is bounded in time and its failures named (with stand-ins for Pyodide's `js`)."""

import asyncio
import sys
import types

import pytest

from app.api.errors import Timeout, TransportError
from app.api.transport import Request, Response
from app.api.transports.browser import OFFLINE, BrowserTransport
from app.api.transports.mock import MockTransport


def test_a_mock_answers_from_a_plain_or_an_async_function() -> None:
    async def later(request: Request) -> Response:
        return Response(201, request.url.encode())

    assert asyncio.run(MockTransport(lambda request: Response(200)).send(Request("GET", "u"))).status == 200
    assert asyncio.run(MockTransport(later).send(Request("GET", "u"))).body == b"u"


def test_a_mock_fails_as_its_handler_says() -> None:
    def unreachable(request: Request) -> Response:
        raise Timeout(3)

    with pytest.raises(Timeout, match="did not answer in 3 s"):
        asyncio.run(MockTransport(unreachable).send(Request("GET", "u")))


class JsException(Exception):
    """Pyodide's: a JavaScript error, named as JavaScript names it."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def fetch_failing_with(monkeypatch, name: str) -> list[int]:
    """A browser whose fetch rejects with a JavaScript error of this `name`; returns the timeouts
    (ms) its abort signals were made with."""
    timeouts: list[int] = []

    def signal(ms: int) -> str:
        timeouts.append(ms)
        return f"signal after {ms} ms"

    async def fetch(url: str, options: dict) -> None:
        assert options["signal"] == f"signal after {timeouts[-1]} ms"
        raise JsException(name)

    js = types.SimpleNamespace(
        fetch=fetch,
        AbortSignal=types.SimpleNamespace(timeout=signal),
        Object=types.SimpleNamespace(fromEntries=dict),
    )
    ffi = types.SimpleNamespace(JsException=JsException, to_js=lambda value, dict_converter=None: value)
    monkeypatch.setitem(sys.modules, "js", js)
    monkeypatch.setitem(sys.modules, "pyodide.ffi", ffi)
    return timeouts


def test_a_fetch_that_outlasts_its_signal_is_a_timeout_that_says_how_long(monkeypatch) -> None:
    timeouts = fetch_failing_with(monkeypatch, "TimeoutError")
    with pytest.raises(Timeout, match="did not answer in 30 s"):
        asyncio.run(BrowserTransport().send(Request("GET", "./openwhyd/hot")))
    with pytest.raises(Timeout, match=r"did not answer in 2\.5 s"):
        asyncio.run(BrowserTransport(timeout=9).send(Request("GET", "./heavy/a/x", timeout=2.5)))
    assert timeouts == [30_000, 2_500]


def test_any_other_fetch_failure_is_being_offline(monkeypatch) -> None:
    fetch_failing_with(monkeypatch, "TypeError")
    with pytest.raises(TransportError) as raised:
        asyncio.run(BrowserTransport().send(Request("GET", "./openwhyd/hot")))
    assert not isinstance(raised.value, Timeout) and raised.value.message == OFFLINE
