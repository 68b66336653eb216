"""`serve --openwhyd-upstream URL`: our own service stands in for openwhyd.org behind the proxy."""

import asyncio
import http.cookiejar
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from buildkit.serving import free_port, serving
from server.upstream import OpenwhydUpstream, rewrite_location, rewrite_set_cookie

ADMIN_MD5 = "21232f297a57a5a743894a0e4a801fc3"
OPENWHYD_COOKIE = (
    "whydSid=s%3Aabc.def; Domain=.openwhyd.org; Path=/; "
    "Expires=Wed, 24 Nov 2027 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict"
)


class Visitor:
    """A browser's view of one origin: a real cookie jar, redirects followed, errors kept as replies."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, path: str, body: Any = None) -> tuple[int, Message, bytes]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data, headers={"Content-Type": "application/json"} if data else {}
        )
        try:
            with self.opener.open(request, timeout=30) as reply:
                return reply.status, reply.headers, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def json(self, path: str, body: Any = None) -> Any:
        status, _, content = self.open(path, body)
        assert status == 200, content
        return json.loads(content)


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("upstream"), "--no-rate-limits") as base:
        yield f"{base}/openwhyd"


@pytest.fixture(scope="module")
def proxy_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("proxy-log") / "serve.log"


@pytest.fixture(scope="module")
def proxy(upstream: str, proxy_log: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("proxy"), "--openwhyd-upstream", upstream, log=proxy_log) as base:
        yield base


def test_public_json_comes_from_the_upstream(proxy: str, upstream: str) -> None:
    through_proxy = Visitor(proxy).json("/openwhyd/hot?format=json")
    direct = Visitor(upstream).json("/hot?format=json")
    assert through_proxy["tracks"]
    assert [track["_id"] for track in through_proxy["tracks"]] == [track["_id"] for track in direct["tracks"]]


def test_session_round_trips_through_the_proxy(proxy: str, upstream: str) -> None:
    visitor = Visitor(proxy)
    assert visitor.json("/openwhyd/api/user") == {"error": "user not logged in"}

    login = f"/openwhyd/login?action=login&ajax=1&email=admin&md5={ADMIN_MD5}"
    status, headers, content = visitor.open(login)
    assert (status, json.loads(content)) == (200, {"redirect": "/"})
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("whydSid=") and "Path=/openwhyd;" in cookie and "HttpOnly" in cookie
    assert "Domain" not in cookie and "Secure" not in cookie
    assert visitor.json("/openwhyd/api/user")["name"] == "admin"

    created = visitor.json("/openwhyd/api/playlist", {"action": "create", "name": "Proxied mix"})
    assert created["name"] == "Proxied mix"
    playlists = visitor.json("/openwhyd/api/user")["pl"]
    assert {"id": created["id"], "name": "Proxied mix"} in [
        {key: playlist[key] for key in ("id", "name")} for playlist in playlists
    ]
    at_the_upstream = Visitor(upstream).json("/admin/playlists?format=json")
    assert "Proxied mix" in [playlist["name"] for playlist in at_the_upstream]

    assert visitor.json("/openwhyd/login?action=logout&ajax=1") == {"action": "logout", "ajax": "1"}
    assert visitor.json("/openwhyd/api/user") == {"error": "user not logged in"}


def test_a_redirect_of_the_upstream_lands_on_our_mount(proxy: str) -> None:
    visitor = Visitor(proxy)
    admin_id = visitor.json("/openwhyd/admin?format=json&limit=1")[0]["uId"]
    status, _, content = visitor.open(f"/openwhyd/u/{admin_id}?format=json&limit=1")
    assert status == 200 and json.loads(content)[0]["uId"] == admin_id


def test_the_banner_names_the_upstream(proxy: str, upstream: str, proxy_log: Path) -> None:
    banner = proxy_log.read_text()
    assert f"Openwhyd: /openwhyd/ proxied to {upstream}" in banner
    assert "Openwhyd demo" not in banner


def in_process(proxy: OpenwhydUpstream, *requests: tuple[str, str, bytes]) -> list[httpx.Response]:
    """Replies of the proxy app, mounted like `serve` mounts it, to `(method, path, body)` requests."""
    site = Starlette(routes=[Mount("/openwhyd", app=proxy)])

    async def send_all() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=site)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return [
                await client.request(method, path, content=body, headers={"Cookie": "whydSid=s%3Asecret"})
                for method, path, body in requests
            ]

    return asyncio.run(send_all())


def test_an_unreachable_upstream_answers_502_json(caplog: pytest.LogCaptureFixture) -> None:
    nobody = OpenwhydUpstream(f"http://127.0.0.1:{free_port()}")
    [reply] = in_process(nobody, ("GET", "/openwhyd/api/user", b""))
    assert reply.status_code == 502
    assert reply.headers["content-type"].startswith("application/json")
    assert set(reply.json()) == {"error"}
    assert "/api/user" in caplog.text and "secret" not in caplog.text


def test_bodies_over_the_cap_are_refused(upstream: str) -> None:
    small, refused, too_long_answer = in_process(
        OpenwhydUpstream(upstream, max_body=64),
        ("GET", "/openwhyd/api/user", b""),
        ("POST", "/openwhyd/api/playlist", b"x" * 65),
        ("GET", "/openwhyd/hot?format=json", b""),
    )
    assert small.json() == {"error": "user not logged in"}
    assert (refused.status_code, set(refused.json())) == (413, {"error"})
    assert (too_long_answer.status_code, set(too_long_answer.json())) == (502, {"error"})


def test_cookies_of_openwhyd_org_are_kept_for_our_origin() -> None:
    assert rewrite_set_cookie(OPENWHYD_COOKIE, "/openwhyd", secure=False) == (
        "whydSid=s%3Aabc.def; Path=/openwhyd; Expires=Wed, 24 Nov 2027 00:00:00 GMT; HttpOnly; "
        "SameSite=Strict"
    )
    over_https = rewrite_set_cookie(OPENWHYD_COOKIE, "", secure=True)
    assert over_https.startswith("whydSid=s%3Aabc.def; Path=/; Expires=")
    assert over_https.endswith("; HttpOnly; Secure; SameSite=Strict")


@pytest.mark.parametrize(
    ("location", "upstream", "expected"),
    [
        ("/login?action=logout", "https://openwhyd.org", "/openwhyd/login?action=logout"),
        ("https://openwhyd.org/admin/playlist/0", "https://openwhyd.org", "/openwhyd/admin/playlist/0"),
        ("https://openwhyd.org", "https://openwhyd.org", "/openwhyd/"),
        ("/openwhyd/u/1", "http://127.0.0.1:9/openwhyd", "/openwhyd/u/1"),
        ("/elsewhere?x=1", "http://127.0.0.1:9/openwhyd", "http://127.0.0.1:9/elsewhere?x=1"),
        ("http://127.0.0.1:9/openwhyd/hot#top", "http://127.0.0.1:9/openwhyd", "/openwhyd/hot#top"),
        ("https://accounts.example/login", "https://openwhyd.org", "https://accounts.example/login"),
        ("relative/path", "https://openwhyd.org", "relative/path"),
    ],
)
def test_redirects_to_the_upstream_point_at_our_mount(location: str, upstream: str, expected: str) -> None:
    assert rewrite_location(location, upstream, "/openwhyd") == expected
