"""The app's files as `serve` hands them out: types, cache policy, and nothing beyond the app."""

import gzip
import hashlib
import io
import urllib.error
import urllib.request
import zipfile

import brotli
import pytest

from buildkit.lock import read_lock
from buildkit.snapshot import MADE_FOR

PINS = {pin.name: pin for pin in read_lock()}


def get(url: str | urllib.request.Request) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_index_is_the_app_page(live_server: str) -> None:
    status, headers, body = get(live_server + "/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert headers["cache-control"] == "no-cache"
    assert b'<script type="py" config="./pyscript.toml">' in body


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        (f"/static/vendor/{PINS['pyodide'].into}/pyodide.mjs", "text/javascript"),
        (f"/static/vendor/{PINS['pyodide'].into}/pyodide.asm.wasm", "application/wasm"),
        (f"/static/vendor/{PINS['@pyscript/core'].into}/core.js", "text/javascript"),
    ],
)
def test_versioned_runtime_is_typed_and_cached_for_a_year(
    live_server: str, path: str, content_type: str
) -> None:
    status, headers, _ = get(live_server + path)
    assert status == 200
    assert headers["content-type"].split(";")[0] == content_type
    assert headers["cache-control"] == "public, max-age=31536000, immutable"


def test_service_worker_is_served_from_the_root_so_its_scope_is_the_app(live_server: str) -> None:
    status, headers, body = get(live_server + "/sw.js")
    assert status == 200 and headers["cache-control"] == "no-cache"
    assert headers["content-type"].startswith("text/javascript")
    assert b'addEventListener("fetch"' in body


def test_app_archive_is_built_from_the_tree(live_server: str) -> None:
    status, headers, body = get(live_server + "/app.zip")
    assert status == 200 and headers["cache-control"] == "no-cache"
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert "app/main.py" in names
    assert "app/ui/core/templates/frame.html" in names
    assert not any("__pycache__" in name for name in names)


@pytest.mark.parametrize(
    "path",
    [
        "/.git/config",
        "/build.py",
        "/app/main.py",
        "/data/",
        "/static/../build.py",
        "/pyproject.toml",
        "/.venv/pyvenv.cfg",
    ],
)
def test_only_the_app_is_served_from_the_checkout(live_server: str, path: str) -> None:
    status, _, _ = get(live_server + path)
    assert status == 404


def test_startup_snapshot_is_made_from_the_tree_and_revalidated_by_its_etag(live_server: str) -> None:
    status, headers, snapshot = get(live_server + "/app.snapshot")
    assert status == 200 and headers["cache-control"] == "no-cache"
    assert snapshot[MADE_FOR : MADE_FOR + 4] == b"\0snp", "Pyodide's snapshot magic"
    app_zip = get(live_server + "/app.zip")[2]
    assert snapshot[:MADE_FOR] == hashlib.sha256(app_zip).hexdigest().encode(), "made for this app.zip"
    assert b"/home/pyodide/app/ui/core/templates.py" in snapshot, "the app's modules are imported in it"
    again = {"If-None-Match": headers["etag"]}
    assert get(urllib.request.Request(live_server + "/app.snapshot", headers=again))[0] == 304


WASM = f"/static/vendor/{PINS['pyodide'].into}/pyodide.asm.wasm"
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize("path", ["/", "/app.snapshot", WASM, "/static/css/app.css"])
@pytest.mark.parametrize("coding", ["br", "gzip"])
def test_the_tree_is_served_compressed_in_the_coding_the_client_accepts(
    live_server: str, path: str, coding: str
) -> None:
    _, plain_headers, plain = get(live_server + path)
    accept = {"Accept-Encoding": "gzip, deflate, br" if coding == "br" else "br;q=0, gzip"}
    status, headers, packed = get(urllib.request.Request(live_server + path, headers=accept))
    assert status == 200 and headers["content-encoding"] == coding
    assert DECODE[coding](packed) == plain and len(packed) < 0.8 * len(plain)
    assert headers["vary"] == plain_headers["vary"] == "Accept-Encoding"
    assert "content-encoding" not in plain_headers
    assert headers["content-type"] == plain_headers["content-type"]
    assert headers["cache-control"] == plain_headers["cache-control"]
    assert headers["etag"] != plain_headers["etag"]
    revalidate = {**accept, "If-None-Match": headers["etag"]}
    assert get(urllib.request.Request(live_server + path, headers=revalidate))[0] == 304
    head = get(urllib.request.Request(live_server + path, headers=accept, method="HEAD"))
    assert head[0] == 200 and head[2] == b"" and head[1]["content-length"] == str(len(packed))


def test_a_range_of_the_runtime_comes_as_it_is(live_server: str) -> None:
    whole = get(live_server + WASM)[2]
    ranged = {"Accept-Encoding": "br, gzip", "Range": "bytes=8-1031"}
    status, headers, part = get(urllib.request.Request(live_server + WASM, headers=ranged))
    assert status == 206 and "content-encoding" not in headers
    assert part == whole[8:1032]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/app.zip",
        "/nothing-here",
        "/x%0ay",
        "/openwhyd/hot",
        "/openwhyd/x%0a/y",
        "/heavy/a/pingdb",
        "/a/x",
        "/h/x",
    ],
)
def test_every_answer_says_nosniff(live_server: str, path: str) -> None:
    assert get(live_server + path)[1]["x-content-type-options"] == "nosniff"
