"""The heavy client's requests over scripted answers: the token on each, the long wait of builds,
and failures read from the status the service states."""

import asyncio
from datetime import datetime

import pytest
from canned import only, scripted

from app.api.errors import RateLimited, Timeout
from app.api.transport import Response
from app.heavy.client import BUILD_WAIT, HeavyClient
from app.heavy.token import HeavyToken

TOKEN = HeavyToken("a.b.c", "demo", datetime(2020, 1, 1))


def test_requests_carry_the_token_and_builds_are_waited_for_longer() -> None:
    transport, sent = scripted(Response(200, b"PK", (("content-type", "application/zip"),)), {"data": []})
    client = HeavyClient("http://h/heavy/", transport, TOKEN)
    assert asyncio.run(client.download("/heavy/h/demo/sine/1/c-src/archive.zip")) == b"PK"
    asyncio.run(client.tokens())
    download, tokens = sent
    assert (download.url, download.timeout) == ("http://h/heavy/h/demo/sine/1/c-src/archive.zip", BUILD_WAIT)
    assert (tokens.url, tokens.timeout) == ("http://h/heavy/a/users/demo/tokens/", None)
    for request in sent:
        assert dict(request.headers) == {"Accept": "application/json", "Authorization": "Bearer a.b.c"}


def test_without_a_token_only_the_accept_header_goes() -> None:
    transport, sent = scripted({"dev": {}})
    asyncio.run(HeavyClient("./heavy", transport).releases())
    assert only(sent).headers == (("Accept", "application/json"),)


def test_too_many_requests_say_when_to_try_again() -> None:
    body = b'{"errors": [{"status": "429", "detail": "Slow down"}]}'
    limited = Response(429, body, (("content-type", "application/json"), ("retry-after", "12")))
    with pytest.raises(RateLimited, match="Slow down") as raised:
        asyncio.run(HeavyClient("./heavy", scripted(limited)[0]).user("demo"))
    assert raised.value.retry_after == 12.0


def test_a_ping_that_gets_no_answer_is_false() -> None:
    assert asyncio.run(HeavyClient("./heavy", scripted(Timeout(30))[0]).ping()) is False
