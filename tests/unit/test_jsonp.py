"""JSONP's pure part: callback URLs, unwrapping replies, and the transport around a loader."""

import asyncio
import json

import pytest

from app.api.errors import Timeout, TransportError
from app.api.transport import Request, Response
from app.api.transports.jsonp import (
    JsonpTransport,
    callback_url,
    next_callback_name,
    text_loader,
    unwrap,
)
from app.api.transports.mock import MockTransport


def test_callback_names_are_fresh_identifiers() -> None:
    first, second = next_callback_name(), next_callback_name()
    assert first != second
    assert first.isidentifier()


def test_callback_url_adds_the_callback_and_replaces_any_other() -> None:
    request = Request("GET", "http://h/dummy", params=(("format", "json"), ("callback", "old")))
    assert callback_url(request, "cb_1") == "http://h/dummy?format=json&callback=cb_1"


@pytest.mark.parametrize(
    "script",
    [
        'cb_1([{"a":1}])',
        'cb_1([{"a":1}]);',
        ' cb_1( [{"a":1}] );\n',
        "/**/ typeof cb_1 === 'function' && cb_1([{\"a\":1}]);",
    ],
)
def test_unwrap_finds_the_payload_in_each_jsonp_style(script: str) -> None:
    assert json.loads(unwrap(script, "cb_1")) == [{"a": 1}]


def test_unwrap_keeps_parentheses_inside_the_payload() -> None:
    assert json.loads(unwrap('cb({"name":"Song (live)"});', "cb")) == {"name": "Song (live)"}


@pytest.mark.parametrize("script", ["", '{"a":1}', 'other({"a":1})', "<html>404</html>"])
def test_unwrap_rejects_replies_that_do_not_call_back(script: str) -> None:
    with pytest.raises(ValueError):
        unwrap(script, "cb")


def test_the_transport_turns_a_loaded_payload_into_a_json_response() -> None:
    loaded = []

    async def load(url: str, callback: str) -> str:
        loaded.append((url, callback))
        return '{"name": "dummy"}'

    request = Request("GET", "http://h/api/user", params=(("id", "dummy"),))
    response = asyncio.run(JsonpTransport(load).send(request))
    [(url, callback)] = loaded
    assert url == f"http://h/api/user?id=dummy&callback={callback}"
    assert (response.status, response.json(), response.url) == (200, {"name": "dummy"}, url)


def test_the_transport_refuses_anything_but_a_bodiless_get() -> None:
    transport = JsonpTransport(lambda url, callback: None)
    for request in (Request("POST", "u"), Request("GET", "u", json={"a": 1})):
        with pytest.raises(TransportError):
            asyncio.run(transport.send(request))


def test_a_script_that_never_calls_back_times_out_and_says_so() -> None:
    async def never(url: str, callback: str) -> str:
        await asyncio.Event().wait()
        return ""

    with pytest.raises(Timeout, match=r"did not answer in 0\.05 s") as raised:
        asyncio.run(JsonpTransport(never, timeout=0.05).send(Request("GET", "http://h/dummy")))
    assert raised.value.seconds == 0.05
    with pytest.raises(Timeout, match=r"in 0\.01 s"):
        asyncio.run(JsonpTransport(never).send(Request("GET", "http://h/dummy", timeout=0.01)))


def canned(response: Response) -> MockTransport:
    return MockTransport(lambda request: response)


def test_the_text_loader_unwraps_what_the_server_sent() -> None:
    load = text_loader(canned(Response(200, b'cb([{"_id":"p"}])')))
    assert json.loads(asyncio.run(load("http://h/x?callback=cb", "cb"))) == [{"_id": "p"}]


@pytest.mark.parametrize("response", [Response(404, b'{"errorCode":"USER_NOT_FOUND"}'), Response(200, b"{}")])
def test_the_text_loader_fails_like_a_script_tag_would(response: Response) -> None:
    with pytest.raises(TransportError):
        asyncio.run(text_loader(canned(response))("http://h/x?callback=cb", "cb"))
