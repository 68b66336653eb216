"""Track lists (reference §3.3, §3.6): profiles, playlists, likes, `/me`, `/stream`, `/all`,
with their formats, JSONP, paging and the limit + 1 answer."""

import pytest
from html_hooks import parse
from openwhyd_http import ADMIN, ADRIEN, ADRIEN_POSTS, DUMMY, FAKE_ID, Browser

LIST_PARAMS = ["after", "before", "embedW", "format", "limit", "wholePage", "callback"]


def ids(posts: list[dict]) -> list[str]:
    return [post["_id"] for post in posts]


def test_profile_json_is_a_bare_array_of_limit_plus_one(visitor: Browser) -> None:
    reply = visitor.get("/adrien", {"format": "json"})
    assert reply.status == 200 and reply.headers["content-type"] == "application/json; charset=utf-8"
    posts = reply.json()
    assert len(posts) == 21 == ADRIEN_POSTS
    assert ids(posts) == sorted(ids(posts), reverse=True)
    assert all(post["uId"] == ADRIEN and isinstance(post["lov"], list) for post in posts)
    assert not any("comments" in post or "reposts" in post for post in posts)
    assert len(visitor.get("/adrien", {"format": "json", "limit": 3}).json()) == 4


def test_profile_pages_by_post_id(visitor: Browser) -> None:
    everything = ids(visitor.get("/adrien", {"format": "json", "limit": 100}).json())
    after = ids(visitor.get("/adrien", {"format": "json", "limit": 2, "after": everything[4]}).json())
    assert after == everything[5:8]
    before = ids(visitor.get("/adrien", {"format": "json", "before": everything[3]}).json())
    assert before == everything[:3]


def test_profile_skips_reposts_of_ones_own_posts(dummy: Browser, visitor: Browser) -> None:
    own = dummy.api_post(action="insert", eId="/yt/own", name="mine").json()["_id"]
    dummy.api_post(action="insert", pId=own)
    assert ids(visitor.get("/dummy", {"format": "json"}).json()).count(own) == 1
    assert len(visitor.get("/dummy", {"format": "json"}).json()) == 2


def test_u_id_redirects_307_to_the_handle_keeping_list_params(visitor: Browser) -> None:
    reply = visitor.get(
        f"/u/{ADRIEN}/playlist/39", [("limit", "2"), ("format", "json"), ("junk", "x"), ("callback", "cb")]
    )
    assert reply.status == 307
    assert reply.headers["location"] == "/openwhyd/adrien/playlist/39?format=json&limit=2&callback=cb"
    assert visitor.get(f"/u/{ADRIEN}").headers["location"] == "/openwhyd/adrien"
    assert visitor.get(f"/u/{ADRIEN}/likes").headers["location"] == "/openwhyd/adrien/likes"


@pytest.mark.parametrize(
    ("segment", "encoded"),
    [
        ("%E6%97%A5%E6%9C%AC", "%E6%97%A5%E6%9C%AC"),
        ("%ff%fe", "%EF%BF%BD%EF%BF%BD"),
        ("a%00b", "a%00b"),
        ("a%0d%0ab", "a%0D%0Ab"),
        ("%22%3C%3E", "%22%3C%3E"),
    ],
)
def test_u_id_redirects_percent_encode_what_a_location_cannot_hold(
    visitor: Browser, segment: str, encoded: str
) -> None:
    reply = visitor.get(f"/u/{ADRIEN}/playlist/{segment}")
    assert reply.status == 307 and reply.headers["location"] == f"/openwhyd/adrien/playlist/{encoded}"


def test_u_id_of_a_user_without_handle_answers_directly(visitor: Browser, admin: Browser) -> None:
    token = visitor.get("/api/signup/rTk/7").text.split('value="')[1].split('"')[0]
    uid = visitor.post(
        "/register",
        json_body={
            "name": "No Handle",
            "email": "nh@openwhyd.org",
            "password": "secret",
            "sTk": token,
            "ajax": 1,
        },
    ).json()["uId"]
    visitor.api_post(action="insert", eId="/yt/abc", name="first")
    reply = visitor.get(f"/u/{uid}", {"format": "json"})
    assert reply.status == 200 and [post["name"] for post in reply.json()] == ["first"]


@pytest.mark.parametrize(
    "path",
    [
        f"/u/{FAKE_ID}",
        "/u/not-an-id",
        "/nobody",
        "/nobody/likes",
        "/nobody/playlist/0",
        f"/u/{FAKE_ID}/playlists",
    ],
)
def test_unknown_users_are_404(visitor: Browser, path: str) -> None:
    as_json = visitor.get(path, {"format": "json"})
    assert as_json.status == 404
    assert as_json.json() == {"errorCode": "USER_NOT_FOUND", "error": "User not found..."}
    page = visitor.get(path)
    assert page.status == 404 and page.media_type == "text/html"


