"""A file's answer in the content coding the client accepts, from copies compressed beforehand.

Compressing ahead of time lets the biggest files (the runtime's wasm, the startup snapshot) go out
at brotli's best, which no server could afford per request. Each coding is a representation of its
own, with an ETag of its own, so caches and conditional requests never mix them; a Range request
gets the identity, the one representation whose byte offsets a client can reason about.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response

CODINGS = {"br": ".br", "gzip": ".gz"}
"""The codings offered, preferred first, and the suffix of a file's copy in each (as nginx's
`gzip_static`/`brotli_static` and Caddy's `precompressed` look for them)."""
IDENTITY = "identity"
ALIASES = {"x-gzip": "gzip"}


@dataclass(frozen=True)
class Variant:
    body: Path | bytes
    etag: str
    """Quoted, as the header carries it."""


@dataclass(frozen=True)
class Encoded:
    """A file as it can be sent: as it is, and in each coding whose copy is worth sending."""

    media_type: str
    identity: Variant
    coded: Mapping[str, Variant] = field(default_factory=dict)


def coded_etag(identity_etag: str, coding: str) -> str:
    return f'{identity_etag[:-1]}-{coding}"'


def accepted_coding(accept_encoding: str | None, offered: Mapping[str, object]) -> str:
    """The first coding of CODINGS that is `offered` and that `accept_encoding` does not refuse
    (a coding it names with q=0, or leaves to a `*;q=0`), else the identity (also when the
    identity is refused: a client gets the file rather than an error)."""
    weights: dict[str, float] = {}
    for part in (accept_encoding or "").lower().split(","):
        name, _, params = part.partition(";")
        name = ALIASES.get(name.strip(), name.strip())
        if name:
            weights[name] = _weight(params)
    default = weights.get("*", 0.0)
    for coding in CODINGS:
        if coding in offered and weights.get(coding, default) > 0:
            return coding
    return IDENTITY


def encoded_response(file: Encoded, request: Headers, method: str) -> Response:
    coding = IDENTITY if "range" in request else accepted_coding(request.get("accept-encoding"), file.coded)
    variant = file.coded.get(coding, file.identity)
    headers = {"ETag": variant.etag}
    if file.coded:
        headers["Vary"] = "Accept-Encoding"
    if _none_match(request.get("if-none-match"), variant.etag):
        return Response(status_code=304, headers=headers)
    if coding != IDENTITY:
        headers["Content-Encoding"] = coding
    if isinstance(variant.body, Path):
        return FileResponse(variant.body, media_type=file.media_type, headers=headers)
    if method == "HEAD":
        headers["Content-Length"] = str(len(variant.body))
        return Response(media_type=file.media_type, headers=headers)
    return Response(variant.body, media_type=file.media_type, headers=headers)


def _weight(params: str) -> float:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def _none_match(if_none_match: str | None, etag: str) -> bool:
    if if_none_match is None:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags
