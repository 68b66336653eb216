"""The Bandcamp stream lookup Tonearm's Bandcamp player makes, against the live service: same-site
callers only, as a browser's Referer tells; this offline service then says it cannot look streams up."""

from dataclasses import replace
from urllib.parse import urlsplit

import pytest

from app.api.errors import BadRequest
from app.api.transport import Request, Response
from app.api.transports.cpython import CpythonTransport
from app.openwhyd.client import OpenwhydClient


class FromPage:
    """The CPython transport, sending a page's address as Referer, as a browser's fetch does."""

    def __init__(self, page: str) -> None:
        self.page, self.transport = page, CpythonTransport(timeout=10)

    async def send(self, request: Request) -> Response:
        return await self.transport.send(replace(request, headers=(*request.headers, ("Referer", self.page))))


def page_of(openwhyd_url: str) -> str:
    parts = urlsplit(openwhyd_url)
    return f"{parts.scheme}://{parts.netloc}/#/u/admin"


async def test_asked_from_the_apps_page_the_service_says_it_cannot_look_streams_up(openwhyd_url: str) -> None:
    client = OpenwhydClient(openwhyd_url, FromPage(page_of(openwhyd_url)))
    with pytest.raises(BadRequest) as raised:
        await client.bandcamp_stream("/bc/artist/song")
    offline = "Bandcamp streams cannot be looked up from this server"
    assert (raised.value.message, raised.value.status) == (offline, 200)


async def test_asked_from_another_site_the_route_refuses(openwhyd_url: str) -> None:
    client = OpenwhydClient(openwhyd_url, FromPage("https://elsewhere.example/"))
    with pytest.raises(BadRequest) as raised:
        await client.bandcamp_stream("/bc/artist/song")
    assert (raised.value.message, raised.value.status) == (
        "Openwhyd looks Bandcamp streams up for its own pages only",
        400,
    )
