"""`build.py migrate-data`: a SQLite data folder, as `serve` left it, moves into PostgreSQL with
its files, and `serve` goes on from there: the same sessions, uploads, playlists, search, tokens
and compiled patches; new rows after the copied ones. A database with rows is refused."""

import io
import json
import subprocess
import sys
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from PIL import Image

from app.api.transport import UploadFile, encode_multipart
from buildkit.paths import ROOT
from buildkit.postgres import Server
from buildkit.serving import serving

ADRIEN = "4d94501d1f78ac091dbc9b4d"


class Client:
    """One person: keeps Openwhyd's session cookie."""

    def __init__(self) -> None:
        self.base = ""
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def call(self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        with self.opener.open(request, timeout=60) as reply:
            return reply.read()

    def json(
        self, path: str, query: Any = None, *, form: Any = None, body: Any = None, **headers: str
    ) -> Any:
        if query is not None:
            path += "?" + urlencode(query)
        data = None
        if form is not None:
            data, headers["Content-Type"] = urlencode(form).encode(), "application/x-www-form-urlencoded"
        elif body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        return json.loads(self.call(path, data, headers))

    def upload(self, path: str, name: str, data: bytes, media_type: str) -> Any:
        content_type, body = encode_multipart((), (UploadFile("file", name, data, media_type),))
        return json.loads(self.call(path, body, {"Content-Type": content_type}))

    def post_track(self, name: str) -> Any:
        return self.json(
            "/openwhyd/api/post", body={"action": "insert", "eId": "/yt/jI3YrVfOksE", "name": name}
        )


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (20, 90, 200)).save(out, "PNG")
    return out.getvalue()


def migrate_data(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "migrate-data", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_sqlite_data_folder_moves_to_postgresql_and_serve_goes_on(postgres: Server, tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    admin = Client()
    with serving(old, "--test-mode", "--no-rate-limits") as admin.base:
        admin.json("/openwhyd/login", {"action": "login", "ajax": 1, "email": "admin", "password": "admin"})
        upload = admin.upload("/openwhyd/upload", "cover.png", png(), "image/png")["file"]["path"]
        admin.post_track("Moved along")
        issued = admin.json("/heavy/test/tokens", form={"name": "zed", "label": "moving"})
        token = issued["data"]["attributes"]["token"]
    url = postgres.create_database("moved")

    moved = migrate_data("--from", str(old), "--to", url, "--data", str(new))
    assert moved.returncode == 0, moved.stderr
    assert "openwhyd: rows copied and counted:" in moved.stdout and "heavy: rows copied" in moved.stdout
    assert not (new / "openwhyd" / "openwhyd.sqlite3").exists()

    with serving(new, "--test-mode", "--no-rate-limits", "--database", url) as admin.base:
        assert admin.json("/openwhyd/api/user")["name"] == "admin"
        assert admin.call(f"/openwhyd/{upload}")[:8] == b"\x89PNG\r\n\x1a\n"
        playlists = [pl["id"] for pl in admin.json("/openwhyd/adrien/playlists", {"format": "json"})]
        assert playlists[:3] == [64, 63, 62] and "39" in playlists
        found = admin.json("/openwhyd/search", {"q": "moved", "format": "json"})["results"]["posts"]
        assert [post["name"] for post in found] == ["Moved along"]
        after = admin.post_track("After the move")["_id"]
        assert admin.json(f"/openwhyd/c/{after}", {"format": "json"})["data"]["name"] == "After the move"
        tokens = admin.json("/heavy/a/users/zed/tokens", Authorization=f"Bearer {token}")
        assert [t["attributes"]["label"] for t in tokens["data"]] == ["moving"]
        assert admin.call("/heavy/h/demo/sine/latest/c/src/archive.zip")[:2] == b"PK"

    refused = migrate_data("--from", str(old), "--to", url, "--data", str(tmp_path / "newer"))
    assert refused.returncode == 1 and "the target already has rows" in refused.stderr
    assert not (tmp_path / "newer").exists()
