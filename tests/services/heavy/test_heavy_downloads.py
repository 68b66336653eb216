"""Target archives: contents per generator, cache, refusals that name what is missing."""

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from heavy_http import call, zip_names
from wasm_sections import interface

HERE = Path(__file__).parent
SOURCE_MARKERS = {
    "pdext/src": "Makefile.pdlibbuilder",
    "dpf/src": "plugin/source/HeavyDPF_sine.cpp",
    "owl/src": "Source/HeavyOWL_sine.hpp",
    "unity/src": "unity/CMakeLists.txt",
    "wwise/src": "wwise/PremakePlugin.lua",
    "fmod/src": "fmod/CMakeLists.txt",
}


def download(heavy: str, path: str, **auth: str) -> bytes:
    reply = call("GET", f"{heavy}/h/alice/sine/1/{path}/archive.zip", **auth)
    assert reply.status == 200, reply.body
    assert reply.headers["Content-Type"] == "application/zip"
    return reply.body


@pytest.fixture(scope="module")
def web_local(heavy, sine_job) -> bytes:
    return download(heavy, "web/local")


def test_c_src_is_flat_hvcc_c_output(heavy, sine_job):
    names = zip_names(download(heavy, "c/src"))
    assert {"Heavy_sine.h", "Heavy_sine.hpp", "Heavy_sine.cpp", "HvHeavy.h"} <= set(names)
    assert all("/" not in name for name in names)


def test_download_names_the_file_like_enzien(heavy, sine_job):
    reply = call("GET", f"{heavy}/h/alice/sine/latest/c/src/archive.zip")
    assert reply.headers["Content-Disposition"] == 'attachment; filename="sine.1.c-src.zip"'


@pytest.mark.parametrize("path", SOURCE_MARKERS)
def test_source_generators_give_their_trees(heavy, sine_job, path):
    names = zip_names(download(heavy, path))
    assert SOURCE_MARKERS[path] in names
    assert not any(name.split("/")[0] in {"hv", "ir", "c"} for name in names)


def test_targets_are_built_once_then_cached(heavy, sine_job):
    first = download(heavy, "fmod/src")
    assert download(heavy, "fmod/src") == first
    files = call("GET", f"{heavy}/a/jobs/alice/sine/1").json()["included"]
    fmod = next(f for f in files if f["data"]["buildId"] == "fmod-src")
    assert fmod["data"]["size"] == len(first)


def test_private_targets_download_with_cookie_or_bearer(heavy, private_patch, bob):
    for auth in ({"cookie": bob}, {"token": bob}):
        reply = call("GET", f"{heavy}/h/bob/secret/1/c/src/archive.zip", **auth)
        assert reply.status == 200 and "Heavy_secret.h" in zip_names(reply.body)


@pytest.mark.parametrize(
    ("path", "missing"),
    [
        ("unity/macos/x64", "Xcode"),
        ("wwise/linux/x64", "Wwise SDK"),
        ("vst2/macos/x64", "Xcode"),
        ("pdext/win/x64", "pd.dll"),
        ("fabric/src", "Fabric"),
        ("web/js", "Emscripten"),
        ("bela/linux/armv7a", "cross-toolchain"),
    ],
)
def test_targets_this_server_cannot_build_say_what_is_missing(heavy, sine_job, path, missing):
    reply = call("GET", f"{heavy}/h/alice/sine/1/{path}/archive.zip")
    assert reply.status == 501
    assert missing in reply.json()["errors"][0]["detail"]


@pytest.mark.parametrize("version", ["99999999999999999999", "%C2%B2"])
def test_archives_of_job_numbers_out_of_range_are_json_404s(heavy, sine_job, version):
    reply = call("GET", f"{heavy}/h/alice/sine/{version}/c/src/archive.zip")
    assert reply.status == 404 and reply.json()["errors"][0]["status"] == "404"


def test_unknown_target_lists_the_offered_ones(heavy, sine_job):
    reply = call("GET", f"{heavy}/h/alice/sine/1/nope/archive.zip")
    assert reply.status == 404
    assert "c/src" in reply.json()["errors"][0]["detail"]


def test_web_local_holds_module_manifest_player_and_page(web_local):
    assert set(zip_names(web_local)) == {
        "sine.wasm",
        "patch.json",
        "heavy-worklet.js",
        "heavy-player.js",
        "index.html",
    }
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(web_local)).read("patch.json"))
    assert manifest["cName"] == "sine" and manifest["wasm"] == "sine.wasm"
    assert (manifest["inputs"], manifest["outputs"]) == (0, 2)
    assert manifest["params"] == [
        {"name": "freq", "hash": 0x345FC008, "min": 20.0, "max": 2000.0, "default": 440.0}
    ]


def test_web_local_module_exports_the_heavy_api(web_local):
    imports, exports = interface(zipfile.ZipFile(io.BytesIO(web_local)).read("sine.wasm"))
    for name in (
        "hv_sine_new",
        "hv_delete",
        "hv_processInline",
        "hv_sendFloatToReceiver",
        "malloc",
        "free",
        "_initialize",
    ):
        assert exports[name] == "function"
    assert exports["memory"] == "memory"
    assert all(name.startswith("wasi_snapshot_preview1.") for name in imports)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_web_local_worklet_plays_the_tone_and_follows_its_param(web_local, tmp_path):
    zipfile.ZipFile(io.BytesIO(web_local)).extractall(tmp_path)
    done = subprocess.run(
        ["node", HERE / "render_worklet.mjs", tmp_path, "freq", "1000"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rendered = json.loads(done.stdout)
    assert rendered["before"]["hz"] == pytest.approx(440, abs=2)
    assert rendered["after"]["hz"] == pytest.approx(1000, abs=2)
    assert rendered["before"]["peak"] == pytest.approx(0.1, abs=0.002)
    assert rendered["levels"][-1]["rms"] == pytest.approx(0.1 / 2**0.5, abs=0.002)


def test_web_player_is_served_for_the_browser(heavy, web_local):
    base = f"{heavy}/h/alice/sine/1/web/local"
    page = call("GET", f"{base}/index.html")
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    module = call("GET", f"{base}/sine.wasm")
    assert module.headers["Content-Type"] == "application/wasm"
    assert module.body == zipfile.ZipFile(io.BytesIO(web_local)).read("sine.wasm")
    script = call("GET", f"{base}/heavy-worklet.js")
    assert script.headers["Content-Type"].startswith("text/javascript")
    missing = call("GET", f"{base}/secret.txt")
    assert missing.status == 404 and missing.json()["errors"][0]["status"] == "404"