@pytest.mark.parametrize("name", LIST_PARAMS)
def test_any_list_parameter_given_twice_is_a_400(visitor: Browser, name: str) -> None:
    reply = visitor.get("/adrien", [(name, "1"), (name, "2")])
    assert reply.status == 400
    assert reply.media_type == "text/html"
    assert reply.json() == {"error": f"invalid parameter value: {name}"}
    assert visitor.get("/dummy/subscribers", [("after", "50"), ("after", "100")]).status == 400


def test_links_format_is_text_text_with_protocol_less_urls(visitor: Browser, admin: Browser) -> None:
    reply = visitor.get("/adrien", {"format": "links", "limit": 1})
    assert reply.headers["content-type"].startswith("text/text")
    assert reply.text == "//youtube.com/watch?v=jI3YrVfOksE\n//youtube.com/watch?v=E6SAirZ1FD4"
    admin.api_post(action="insert", eId="/dz/3135556", name="deezer")
    assert visitor.get("/admin", {"format": "links", "limit": 0}).text.startswith(
        "//www.deezer.com/3135556\n"
    )
    admin.api_post(action="insert", eId="/bc/nostream", name="no track part")
    assert visitor.get("/admin", {"format": "links", "limit": 0}).text.startswith("/bc/nostream\n")


def test_jsonp_forces_json_with_a_cleaned_name(visitor: Browser) -> None:
    reply = visitor.get("/adrien", {"callback": "my.cb<x>", "format": "links", "limit": 1})
    assert reply.headers["content-type"] == "application/javascript; charset=utf-8"
    assert reply.text.startswith('mycbx([{"_id":"6106450aa1de931f401c43be"')
    assert reply.text.endswith("])")


def test_playlists_in_storage_order(visitor: Browser) -> None:
    playlists = visitor.get("/admin/playlists", {"format": "json"}).json()
    assert playlists == [
        {
            "id": 0,
            "name": "Offline tones",
            "url": f"/u/{ADMIN}/playlist/0",
            "nbTracks": 3,
            "img": f"/img/playlist/{ADMIN}_0",
        }
    ]
    adrien = visitor.get("/adrien/playlists", {"format": "json"}).json()
    assert [pl["id"] for pl in adrien][:3] == [64, 63, 62]
    legacy = next(pl for pl in adrien if pl["id"] == "39")
    assert legacy["nbTracks"] == 5 and legacy["url"] == f"/u/{ADRIEN}/playlist/39"
    jsonp = visitor.get("/admin/playlists", {"callback": "f"})
    assert jsonp.text.startswith('f([{"id":0,')


def test_playlists_list_format_links_each_playlist(visitor: Browser) -> None:
    page = visitor.get("/admin/playlists", {"format": "list"})
    assert page.media_type == "text/html"
    assert f'<a href="/openwhyd/u/{ADMIN}/playlist/0">Offline tones</a>' in page.text


def test_playlist_tracks(visitor: Browser) -> None:
    tracks = visitor.get("/admin/playlist/0", {"format": "json"}).json()
    assert len(tracks) == 3 and all(post["pl"]["id"] == 0 for post in tracks)
    assert ids(tracks) == sorted(ids(tracks), reverse=True)
    assert len(visitor.get("/admin/playlist/0", {"format": "json", "limit": 1}).json()) == 2
    assert len(visitor.get("/adrien/playlist/39", {"format": "json"}).json()) == 5
    links = visitor.get(f"/u/{ADMIN}/playlist/0", {"format": "links"})
    assert links.status == 307


def test_playlist_follows_order_then_pages_by_order(admin: Browser, visitor: Browser) -> None:
    tracks = ids(visitor.get("/admin/playlist/0", {"format": "json"}).json())
    wanted = tracks[::-1]
    assert admin.post(
        "/api/playlist", json_body={"action": "setOrder", "id": "0", "order": wanted}
    ).json() == {"ok": 1}
    ordered = visitor.get("/admin/playlist/0", {"format": "json"}).json()
    assert ids(ordered) == wanted and [post["order"] for post in ordered] == [0, 1, 2]
    assert ids(visitor.get("/admin/playlist/0", {"format": "json", "after": "0"}).json()) == wanted[1:]
    assert ids(visitor.get("/admin/playlist/0", {"format": "json", "before": "2"}).json()) == wanted[:2]


def test_missing_playlist_is_a_200_text_under_json(visitor: Browser) -> None:
    reply = visitor.get("/admin/playlist/7", {"format": "json"})
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/json; charset=utf-8"
    assert reply.text == "meh... this playlist does not exist!"
    assert visitor.get("/admin/playlist/create", {"format": "json"}).json() == []


