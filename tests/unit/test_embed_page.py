"""embed.html: it points at the locked runtime, everything it names exists, it preloads exactly the
one bundle its config loads, and the server hands out that bundle and no part of app/."""

import asyncio
import json
import re

import pytest

from buildkit.lock import read_lock
from buildkit.paths import ROOT, VENDOR
from buildkit.tree_site import tree_site
from buildkit.widget_bundle import BUNDLE, WIDGET_PAGE, widget_bundle, widget_modules
from server.clock import Clock

PAGE = (ROOT / WIDGET_PAGE).read_text()
CONFIG = json.loads(re.search(r"""<script type="mpy" config='([^']*)'>""", PAGE)[1])


def test_the_widget_runs_the_locked_micropython() -> None:
    pins = {pin.name: pin for pin in read_lock()}
    config = CONFIG
    micropython = pins["@micropython/micropython-webassembly-pyscript"].into
    assert config["interpreter"] == f"./static/vendor/{micropython}/micropython.mjs"
    assert f"./static/vendor/{pins['@pyscript/core'].into}/core.js" in PAGE
    assert "packages" not in config, "packages would need mip, which is not vendored"


@pytest.mark.skipif(not VENDOR.exists(), reason="needs the vendored runtime (python build.py vendor)")
def test_the_widget_leaves_out_pyscripts_plugins_but_the_error_banner() -> None:
    """Each plugin is a module PyScript fetches before it starts MicroPython; the widget uses none
    but the one that shows a Python error on the page, which the page preloads. PyScript fetches
    them for Pyodide too, which the widget never starts: its config leaves them all out."""
    core = {pin.name: pin for pin in read_lock()}["@pyscript/core"].into
    chunks = "".join(path.read_text() for path in (VENDOR / core).glob("core-*.js"))
    plugins = set(re.findall(r'"?([\w-]+)"?:\(\)=>import\("\./([\w-]+\.js)"\)', chunks))
    left_out = {name.removeprefix("!") for name in CONFIG["plugins"]}
    assert left_out == {name for name, _ in plugins} - {"error"}
    pyodide_config = json.loads(re.search(r"<py-config hidden>(.*)</py-config>", PAGE)[1])
    assert {name.removeprefix("!") for name in pyodide_config["plugins"]} == {name for name, _ in plugins}
    assert '<script type="py"' not in PAGE
    (error_chunk,) = [chunk for name, chunk in plugins if name == "error"]
    assert f'<link rel="modulepreload" href="./static/vendor/{core}/{error_chunk}">' in PAGE


def test_every_file_the_page_names_exists() -> None:
    names = re.findall(r'(?:href|src)="\./([^"]+)"', PAGE)
    assert len(names) > 5
    for name in names:
        if (name.startswith("static/vendor/") and not VENDOR.exists()) or name == BUNDLE:
            continue
        assert (ROOT / name).is_file(), name


def test_the_page_preloads_the_one_bundle_its_config_loads() -> None:
    preloaded = re.findall(r'<link rel="preload" href="\./([^"]+)" as="fetch" crossorigin>', PAGE)
    assert [name for name in preloaded if "static/vendor/" not in name] == [BUNDLE]
    assert CONFIG["files"] == {f"./{BUNDLE}": f"./{BUNDLE}"}


def get(app: object, path: str) -> tuple[int, bytes]:
    """One GET straight through the ASGI app: its status and body."""
    sent: list[dict] = []
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [],
        "scheme": "http",
        "server": ("test", 80),
        "http_version": "1.1",
    }

    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict:
        if requests:
            return requests.pop()
        await asyncio.Event().wait()  # the client stays connected until the response is sent
        return {}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], b"".join(message.get("body", b"") for message in sent[1:])


def test_the_tree_server_serves_the_widget_and_none_of_app() -> None:
    site = tree_site(ROOT, Clock())
    assert get(site, "/embed.html") == (200, PAGE.encode())
    assert get(site, f"/{BUNDLE}") == (200, widget_bundle(ROOT))
    for name in (
        *widget_modules(ROOT),
        "app/openwhyd/models.py",
        "app/widget/__init__.py",
        "app/ui/components/embed_snippet.py",
        "pyproject.toml",
    ):
        assert get(site, f"/{name}")[0] == 404, name
