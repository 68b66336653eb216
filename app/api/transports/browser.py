"""The transport for the browser (Pyodide): `window.fetch`, awaited so the page never freezes.

Only runs in the browser (it imports `js` when sending); everything it could get wrong, from
the query string to the multipart body, is built by `Request` in app/api/transport.py.
"""

from app.api.errors import TransportError
from app.api.transport import Request, Response

OFFLINE = "Could not reach the server: you may be offline, or it may be down."


class BrowserTransport:
    """`credentials` is `fetch`'s: "same-origin" when the service is served with the app (the
    only way Openwhyd's SameSite=Strict cookie works), "include" for a CORS-enabled service
    on another origin."""

    def __init__(self, credentials: str = "same-origin") -> None:
        self.credentials = credentials

    async def send(self, request: Request) -> Response:
        import js
        from pyodide.ffi import JsException, to_js

        headers, body = request.encode()
        options = {"method": request.method, "headers": headers, "credentials": self.credentials}
        if body:
            options["body"] = to_js(body)
        try:
            answer = await js.fetch(request.full_url, to_js(options, dict_converter=js.Object.fromEntries))
            content = (await answer.arrayBuffer()).to_bytes()
        except JsException as error:  # fetch says only "Failed to fetch", whatever the cause
            raise TransportError(OFFLINE) from error
        pairs = tuple((name.lower(), value) for name, value in answer.headers.entries())
        return Response(status=answer.status, body=content, headers=pairs, url=answer.url)