def test_likes_honour_only_after(dummy: Browser, visitor: Browser) -> None:
    every = ids(visitor.get("/all", {"format": "json", "limit": 100}).json())
    for pid in every:
        if pid not in ids(visitor.get("/dummy/likes", {"format": "json", "limit": 100}).json()):
            dummy.api_post(action="toggleLovePost", pId=pid)
    liked = visitor.get("/dummy/likes", {"format": "json", "limit": 2, "before": every[0]}).json()
    assert len(liked) == 21 and all(DUMMY in post["lov"] for post in liked)
    assert ids(liked) == sorted(ids(liked), reverse=True)
    after = visitor.get("/dummy/likes", {"format": "json", "after": liked[20]["_id"]}).json()
    assert ids(after)[0] < liked[20]["_id"]


def test_me_needs_login_then_redirects(visitor: Browser, admin: Browser) -> None:
    assert visitor.get("/me", {"format": "json"}).json() == {
        "errorCode": "REQ_LOGIN",
        "error": "Please login first",
    }
    assert visitor.get("/me", {"format": "json"}).status == 401
    assert visitor.get("/me").media_type == "text/html"
    reply = admin.get("/me", {"format": "json"})
    assert reply.status == 307 and reply.headers["location"] == "/openwhyd/admin?format=json"


def test_stream_is_the_home_feed_trimmed_to_limit(dummy: Browser, visitor: Browser) -> None:
    feed = dummy.get("/stream", {"format": "json"}).json()
    assert len(feed) == 20
    assert {post["uId"] for post in feed} <= {DUMMY, ADRIEN}
    assert all(isinstance(post["comments"], list) and isinstance(post["reposts"], list) for post in feed)
    assert dummy.get("/", {"format": "json", "limit": 3}).json() == feed[:3]
    by_id = visitor.get("/stream", {"format": "json", "id": DUMMY, "limit": 3}).json()
    assert by_id == feed[:3]
    next_page = dummy.get("/stream", {"format": "json", "limit": 2, "after": feed[2]["_id"]}).json()
    assert ids(next_page) == ids(feed[3:5])


def test_stream_excludes_reposts_of_posts_within_the_circle(admin: Browser, dummy: Browser) -> None:
    original = dummy.api_post(action="insert", eId="/yt/circle", name="circle").json()["_id"]
    admin.get("/api/follow", {"action": "insert", "tId": DUMMY})
    repost = admin.api_post(action="insert", pId=original).json()["_id"]
    stream = ids(admin.get("/stream", {"format": "json", "limit": 50}).json())
    assert original in stream and repost not in stream


def test_stream_errors(visitor: Browser) -> None:
    assert visitor.get("/stream", {"format": "json"}).status == 401
    assert visitor.get("/stream").media_type == "text/html"
    assert visitor.get("/stream", {"format": "json", "id": "nope"}).json()["errorCode"] == "USER_NOT_FOUND"


def test_all_is_every_post_but_reposts(visitor: Browser) -> None:
    everything = visitor.get("/all", {"format": "json", "limit": 1000}).json()
    assert len(everything) == ADRIEN_POSTS - 1 + 1 + 4
    assert not any("repost" in post for post in everything)
    first = everything[0]
    assert first["comments"] == [] and first["reposts"] == []
    commented = next(post for post in everything if post["comments"])
    assert commented["comments"][0]["text"] == "so pure!"
    assert len(visitor.get("/all", {"format": "json", "limit": 2}).json()) == 2


def test_info_answers_jsonp(visitor: Browser) -> None:
    reply = visitor.get("/adrien/info", {"callback": "f"})
    assert reply.media_type == "application/javascript"
    assert reply.text == f'f({{"_id":"{ADRIEN}","handle":"adrien","name":"Adrien Joly"}})'
    assert visitor.get(f"/u/{ADRIEN}/info", {"callback": "f"}).text == reply.text
    assert visitor.get("/nobody/info", {"callback": "f"}).text == 'f({"error":"User not found"})'


def test_html_pages_list_the_tracks(visitor: Browser) -> None:
    page = visitor.get("/admin")
    assert page.media_type == "text/html"
    posts = parse(page.text).select("div.posts > div.post")
    audio = [post for post in posts if post.one("a.thumb")["data-eid"].startswith("/fi//openwhyd/audio/")]
    assert len(audio) == 3
    assert all(post.one("h2 > a")["href"].startswith("/openwhyd/c/") for post in posts)


def test_visitors_see_each_write_at_once(visitor: Browser, dummy: Browser) -> None:
    """Pages kept for visitors without a session last only until the next write."""
    before = visitor.get("/dummy", {"format": "json"}).json()
    assert visitor.get("/dummy", {"format": "json"}).json() == before
    dummy.api_post(action="insert", eId="/yt/new", name="new")
    assert len(visitor.get("/dummy", {"format": "json"}).json()) == len(before) + 1
    hot = visitor.get("/hot", {"format": "json"}).json()["tracks"]
    assert "/yt/new" in [track["eId"] for track in hot]
