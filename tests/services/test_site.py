"""The app's files as `serve` hands them out: types, cache policy, and nothing beyond the app."""

import gzip
import hashlib
import io
import urllib.error
import urllib.request
import zipfile

import pytest

from buildkit.lock import read_lock

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
    status, headers, body = get(live_server + "/app.snapshot.gz")
    assert status == 200 and headers["cache-control"] == "no-cache"
    snapshot = gzip.decompress(body)
    assert snapshot[:4] == b"\0snp", "Pyodide's snapshot magic"
    app_zip = get(live_server + "/app.zip")[2]
    assert body[10:75] == hashlib.sha256(app_zip).hexdigest().encode() + b"\0", "made for this app.zip"
    assert b"/home/pyodide/app/ui/core/templates.py" in snapshot, "the app's modules are imported in it"
    again = {"If-None-Match": headers["etag"]}
    assert get(urllib.request.Request(live_server + "/app.snapshot.gz", headers=again))[0] == 304


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
