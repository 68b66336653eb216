"""The track-order page `GET /u/{uId}/playlist/{plId}/edit` (social reference §4)."""

import re

import pytest
from openwhyd_http import ADMIN, DUMMY, Browser

EDIT = f"/u/{DUMMY}/playlist/0/edit"
POST = re.compile(
    r'<div class="post" data-pid="([0-9a-f]{24})" data-time="\d+">'
    r'<img src="([^"]*)" alt=""><h2>([^<]*)</h2></div>'
)


def listed(page: str) -> list[tuple[str, str, str]]:
    """`(data-pid, img src, h2)` of each `div.post` inside `div.posts`."""
    posts = page.split('<div class="posts"', 1)[1]
    return re.findall(POST, posts)


@pytest.fixture
def playlist(dummy: Browser) -> list[str]:
    """Dummy's playlist 0 with three tracks posted one after the other (ids oldest first)."""
    pids = []
    for name, img in (("one", "http://img.example/1.jpg"), ("two", None), ("", "/uPlaylistImg/x.png")):
        fields = {
            "action": "insert",
            "eId": f"/yt/{name or 'x'}",
            "name": name,
            "pl": {"id": 0 if pids else "create", "name": "p"},
        }
        reply = dummy.api_post(**fields, **({"img": img} if img else {}))
        assert reply.status == 200, reply.text
        pids.append(reply.json()["_id"])
    return pids


def test_owner_sees_the_tracks_newest_first_until_ordered(dummy: Browser, playlist: list[str]) -> None:
    reply = dummy.get(EDIT)
    assert reply.status == 200 and reply.media_type == "text/html"
    page = reply.text
    assert "<title>set order - openwhyd</title>" in page and '<body class="pgPlaylistOrder">' in page
    assert listed(page) == [
        (playlist[2], "/openwhyd/uPlaylistImg/x.png", "-"),
        (playlist[1], "/openwhyd/images/cover-track.png", "two"),
        (playlist[0], "//img.example/1.jpg", "one"),
    ]
    assert f'data-pid="{playlist[0]}" data-time="{int(playlist[0][:8], 16) * 1000}"' in page
    assert "Drag &amp; drop tracks to set their order" in page
    assert 'id="playlistTrackOrderSubmit"' in page
    assert f'data-uid="{DUMMY}" data-plid="0"' in page


def test_after_set_order_the_page_follows_it(dummy: Browser, playlist: list[str]) -> None:
    order = [playlist[1], playlist[0]]
    assert dummy.post(
        "/api/playlist", json_body={"action": "setOrder", "id": "0", "order": order}
    ).json() == {"ok": 1}
    assert [pid for pid, _, _ in listed(dummy.get(EDIT).text)] == [playlist[2], playlist[1], playlist[0]]
    everything = [playlist[0], playlist[2], playlist[1]]
    dummy.post("/api/playlist", json_body={"action": "setOrder", "id": "0", "order": everything})
    assert [pid for pid, _, _ in listed(dummy.get(EDIT).text)] == everything


def test_its_script_and_stylesheet_and_cover_come_from_the_service(dummy: Browser, visitor: Browser) -> None:
    page = dummy.get(EDIT).text
    assert '<script src="/openwhyd/js/track-order.js" defer></script>' in page
    assert "<script>" not in page, "no inline script"
    script = visitor.get("/js/track-order.js")
    assert script.status == 200 and script.media_type == "text/javascript"
    assert '"setOrder"' in script.text and "/api/playlist" in script.text
    assert visitor.get("/css/track-order.css").media_type == "text/css"
    cover = visitor.get("/images/cover-track.png")
    assert cover.status == 200 and cover.media_type == "image/png"


def test_unknown_or_non_numeric_playlists_list_nothing(dummy: Browser, playlist: list[str]) -> None:
    for pl_id in ("7", "junk"):
        reply = dummy.get(f"/u/{DUMMY}/playlist/{pl_id}/edit")
        assert reply.status == 200 and listed(reply.text) == []
    assert len(listed(dummy.get(f"/u/{DUMMY}/playlist/0junk/edit").text)) == 3, "plId is parseInt-ed"


def test_logged_out_gets_the_login_page(visitor: Browser) -> None:
    reply = visitor.get(EDIT)
    assert reply.status == 200 and 'action="/openwhyd/login"' in reply.text


def test_another_user_is_told_off(admin: Browser) -> None:
    reply = admin.get(EDIT)
    assert reply.status == 200 and "what the hell are you doing here, mate?" in reply.text
    assert 'class="posts"' not in reply.text
    assert "mate?" not in admin.get(f"/u/{ADMIN}/playlist/0/edit").text


def test_query_keys_override_the_path(admin: Browser, dummy: Browser) -> None:
    assert "mate?" in dummy.get(f"/u/{ADMIN}/playlist/0/edit", {"uId": ADMIN}).text
    assert "mate?" not in admin.get(EDIT, {"uId": ADMIN}).text
    assert "trying to do?" in admin.get(f"/u/{ADMIN}/playlist/0/edit", {"plId": ""}).text


def test_only_the_u_form_exists(dummy: Browser) -> None:
    assert dummy.get("/dummy/playlist/0/edit").status == 404
    assert dummy.post(EDIT).status == 404
