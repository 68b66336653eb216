"""`build.py serve-openwhyd`: the service alone at `/`, a drop-in Openwhyd server. Every link,
`Location` and page is the real server's, with no `/openwhyd` in it.

This module's `openwhyd` fixture replaces the suite's (`serve` with the service under
`/openwhyd`), so the suite's browsers and resets reach the standalone server here.
"""

from collections.abc import Callable, Iterator

import pytest
from html_hooks import parse
from openwhyd_http import ADMIN, ADMIN_MD5, ADRIEN, DUMMY, Browser

from buildkit.serving import serving

AUDIO = "/fi//audio/"


@pytest.fixture(scope="module")
def openwhyd(
    tmp_path_factory: pytest.TempPathFactory, new_database: Callable[[], str | None]
) -> Iterator[str]:
    data = tmp_path_factory.mktemp("standalone")
    database = new_database()
    options = ["--test-mode", "--no-rate-limits", *(["--database", database] if database else [])]
    log = data / "serve-openwhyd.log"
    with serving(data, *options, log=log, command="serve-openwhyd") as base:
        yield base


@pytest.fixture(autouse=True)
def demo_world(openwhyd: str) -> None:
    assert Browser(openwhyd).post("/testing/reset").status == 200


def test_the_app_and_heavy_are_not_there(visitor: Browser) -> None:
    assert visitor.get("/openwhyd/hot", {"format": "json"}).status == 404
    assert visitor.get("/heavy/v1/").status == 404
    assert visitor.get("/index.html").status == 404


def test_profile_redirects_and_pages_link_from_the_root(visitor: Browser) -> None:
    reply = visitor.get(f"/u/{ADRIEN}/playlist/39", [("limit", "2"), ("format", "json")])
    assert reply.status == 307 and reply.headers["location"] == "/adrien/playlist/39?format=json&limit=2"
    assert visitor.get(f"/u/{ADRIEN}").headers["location"] == "/adrien"
    page = visitor.get("/admin")
    assert page.media_type == "text/html"
    posts = parse(page.text).select("div.posts > div.post")
    assert len([post for post in posts if post.one("a.thumb")["data-eid"].startswith(AUDIO)]) == 3
    assert all(post.one("h2 > a")["href"].startswith("/c/") for post in posts)
    assert "/openwhyd" not in page.text
    links = visitor.get("/admin/playlists", {"format": "list"}).text
    assert f'<a href="/u/{ADMIN}/playlist/0">Offline tones</a>' in links
    people = visitor.get("/adrien/subscribers").text
    assert 'href="/u/' in people and "/openwhyd" not in people


def test_json_hrefs_and_the_demo_audio_are_at_the_root(visitor: Browser, admin: Browser) -> None:
    me = admin.get("/api/user").json()
    assert me["mid"] == f"/u/{ADMIN}" and me["pl"][0]["url"] == f"/u/{ADMIN}/playlist/0"
    hot = visitor.get("/hot", {"format": "json"}).json()["tracks"]
    tones = [track for track in hot if track["eId"].startswith(AUDIO)]
    assert tones and all(track["trackUrl"] == track["eId"].removeprefix("/fi/") for track in tones)
    sound = visitor.get(tones[0]["trackUrl"])
    assert sound.status == 200 and sound.body.startswith(b"RIFF")


def test_sign_in_pages_and_redirects_from_the_root(visitor: Browser) -> None:
    assert 'action="/login"' in visitor.get("/login").text
    assert 'action="/register"' in visitor.get("/register").text
    page = visitor.post("/login", form={"email": "admin", "md5": ADMIN_MD5, "redirect": "/stream"})
    assert f"window.location.href = '{visitor.base}/stream';" in page.text
    host = visitor.base.split("/")[2]
    absolute = visitor.get(
        "/login", {"ajax": 1, "email": "admin", "md5": ADMIN_MD5, "redirect": f"http://{host}/stream?x=1"}
    )
    assert absolute.json() == {"redirect": f"http://{host}/stream?x=1"}
    consent = visitor.post("/consent", form={"lang": "en", "redirect": "/日本"})
    assert consent.status == 302 and consent.headers["location"] == "/%E6%97%A5%E6%9C%AC"
    assert "url=/login?action=logout" in visitor.get("/logout").text


def test_images_redirect_from_the_root(visitor: Browser) -> None:
    assert visitor.get(f"/img/u/{DUMMY}").headers["location"] == "/images/blank_user.gif"
    assert visitor.get("/images/blank_user.gif").status == 200


def test_unknown_paths_get_the_real_404_shapes(visitor: Browser) -> None:
    assert visitor.get("/api/nothing").status == 404
    missing = visitor.get("/no/such/page", {"format": "json"})
    assert missing.status == 404 and missing.json()["errorCode"] == 404
    assert visitor.get("/a%0Ab/c/d").status == 404
