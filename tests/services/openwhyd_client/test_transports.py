"""The CPython and JSONP transports against the live service."""

import socket

import pytest
from openwhyd_demo_accounts import ADMIN

from app.api.errors import NotFound, Timeout, TransportError
from app.api.transport import Request
from app.api.transports.cpython import CpythonTransport
from app.api.transports.jsonp import JsonpTransport, text_loader
from app.openwhyd.client import OpenwhydClient


def jsonp_client(openwhyd_url: str) -> OpenwhydClient:
    """A client that reads the way a page on another origin must: through JSONP."""
    return OpenwhydClient(openwhyd_url, JsonpTransport(text_loader(CpythonTransport())))


async def test_jsonp_reads_the_same_lists(openwhyd_url: str, visitor: OpenwhydClient) -> None:
    over_jsonp = jsonp_client(openwhyd_url)
    assert await over_jsonp.profile_tracks("admin") == await visitor.profile_tracks("admin")
    assert await over_jsonp.playlist_tracks(ADMIN, 0) == await visitor.playlist_tracks(ADMIN, 0)
    assert await over_jsonp.user_playlists("admin") == await visitor.user_playlists("admin")
    assert (await over_jsonp.user("admin")).id == ADMIN


async def test_public_only_profiles_come_from_the_routes_a_script_tag_can_load(
    openwhyd_url: str, visitor: OpenwhydClient
) -> None:
    """`/api/user` answers JSONP as application/json, which browsers block across origins."""
    loaded: list[str] = []
    load = text_loader(CpythonTransport())

    async def recording(url: str, callback: str) -> str:
        loaded.append(url)
        return await load(url, callback)

    public = OpenwhydClient(openwhyd_url, JsonpTransport(recording), public_only=True)
    seen, full = await public.user("admin"), await visitor.user("admin")
    assert (seen.id, seen.name, seen.handle) == (full.id, full.name, full.handle)
    assert [(p.id, p.name) for p in seen.playlists] == [(p.id, p.name) for p in full.playlists]
    assert not any("/api/user" in url for url in loaded)
    with pytest.raises(NotFound):
        await public.user("nobody")


async def test_jsonp_fails_where_the_server_has_none(openwhyd_url: str) -> None:
    with pytest.raises(TransportError):
        await jsonp_client(openwhyd_url).hot_tracks()
    with pytest.raises(TransportError):
        await jsonp_client(openwhyd_url).profile_tracks("nobody")


async def test_error_statuses_come_back_as_responses(openwhyd_url: str) -> None:
    response = await CpythonTransport().send(Request("GET", openwhyd_url + "/nobody?format=json"))
    assert response.status == 404
    assert response.json()["errorCode"] == "USER_NOT_FOUND"


async def test_redirects_are_followed(openwhyd_url: str) -> None:
    response = await CpythonTransport().send(
        Request("GET", f"{openwhyd_url}/u/{ADMIN}", params=(("format", "json"),))
    )
    assert (response.status, response.url) == (200, f"{openwhyd_url}/admin?format=json")


async def test_no_server_is_a_transport_error() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        client = OpenwhydClient(f"http://127.0.0.1:{unused.getsockname()[1]}", CpythonTransport())
        with pytest.raises(TransportError):
            await client.hot_tracks()


async def test_a_server_that_never_answers_is_a_timeout_that_says_how_long() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # connections are accepted by the system, and never answered
        client = OpenwhydClient(f"http://127.0.0.1:{silent.getsockname()[1]}", CpythonTransport(timeout=0.2))
        with pytest.raises(Timeout, match=r"did not answer in 0\.2 s"):
            await client.hot_tracks()
