"""JSONP: how a page hosted elsewhere reads Openwhyd's public lists, since Openwhyd sends no
CORS headers (reference §1.5). Library routes (`/:handle`, playlists, likes, `/stream?id=`)
and `/api/user` answer `callback(<json>)`; a `<script>` tag runs it.

The pure parts (naming the callback, building the URL, unwrapping a reply) are shared with
CPython; only `load_with_script_tag` needs a browser.
"""

import asyncio
import itertools
from collections.abc import Awaitable, Callable

from app.api.errors import Timeout, TransportError
from app.api.transport import DEFAULT_TIMEOUT, Request, Response, Transport

ScriptLoader = Callable[[str, str], Awaitable[str]]
"""Loads the script at a URL and returns the JSON text it passed to the named callback."""

_callback_numbers = itertools.count()


def next_callback_name() -> str:
    """A fresh global function name, so concurrent loads never share a callback."""
    return f"tonearm_jsonp_{next(_callback_numbers)}"


def callback_url(request: Request, callback: str) -> str:
    """The request's URL asking for a JSONP reply that calls `callback`."""
    params = tuple(pair for pair in request.params if pair[0] != "callback")
    return Request("GET", request.url, params=(*params, ("callback", callback))).full_url


def unwrap(script: str, callback: str) -> str:
    """The JSON text a JSONP reply passes to `callback`; ValueError if it does not call it.

    Accepts `cb(…)`, `cb(…);` and Express's `/**/ typeof cb === 'function' && cb(…);`.
    """
    start = script.find(callback + "(")
    end = script.rfind(")")
    if start < 0 or end < start:
        raise ValueError(f"not a JSONP reply calling {callback}")
    return script[start + len(callback) + 1 : end].strip()


class JsonpTransport:
    """Sends GET requests as JSONP and returns the payload as a JSON response.

    A script load has no status: a failed one (unknown user, a route without JSONP) raises
    `TransportError`, one that has not called back after `timeout` seconds `Timeout` (a script
    tag has no timeout of its own).
    """

    def __init__(self, load_script: ScriptLoader | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._load_script = load_script or load_with_script_tag
        self.timeout = timeout

    async def send(self, request: Request) -> Response:
        if request.method != "GET" or request.encode_body()[0] is not None:
            raise TransportError(f"JSONP can only GET, not {request.method} with a body")
        callback = next_callback_name()
        url = callback_url(request, callback)
        wait = request.timeout or self.timeout
        try:
            payload = await asyncio.wait_for(self._load_script(url, callback), wait)
        except TimeoutError as error:
            raise Timeout(wait) from error
        headers = (("content-type", "application/json"),)
        return Response(status=200, body=payload.encode(), headers=headers, url=url)


def text_loader(transport: Transport) -> ScriptLoader:
    """A loader for CPython: fetch the script's text and unwrap it, as running it would."""

    async def load(url: str, callback: str) -> str:
        reply = await transport.send(Request("GET", url))
        if not reply.ok:
            raise TransportError(f"could not load {url}: HTTP {reply.status}", reply.status)
        try:
            return unwrap(reply.text, callback)
        except ValueError as error:
            raise TransportError(f"could not load {url}: {error}") from error

    return load


async def load_with_script_tag(url: str, callback: str) -> str:
    """Browser only: add a `<script src=url>` and wait for it to call `window[callback]`."""
    import js
    from pyodide.ffi import create_proxy

    reply: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def receive(data: object) -> None:
        if not reply.done():
            reply.set_result(js.JSON.stringify(data))

    def fail(_event: object) -> None:
        if not reply.done():
            reply.set_exception(TransportError(f"could not load {url}"))

    proxies = [create_proxy(receive), create_proxy(fail)]
    script = js.document.createElement("script")
    script.onerror = script.onload = proxies[1]
    setattr(js.window, callback, proxies[0])
    script.src = url
    js.document.head.appendChild(script)
    try:
        return await reply
    finally:
        script.remove()
        js.Reflect.deleteProperty(js.window, callback)
        for proxy in proxies:
            proxy.destroy()
