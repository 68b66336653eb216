"""`serve --openwhyd-upstream URL`: the `/openwhyd` mount forwards to a real Openwhyd server.

The session cookie is HttpOnly and SameSite=Strict (reference §2.1), so a browser only sends it to
the origin that set it: the proxy makes the upstream's cookies and redirects ours, so the full app
works against openwhyd.org from our origin. Cookies and bodies pass through and are never logged.
"""

import json
import logging
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import httpx
from starlette.types import Receive, Scope, Send

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_BODY = 16 * 1024 * 1024
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
NOT_FORWARDED = HOP_BY_HOP | {"host", "content-length", "accept-encoding"}

log = logging.getLogger(__name__)


class TooLarge(Exception):
    """A body went over the size cap."""


def rewrite_set_cookie(value: str, mount: str, secure: bool) -> str:
    """The upstream's cookie, kept by the browser for our mount: no Domain, our Path, and no
    Secure when we answer over plain http (the browser would not send it back)."""
    cookie, *attributes = (part.strip() for part in value.split(";"))
    dropped = {"domain", "path"} | (set() if secure else {"secure"})
    kept = [
        attribute for attribute in attributes if attribute.split("=", 1)[0].strip().lower() not in dropped
    ]
    return "; ".join([cookie, f"Path={mount or '/'}", *kept])


def rewrite_location(location: str, upstream: str, mount: str) -> str:
    """A redirect into the upstream's prefix (absolute, or a path) as the same place under our mount;
    a path elsewhere on the upstream as an absolute URL of it; anything else as it is."""
    target, base = urlsplit(location), urlsplit(upstream)
    if target.netloc and (target.scheme, target.netloc) != (base.scheme, base.netloc):
        return location
    path = target.path or ("/" if target.netloc else "")
    if not path.startswith("/"):
        return location
    prefix = base.path.rstrip("/")
    if path != prefix and not path.startswith(prefix + "/"):
        return urlunsplit((base.scheme, base.netloc, path, target.query, target.fragment))
    return urlunsplit(("", "", mount + (path[len(prefix) :] or "/"), target.query, target.fragment))


def _connection_tokens(headers: list[tuple[bytes, bytes]]) -> set[str]:
    """Headers the `Connection` header names are hop-by-hop too."""
    return {
        token.strip().lower()
        for name, value in headers
        if name.lower() == b"connection"
        for token in value.decode("latin-1").split(",")
    }


def forwarded_request_headers(raw: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    dropped = NOT_FORWARDED | _connection_tokens(raw)
    headers = [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, value in raw
        if name.decode("latin-1").lower() not in dropped
    ]
    accept = [value.decode("latin-1") for name, value in raw if name.lower() == b"accept-encoding"]
    return [*headers, ("accept-encoding", accept[0] if accept else "identity")]


def reply_headers(
    reply: httpx.Response, upstream: str, mount: str, secure: bool, length: int | None
) -> list[tuple[bytes, bytes]]:
    """The upstream's headers as ours: hop-by-hop ones dropped, cookies and redirects rewritten."""
    raw = list(reply.headers.raw)
    dropped = HOP_BY_HOP | _connection_tokens(raw) | ({"content-length"} if length is not None else set())
    headers = []
    for name, value in reply.headers.multi_items():
        lower = name.lower()
        if lower in dropped:
            continue
        if lower == "set-cookie":
            value = rewrite_set_cookie(value, mount, secure)
        elif lower == "location":
            value = rewrite_location(value, upstream, mount)
        headers.append((lower.encode("latin-1"), value.encode("latin-1")))
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    return headers


async def read_capped(chunks: AsyncIterator[bytes], limit: int = MAX_BODY) -> bytes:
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise TooLarge
    return bytes(body)


async def _request_chunks(receive: Receive) -> AsyncIterator[bytes]:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        yield message.get("body", b"")
        if not message.get("more_body", False):
            return


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class OpenwhydUpstream:
    """An ASGI app that forwards every request under its mount to `upstream` (an http(s) URL)."""

    def __init__(self, upstream: str, *, timeout: httpx.Timeout = TIMEOUT, max_body: int = MAX_BODY) -> None:
        self.upstream = upstream.rstrip("/")
        self.timeout = timeout
        self.max_body = max_body
        self._client: httpx.AsyncClient | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        """Made on first use, inside the server's event loop, then shared for its connection pool."""
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self.timeout, follow_redirects=False)
        return self._client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        mount = scope.get("root_path", "")
        raw_path = scope.get("raw_path") or scope["path"].encode()
        path = raw_path.decode("latin-1").removeprefix(mount) or "/"
        query = scope["query_string"].decode("latin-1")
        url = self.upstream + path + (f"?{query}" if query else "")
        try:
            body = await read_capped(_request_chunks(receive), self.max_body)
        except TooLarge:
            await _send_error(send, 413, "Request body too large")
            return
        request = self.client.build_request(
            scope["method"],
            url,
            headers=forwarded_request_headers(scope["headers"]),
            content=body,
        )
        try:
            reply = await self.client.send(request, stream=True)
            try:
                content = await read_capped(reply.aiter_raw(), self.max_body)
            finally:
                await reply.aclose()
        except (httpx.HTTPError, TooLarge) as error:
            log.warning("Openwhyd upstream failed on %s %s: %s", scope["method"], path, type(error).__name__)
            await _send_error(send, 502, "The Openwhyd server did not answer properly")
            return
        length = None if scope["method"] == "HEAD" else len(content)
        headers = reply_headers(reply, self.upstream, mount, scope["scheme"] == "https", length)
        await send({"type": "http.response.start", "status": reply.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": content})


def banner(upstream: str, mount: str) -> list[str]:
    return [f"Openwhyd: {mount}/ proxied to {upstream}"]
