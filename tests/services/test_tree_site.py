"""`serve` from a working tree: `app.zip` follows the tree's edits, and is made once per change."""

import asyncio
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from buildkit import tree_builds
from buildkit.paths import PYTHON_PACKAGES_ZIP, ROOT
from buildkit.tree_builds import CHECK_INTERVAL
from buildkit.tree_site import tree_site
from buildkit.widget_bundle import WIDGET_PAGE
from server.clock import Clock


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of what the tree site reads: the app, its pages, the runtime's packages."""
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / WIDGET_PAGE, tmp_path / WIDGET_PAGE)
    packages = tmp_path / PYTHON_PACKAGES_ZIP.relative_to(ROOT)
    packages.parent.mkdir(parents=True)
    shutil.copy(PYTHON_PACKAGES_ZIP, packages)
    return tmp_path


@pytest.fixture
def zips(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders app.zip was made from, one entry per time it was made."""
    made: list[Path] = []
    real = tree_builds.zip_tree

    def counted(folder: Path, base: Path, *, bytecode: bool) -> bytes:
        made.append(folder)
        return real(folder, base, bytecode=bytecode)

    monkeypatch.setattr(tree_builds, "zip_tree", counted)
    return made


Get = Callable[..., httpx.Response]


def site_client(tree: Path, clock: Clock) -> Get:
    """A GET on the tree site; each in an event loop of its own, as the site must allow."""
    site = tree_site(tree, clock)

    async def get(path: str, headers: dict[str, str]) -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=site), base_url="http://t") as client:
            return await client.get(path, headers=headers)

    return lambda path, **headers: asyncio.run(get(path, headers))


def members(reply: httpx.Response) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(reply.content))
    return {name: archive.read(name) for name in archive.namelist()}


def test_an_edit_shows_in_the_next_app_zip(tree: Path, zips: list[Path]) -> None:
    clock = Clock()
    get = site_client(tree, clock)
    before = get("/app.zip")
    assert before.status_code == 200 and before.headers["etag"]
    assert b"EDITED" not in members(before)["app/main.py"]

    main = tree / "app" / "main.py"
    main.write_text(main.read_text() + "\n# EDITED\n")
    (tree / "app" / "added.py").write_text("ADDED = 1\n")
    clock.advance(CHECK_INTERVAL)
    after = get("/app.zip")
    assert b"# EDITED" in members(after)["app/main.py"]
    assert members(after)["app/added.py"] == b"ADDED = 1\n"
    assert after.headers["etag"] != before.headers["etag"]
    assert len(zips) == 2


def test_an_unchanged_tree_is_zipped_once_and_revalidated_by_its_etag(tree: Path, zips: list[Path]) -> None:
    clock = Clock()
    get = site_client(tree, clock)
    first = get("/app.zip")
    for _ in range(3):
        clock.advance(CHECK_INTERVAL)
        again = get("/app.zip")
        assert (again.content, again.headers["etag"]) == (first.content, first.headers["etag"])
    revalidated = get("/app.zip", **{"If-None-Match": first.headers["etag"]})
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert zips == [tree / "app"]


def test_requests_at_once_share_one_build(tree: Path, zips: list[Path]) -> None:
    site = tree_site(tree, Clock())

    async def many() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=site), base_url="http://t") as client:
            return await asyncio.gather(*(client.get("/app.zip") for _ in range(16)))

    replies = asyncio.run(many())
    assert {reply.status_code for reply in replies} == {200}
    assert len({reply.content for reply in replies}) == 1
    assert zips == [tree / "app"]


def test_a_static_file_goes_out_compressed_and_an_edit_shows_in_the_next_answer(tree: Path) -> None:
    style = tree / "static" / "css" / "app.css"
    style.parent.mkdir(parents=True)
    style.write_text("main { margin: 0 auto; }\n" * 100)
    get = site_client(tree, Clock())
    before = get("/static/css/app.css", **{"Accept-Encoding": "br"})
    assert before.headers["content-encoding"] == "br" and before.headers["vary"] == "Accept-Encoding"
    assert before.text == style.read_text(), "decoded by the client"
    assert (
        get(
            "/static/css/app.css", **{"Accept-Encoding": "br", "If-None-Match": before.headers["etag"]}
        ).status_code
        == 304
    )

    style.write_text("main { margin: 1rem; }\n" * 100)
    after = get("/static/css/app.css", **{"Accept-Encoding": "br", "If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.headers["content-encoding"] == "br"
    assert after.text == style.read_text()
    assert after.headers["etag"] != before.headers["etag"]
