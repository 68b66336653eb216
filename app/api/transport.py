"""Requests and responses as plain values, and the one method every transport implements.

Modelled on httpx: a client builds a `Request`, a `Transport` carries it and returns a
`Response` whatever its status. Bodies are encoded here, so every transport (CPython,
browser) sends the same bytes and stays a thin shell around its runtime's HTTP call.
"""

import json as jsonlib
import secrets
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

Pairs = tuple[tuple[str, str], ...]

DEFAULT_TIMEOUT = 30.0
"""Seconds a transport waits for an answer unless the request says otherwise."""


@dataclass(frozen=True)
class UploadFile:
    """A file part of a multipart body."""

    field: str
    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Request:
    """One HTTP request. Give at most one body: `json`, `form`, or `files` (+ `form` fields).
    `timeout`: seconds to wait for this answer, for the calls the server takes long over; None
    for the transport's own."""

    method: str
    url: str
    params: Pairs = ()
    json: Any = None
    form: Pairs | None = None
    files: tuple[UploadFile, ...] = ()
    headers: Pairs = ()
    timeout: float | None = None

    @property
    def full_url(self) -> str:
        """The URL with `params` appended as a query string (repeated keys kept)."""
        if not self.params:
            return self.url
        return self.url + ("&" if "?" in self.url else "?") + urlencode(self.params)

    def encode_body(self) -> tuple[str | None, bytes]:
        """The body's content type (None without a body) and bytes."""
        if self.files:
            return encode_multipart(self.form or (), self.files)
        if self.json is not None:
            return "application/json", jsonlib.dumps(self.json).encode()
        if self.form is not None:
            return "application/x-www-form-urlencoded", urlencode(self.form).encode()
        return None, b""

    def encode(self) -> tuple[dict[str, str], bytes]:
        """What goes on the wire besides the URL: the headers, the body's content type among
        them, and the body's bytes."""
        content_type, body = self.encode_body()
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        return headers, body


def encode_multipart(
    fields: Pairs, files: tuple[UploadFile, ...], boundary: str | None = None
) -> tuple[str, bytes]:
    """A `multipart/form-data` body: the content type (with its boundary) and the bytes."""
    boundary = boundary or "tonearm-" + secrets.token_hex(16)
    parts = [_part(boundary, f'name="{_quoted(name)}"', value.encode()) for name, value in fields]
    parts += [
        _part(
            boundary,
            f'name="{_quoted(file.field)}"; filename="{_quoted(file.filename)}"',
            file.content,
            file.content_type,
        )
        for file in files
    ]
    return f"multipart/form-data; boundary={boundary}", b"".join(parts) + f"--{boundary}--\r\n".encode()


def _part(boundary: str, disposition: str, content: bytes, content_type: str | None = None) -> bytes:
    head = f"--{boundary}\r\nContent-Disposition: form-data; {disposition}\r\n"
    if content_type:
        head += f"Content-Type: {content_type}\r\n"
    return (head + "\r\n").encode() + content + b"\r\n"


def _quoted(name: str) -> str:
    """A name made safe inside a quoted header parameter, as browsers do."""
    return name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


@dataclass(frozen=True)
class Response:
    """One HTTP response; header names are lower-case, `url` is the one after redirects."""

    status: int
    body: bytes = b""
    headers: Pairs = ()
    url: str = ""

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key == name), None)

    @property
    def content_type(self) -> str:
        """The media type alone, e.g. `application/json`."""
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body parsed as JSON; ValueError when it is not JSON."""
        return jsonlib.loads(self.body)


class Transport(Protocol):
    """Carries requests; implementations live in app/api/transports/."""

    async def send(self, request: Request) -> Response:
        """The server's response, whatever its status; `TransportError` if none came, `Timeout`
        (one of them) if none came in time."""
        ...
