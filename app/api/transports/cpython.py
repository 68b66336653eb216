"""The transport for CPython (tests, command line): the standard library's urllib in a thread,
with a cookie jar so a login session carries over like in a browser."""

import asyncio
import http.client
from http.cookiejar import CookieJar
from urllib.error import HTTPError, URLError
from urllib.request import HTTPCookieProcessor, build_opener
from urllib.request import Request as UrllibRequest

from app.api.errors import TransportError
from app.api.transport import Request, Response


class CpythonTransport:
    """Sends each request from a worker thread, so the event loop never waits on the network.

    Redirects of GET requests are followed, as `fetch` does.
    """

    def __init__(self, timeout: float = 30.0, cookies: CookieJar | None = None) -> None:
        self.timeout = timeout
        self.cookies = CookieJar() if cookies is None else cookies
        self._opener = build_opener(HTTPCookieProcessor(self.cookies))

    async def send(self, request: Request) -> Response:
        return await asyncio.to_thread(self._send, request)

    def _send(self, request: Request) -> Response:
        headers, body = request.encode()
        outgoing = UrllibRequest(
            request.full_url,
            data=body if request.method != "GET" else None,
            headers=headers,
            method=request.method,
        )
        try:
            with self._opener.open(outgoing, timeout=self.timeout) as answer:
                return _response(answer.status, answer.headers, answer.read(), answer.url)
        except HTTPError as error:
            with error:
                return _response(error.code, error.headers, error.read(), error.url)
        except URLError as error:
            raise TransportError(str(error.reason)) from error
        except (OSError, http.client.HTTPException) as error:
            raise TransportError(str(error) or type(error).__name__) from error


def _response(status: int, headers: http.client.HTTPMessage, body: bytes, url: str) -> Response:
    pairs = tuple((name.lower(), value) for name, value in headers.items())
    return Response(status=status, body=body, headers=pairs, url=url)
