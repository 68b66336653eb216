"""A stand-in for Last.fm's web service and auth page on loopback, for the Last.fm tests.

Its auth page (`auth_url`) lets `next_user` allow the application at once, sending the browser
back to `cb` with a token, as Last.fm's does once its user clicks "Yes, allow access". The API
answers as Last.fm's 2.0 API does (JSON with `format=json`): `auth.getSession` for the tokens
`authorise` made, `track.scrobble` for the session keys it gave, each checked for the application
key and the `api_sig` Last.fm would compute; refusals are Last.fm's `{"error": n, "message"}` with
its HTTP status. Every call it gets is recorded, as sent.
"""

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

KEY, SECRET = "fake-api-key", "fake-api-secret"
ERRORS = {
    4: (403, "Invalid authentication token supplied"),
    6: (400, "Invalid parameters - Your request is missing a required parameter"),
    9: (403, "Invalid session key - Please re-authenticate"),
    10: (403, "Invalid API key - You must be granted a valid key by last.fm"),
    13: (403, "Invalid method signature supplied"),
}


def expected_signature(params: dict[str, str]) -> str:
    signed = "".join(
        f"{name}{params[name]}" for name in sorted(params) if name not in ("format", "callback", "api_sig")
    )
    return hashlib.md5((signed + SECRET).encode()).hexdigest()


@dataclass
class FakeLastFm:
    url: str = ""
    auth_url: str = ""
    next_user: str = "rj"
    tokens: dict[str, str] = field(default_factory=dict)
    """Tokens the auth page handed out, and the Last.fm user each is for."""
    sessions: dict[str, str] = field(default_factory=dict)
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    """`(HTTP method, parameters)` of every API call, in order."""

    def authorise(self, name: str) -> str:
        """What Last.fm's auth page does when `name` allows the application: a token for `cb`."""
        token = f"token-{len(self.tokens) + 1}"
        self.tokens[token] = name
        return token

    def scrobbles(self) -> list[dict[str, str]]:
        return [params for _, params in self.calls if params.get("method") == "track.scrobble"]

    def answer(self, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if params.get("api_key") != KEY:
            return _error(10)
        if params.get("api_sig") != expected_signature(params):
            return _error(13)
        method = params.get("method")
        if method == "auth.getSession":
            name = self.tokens.pop(params.get("token", ""), None)
            if name is None:
                return _error(4)
            key = hashlib.md5(f"session of {name}".encode()).hexdigest()
            self.sessions[key] = name
            return 200, {"session": {"name": name, "key": key, "subscriber": 0}}
        if method == "track.scrobble":
            if params.get("sk") not in self.sessions:
                return _error(9)
            if not all(params.get(name) for name in ("artist", "track", "timestamp")):
                return _error(6)
            return 200, {"scrobbles": {"@attr": {"accepted": 1, "ignored": 0}, "scrobble": _echo(params)}}
        return _error(6)


def _error(code: int) -> tuple[int, dict[str, Any]]:
    status, message = ERRORS[code]
    return status, {"error": code, "message": message}


def _echo(params: dict[str, str]) -> dict[str, Any]:
    return {
        "artist": {"corrected": "0", "#text": params["artist"]},
        "track": {"corrected": "0", "#text": params["track"]},
        "timestamp": params["timestamp"],
        "ignoredMessage": {"code": "0", "#text": ""},
    }


@contextmanager
def fake_lastfm() -> Iterator[FakeLastFm]:
    fake = FakeLastFm()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            params = dict(parse_qsl(url.query))
            if url.path.startswith("/api/auth"):
                back = f"{params['cb']}?{urlencode({'token': fake.authorise(fake.next_user)})}"
                self.send_response(302)
                self.send_header("Location", back)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self._answer(params)

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            self._answer(dict(parse_qsl(self.rfile.read(length).decode())))

        def _answer(self, params: dict[str, str]) -> None:
            fake.calls.append((self.command, params))
            status, body = fake.answer(params)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/2.0/"
    fake.auth_url = f"http://127.0.0.1:{server.server_address[1]}/api/auth/"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
