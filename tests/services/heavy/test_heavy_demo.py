"""The demo world a fresh data folder starts with, and the banner that prints its token."""

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from heavy_http import call

from server.heavy import banner, tokens
from server.heavy.service import open_service
from server.settings import Settings

HERE = Path(__file__).parent


def test_demo_patches_are_public_and_already_compiled(heavy):
    user = call("GET", f"{heavy}/a/users/demo/").json()["data"]
    ids = [p["id"] for p in user["relationships"]["patches"]["data"]]
    assert ids == ["demo/sine", "demo/arpeggio"]
    for patch_id in ids:
        job = call("GET", f"{heavy}/a/jobs/{patch_id}/1/").json()
        assert job["data"]["attributes"]["status"] == "succeeded"
        assert job["included"][0]["data"]["size"] > 0


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_demo_arpeggio_plays_in_the_worklet(heavy, tmp_path):
    archive = call("GET", f"{heavy}/h/demo/arpeggio/latest/web/local/archive.zip").body
    zipfile.ZipFile(io.BytesIO(archive)).extractall(tmp_path)
    params = json.loads((tmp_path / "patch.json").read_text())["params"]
    assert [p["name"] for p in params] == ["cutoff", "tempo"]
    done = subprocess.run(
        ["node", HERE / "render_worklet.mjs", tmp_path, "tempo", "180"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rendered = json.loads(done.stdout)
    assert 0.05 < rendered["before"]["peak"] < 1
    assert 0.05 < rendered["after"]["peak"] < 1


def test_banner_prints_the_same_working_demo_token_each_time(tmp_path):
    settings = Settings(data_dir=tmp_path)
    lines = banner(settings)
    assert lines[0] == "heavy demo user: demo"
    token = lines[1].removeprefix("heavy demo token: ")
    assert banner(settings)[1] == lines[1]
    claims = tokens.verify(open_service(settings).key, token)
    assert claims.name == "demo"
