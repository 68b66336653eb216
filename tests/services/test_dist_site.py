"""A built dist/ as `serve --dist` hands it out: each file in the coding the client accepts, from the
copies `build.py build` wrote beside it, with the original's type and an ETag per coding."""

import asyncio
import gzip
import os
from collections.abc import Callable
from pathlib import Path

import brotli
import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from buildkit import compression
from buildkit.compression import FAST, precompress
from server.site import dist_site

SCRIPT = "export const tonearm = () => 'plays';\n" * 300
WASM = bytes(range(256)) * 64

Get = Callable[..., httpx.Response]
"""A request to the site: its method, its path and its headers; the answer's body as sent."""


@pytest.fixture
def dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(compression, "CACHE", tmp_path / "cache")
    root = tmp_path / "dist"
    runtime = root / "static" / "vendor" / "pyodide-1.2.3"
    runtime.mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html>" + "<p>Tonearm</p>\n" * 200)
    (root / "app.js").write_text(SCRIPT)
    (root / "tiny.css").write_text("p { margin: 0 }\n")
    (root / "noise.bin").write_bytes(os.urandom(4096))
    (runtime / "pyodide.asm.wasm").write_bytes(WASM)
    precompress(root, FAST)
    return root


@pytest.fixture
def request_site(dist: Path) -> Get:
    site = Starlette(routes=[Mount("/", dist_site(dist))])  # as server.web mounts it

    async def send(method: str, path: str, headers: dict[str, str]) -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=site), base_url="http://t") as client:
            del client.headers["accept-encoding"]
            reply = await client.send(client.build_request(method, path, headers=headers), stream=True)
            reply._content = b"".join([chunk async for chunk in reply.aiter_raw()])
            return reply

    return lambda method, path, **headers: asyncio.run(send(method, path, headers))


def test_without_accept_encoding_a_file_goes_out_as_it_is(request_site: Get) -> None:
    reply = request_site("GET", "/app.js")
    assert reply.status_code == 200
    assert reply.content == SCRIPT.encode()
    assert "content-encoding" not in reply.headers
    assert reply.headers["vary"] == "Accept-Encoding", "a cache must not hand this one to a brotli client"
    assert reply.headers["content-type"].startswith("text/javascript")


@pytest.mark.parametrize(
    ("accept", "coding", "decode"),
    [("gzip, deflate, br, zstd", "br", brotli.decompress), ("gzip, deflate", "gzip", gzip.decompress)],
)
def test_the_best_accepted_coding_decodes_to_the_file(
    request_site: Get, accept: str, coding: str, decode: Callable[[bytes], bytes]
) -> None:
    reply = request_site("GET", "/app.js", **{"Accept-Encoding": accept})
    assert reply.status_code == 200
    assert reply.headers["content-encoding"] == coding
    assert reply.headers["vary"] == "Accept-Encoding"
    assert reply.headers["content-type"].startswith("text/javascript")
    assert reply.headers["cache-control"] == "no-cache"
    assert int(reply.headers["content-length"]) == len(reply.content) < len(SCRIPT) / 4
    assert decode(reply.content) == SCRIPT.encode()


def test_a_refused_coding_is_never_sent(request_site: Get) -> None:
    assert (
        request_site("GET", "/app.js", **{"Accept-Encoding": "br;q=0, gzip"}).headers["content-encoding"]
        == "gzip"
    )
    reply = request_site("GET", "/app.js", **{"Accept-Encoding": "br;q=0, gzip;q=0"})
    assert "content-encoding" not in reply.headers and reply.content == SCRIPT.encode()


def test_the_runtime_keeps_its_type_and_its_year_long_cache_compressed(request_site: Get) -> None:
    reply = request_site("GET", "/static/vendor/pyodide-1.2.3/pyodide.asm.wasm", **{"Accept-Encoding": "br"})
    assert reply.headers["content-type"] == "application/wasm"
    assert reply.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert brotli.decompress(reply.content) == WASM


def test_the_index_page_of_a_folder_is_compressed_too(request_site: Get, dist: Path) -> None:
    reply = request_site("GET", "/", **{"Accept-Encoding": "br"})
    assert reply.headers["content-type"].startswith("text/html")
    assert brotli.decompress(reply.content) == (dist / "index.html").read_bytes()


def test_each_coding_has_its_own_etag_and_revalidates_alone(request_site: Get) -> None:
    tags = {
        accept: request_site("GET", "/app.js", **({"Accept-Encoding": accept} if accept else {})).headers[
            "etag"
        ]
        for accept in ("", "br", "gzip")
    }
    assert len(set(tags.values())) == 3
    revalidated = request_site("GET", "/app.js", **{"Accept-Encoding": "br", "If-None-Match": tags["br"]})
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert revalidated.headers["etag"] == tags["br"] and revalidated.headers["vary"] == "Accept-Encoding"
    assert revalidated.headers["cache-control"] == "no-cache"
    other = request_site("GET", "/app.js", **{"Accept-Encoding": "gzip", "If-None-Match": tags["br"]})
    assert other.status_code == 200 and gzip.decompress(other.content) == SCRIPT.encode()
    plain = request_site("GET", "/app.js", **{"If-None-Match": tags[""]})
    assert plain.status_code == 304


def test_head_tells_the_coded_size_and_sends_nothing(request_site: Get) -> None:
    got = request_site("GET", "/app.js", **{"Accept-Encoding": "br"})
    head = request_site("HEAD", "/app.js", **{"Accept-Encoding": "br"})
    assert head.status_code == 200 and head.content == b""
    for name in ("content-encoding", "content-length", "content-type", "etag", "vary"):
        assert head.headers[name] == got.headers[name]


def test_a_range_request_gets_the_identity(request_site: Get) -> None:
    reply = request_site("GET", "/app.js", **{"Accept-Encoding": "br", "Range": "bytes=7-19"})
    assert reply.status_code == 206
    assert "content-encoding" not in reply.headers
    assert reply.content == SCRIPT.encode()[7:20]
    assert reply.headers["vary"] == "Accept-Encoding"


def test_files_not_worth_compressing_go_out_as_they_are_without_vary(request_site: Get, dist: Path) -> None:
    for name in ("tiny.css", "noise.bin"):
        reply = request_site("GET", f"/{name}", **{"Accept-Encoding": "br, gzip"})
        assert reply.status_code == 200 and reply.content == (dist / name).read_bytes()
        assert "content-encoding" not in reply.headers and "vary" not in reply.headers


def test_a_copy_asked_for_by_name_is_only_bytes(request_site: Get) -> None:
    reply = request_site("GET", "/app.js.br", **{"Accept-Encoding": "br"})
    assert reply.headers["content-type"] == "application/octet-stream"
    assert "content-encoding" not in reply.headers
    assert brotli.decompress(reply.content) == SCRIPT.encode()


def test_what_is_not_a_file_is_answered_as_before(request_site: Get, dist: Path) -> None:
    assert request_site("GET", "/nothing.js", **{"Accept-Encoding": "br"}).status_code == 404
    (dist.parent / "secret.js").write_text(SCRIPT)
    assert request_site("GET", "/%2e%2e/secret.js", **{"Accept-Encoding": "br"}).status_code == 404
    assert request_site("POST", "/app.js").status_code == 405
