"""The page policy as `serve` sends it: each page with its own, every file of the app with the
referrer policy, the services with none of ours; read again when pyscript.toml changes."""

import asyncio
import os
from pathlib import Path

import httpx
import pytest
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from buildkit.page_policy import headers_at, page_headers, policy_site, read_config
from buildkit.paths import ROOT
from tests.services.test_site import get

POLICY_HEADERS = ("content-security-policy", "permissions-policy", "referrer-policy")


@pytest.mark.parametrize("path", ["/", "/index.html", "/embed.html", "/sw.js", "/static/js/boot.js"])
def test_each_file_of_the_app_has_its_policy(live_server: str, path: str) -> None:
    expected = headers_at(page_headers(read_config(ROOT / "pyscript.toml")), path)
    status, headers, _ = get(live_server + path)
    assert status == 200
    sent = {name.lower(): value for name, value in headers.items() if name.lower() in POLICY_HEADERS}
    assert sent == {name.lower(): value for name, value in expected.items() if name.lower() in POLICY_HEADERS}


@pytest.mark.parametrize("path", ["/openwhyd/hot?format=json", "/openwhyd/login", "/heavy/a/pingdb"])
def test_the_services_answer_with_their_own_headers(live_server: str, path: str) -> None:
    _, headers, _ = get(live_server + path)
    assert not {name.lower() for name in headers} & set(POLICY_HEADERS)


async def _page(scope: Scope, receive: Receive, send: Send) -> None:
    await PlainTextResponse("a page")(scope, receive, send)


def test_a_changed_configuration_changes_the_policy(tmp_path: Path) -> None:
    config = tmp_path / "pyscript.toml"
    config.write_text('[tonearm]\nheavy = "./heavy"\n')
    site = policy_site(_page, config)

    async def policy() -> str:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=site), base_url="http://t") as client:
            return (await client.get("/")).headers["content-security-policy"]

    before = asyncio.run(policy())
    config.write_text('[tonearm]\nheavy = "https://heavy.example"\n')
    os.utime(config, ns=(1, 1))
    after = asyncio.run(policy())
    assert "https://heavy.example" not in before
    assert "connect-src 'self' https://heavy.example https://vimeo.com" in after
