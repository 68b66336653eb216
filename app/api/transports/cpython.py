"""The transport for CPython (tests, command line): httpx, with a cookie jar so a login session
carries over like in a browser."""

import functools
import ssl
from http.cookiejar import CookieJar

import httpx

from app.api.errors import Timeout, TransportError
from app.api.transport import DEFAULT_TIMEOUT, Request, Response


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every request: making it (reading the CA bundle) is most of a client's cost."""
    return httpx.create_ssl_context()


class CpythonTransport:
    """Redirects are followed, as `fetch` follows them. Transports given the same `cookies` are one
    browser: a session opened through one is the other's too.

    Each request gets an `httpx.AsyncClient` of its own around the shared jar: tests run each call
    in an event loop of its own (`asyncio.run`), and httpx's pooled connections belong to the loop
    that opened them.
    """

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, cookies: CookieJar | None = None) -> None:
        self.timeout = timeout
        self.cookies = CookieJar() if cookies is None else cookies

    async def send(self, request: Request) -> Response:
        headers, body = request.encode()
        wait = request.timeout or self.timeout
        client = httpx.AsyncClient(cookies=self.cookies, follow_redirects=True, timeout=wait, verify=_tls())
        async with client:
            try:
                answer = await client.request(
                    request.method, request.full_url, headers=headers, content=body or None
                )
            except httpx.TimeoutException as error:
                raise Timeout(wait) from error
            except httpx.HTTPError as error:
                raise TransportError(str(error) or type(error).__name__) from error
        pairs = tuple((name.lower(), value) for name, value in answer.headers.multi_items())
        return Response(status=answer.status_code, body=answer.content, headers=pairs, url=str(answer.url))
