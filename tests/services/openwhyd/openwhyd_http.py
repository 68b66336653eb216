"""A stdlib HTTP client for the Openwhyd service tests: one cookie jar per `Browser`, no redirects
followed, bodies sent as JSON, urlencoded form or multipart as each test needs."""

import http.client
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from app.api.transport import UploadFile, encode_multipart

ADMIN = "000000000000000000000001"
DUMMY = "000000000000000000000002"
NEW_USER = "000000000000000000000003"
ADRIEN = "4d94501d1f78ac091dbc9b4d"
FAKE_ID = "a0000000000000000000000a"
PASSWORD = "admin"
ADMIN_MD5 = "21232f297a57a5a743894a0e4a801fc3"
ADRIEN_POSTS = 21


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def media_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0]


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    """A multipart/form-data body and its content type; files are `(filename, data, type)`."""
    content_type, body = encode_multipart(
        tuple(fields.items()),
        tuple(UploadFile(name, *file) for name, file in files.items()),
    )
    return body, content_type


class Browser:
    """One visitor: keeps the `whydSid` cookie the service sets, like a browser would."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookie: str | None = None

    def request(
        self,
        method: str,
        path: str,
        query: Any = None,
        *,
        json_body: Any = None,
        form: Any = None,
        raw: bytes | None = None,
        content_type: str | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        url = urlsplit(self.base + path)
        target = url.path + (f"?{url.query}" if url.query else "")
        if query is not None:
            target += ("&" if url.query else "?") + urlencode(query, doseq=True)
        sent = dict(headers or {})
        body = raw
        if json_body is not None:
            body, content_type = json.dumps(json_body).encode(), "application/json"
        elif files is not None:
            body, content_type = multipart(form or {}, files)
        elif form is not None:
            body, content_type = urlencode(form, doseq=True).encode(), "application/x-www-form-urlencoded"
        if content_type:
            sent["Content-Type"] = content_type
        if self.cookie:
            sent["Cookie"] = f"whydSid={self.cookie}"
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        try:
            connection.request(method, target, body=body, headers=sent)
            response = connection.getresponse()
            reply = Reply(response.status, response.headers, response.read())
        finally:
            connection.close()
        for header in reply.headers.get_all("set-cookie") or []:
            name, _, rest = header.partition("=")
            if name == "whydSid":
                self.cookie = rest.split(";")[0]
        return reply

    def get(self, path: str, query: Any = None, **kwargs: Any) -> Reply:
        return self.request("GET", path, query, **kwargs)

    def post(self, path: str, query: Any = None, **kwargs: Any) -> Reply:
        return self.request("POST", path, query, **kwargs)

    def login(self, who: str, password: str = PASSWORD) -> Reply:
        reply = self.get("/login", {"action": "login", "ajax": 1, "email": who, "password": password})
        assert "error" not in reply.json(), reply.text
        return reply

    def api_post(self, **params: Any) -> Reply:
        """`POST /api/post` with a JSON body, as the web UI sends it."""
        return self.post("/api/post", json_body=params)
