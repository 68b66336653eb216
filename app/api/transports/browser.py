"""The transport for the browser (Pyodide): `window.fetch`, awaited so the page never freezes.

Only runs in the browser (it imports `js` when sending); everything it could get wrong, from
the query string to the multipart body, is built by `Request` in app/api/transport.py.
"""

from app.api.errors import Timeout, TransportError
from app.api.transport import DEFAULT_TIMEOUT, Request, Response

OFFLINE = "Could not reach the server: you may be offline, or it may be down."


class BrowserTransport:
    """`credentials` is `fetch`'s: "same-origin" when the service is served with the app (the
    only way Openwhyd's SameSite=Strict cookie works), "include" for a CORS-enabled service
    on another origin. `timeout` (seconds) bounds the whole exchange, body included."""

    def __init__(self, credentials: str = "same-origin", timeout: float = DEFAULT_TIMEOUT) -> None:
        self.credentials = credentials
        self.timeout = timeout

    async def send(self, request: Request) -> Response:
        import js
        from pyodide.ffi import JsException, to_js

        headers, body = request.encode()
        wait = request.timeout or self.timeout
        options = {
            "method": request.method,
            "headers": headers,
            "credentials": self.credentials,
            "signal": js.AbortSignal.timeout(int(wait * 1000)),
        }
        if body:
            options["body"] = to_js(body)
        try:
            answer = await js.fetch(request.full_url, to_js(options, dict_converter=js.Object.fromEntries))
            content = (await answer.arrayBuffer()).to_bytes()
        except JsException as error:  # fetch says only "Failed to fetch", whatever the cause
            if error.name == "TimeoutError":
                raise Timeout(wait) from error
            raise TransportError(OFFLINE) from error
        pairs = tuple((name.lower(), value) for name, value in answer.headers.entries())
        return Response(status=answer.status, body=content, headers=pairs, url=answer.url)
