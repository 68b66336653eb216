"""The heavy API across origins: a page elsewhere calls it with a bearer token (CORS, no cookies)."""

import asyncio

import httpx
import pytest
from heavy_http import call
from starlette.applications import Starlette

from server import heavy
from server.settings import Settings

APP = "http://app.example:8080"


def test_a_preflight_allows_the_token_header_and_no_credentials(heavy):
    reply = call(
        "OPTIONS",
        f"{heavy}/a/patches/alice/sine/jobs/",
        headers={
            "Origin": APP,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in reply.headers["Access-Control-Allow-Methods"]
    allowed = reply.headers["Access-Control-Allow-Headers"].lower()
    assert "authorization" in allowed and "content-type" in allowed
    assert reply.headers.get("Access-Control-Allow-Credentials") is None


def test_answers_carry_the_origin_header_with_or_without_a_token(live_server, alice, sine_job):
    for url in (f"{live_server}/heavy/a/users/alice/", f"{live_server}/a/patches/alice/sine/"):
        reply = call("GET", url, token=alice, headers={"Origin": APP})
        assert reply.status == 200 and reply.headers["Access-Control-Allow-Origin"] == "*"
        assert reply.headers.get("Access-Control-Allow-Credentials") is None
    download = call("GET", f"{live_server}/heavy/h/alice/sine/1/c/src/archive.zip", headers={"Origin": APP})
    assert download.headers["Access-Control-Allow-Origin"] == "*"
    assert "content-disposition" in download.headers["Access-Control-Expose-Headers"].lower()


def test_openwhyd_stays_same_origin(live_server):
    reply = call("GET", f"{live_server}/openwhyd/hot?format=json", headers={"Origin": APP})
    assert reply.headers.get("Access-Control-Allow-Origin") is None


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> Starlette:
    """The service alone, allowing one origin."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), heavy_origins=(APP,), compile_workers=0)
    return heavy.create_app(settings)


def origin_headers(app: Starlette, method: str, origin: str, **headers: str) -> httpx.Headers:
    async def ask() -> httpx.Headers:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            reply = await client.request(method, "/a/releases/", headers={"Origin": origin, **headers})
            return reply.headers

    return asyncio.run(ask())


def test_configured_origins_are_the_only_ones_allowed(configured):
    preflight = {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization"}
    assert origin_headers(configured, "OPTIONS", APP, **preflight)["access-control-allow-origin"] == APP
    assert origin_headers(configured, "GET", APP)["access-control-allow-origin"] == APP
    for method, headers in (("OPTIONS", preflight), ("GET", {})):
        assert "access-control-allow-origin" not in origin_headers(
            configured, method, "http://x.example", **headers
        )
