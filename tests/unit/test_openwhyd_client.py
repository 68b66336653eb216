"""The client builds each route's request as the reference says and reads the reply into
models; paging walks lists politely. Runs against scripted answers."""

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from canned import only, scripted

from app.api.errors import AuthRequired, BadCredentials, BadRequest, NotFound
from app.api.transport import Request, Response
from app.openwhyd.client import OpenwhydClient, password_md5
from app.openwhyd.models import PlaylistRef, Track

BASE = "http://h/openwhyd"
DUMMY_ID = "000000000000000000000002"


def call(action: Callable[[OpenwhydClient], Any], *replies: Any) -> tuple[Any, list[Request]]:
    """Run one client call against scripted replies; its result and the requests it made."""
    transport, sent = scripted(*replies)
    client = OpenwhydClient(BASE, transport, page_delay=0)
    return asyncio.run(action(client)), sent


def posts(*ids: str, **fields: Any) -> list[dict]:
    return [{"_id": post_id, "eId": "/yt/x", **fields} for post_id in ids]


def test_login_sends_the_md5_and_reads_the_included_user() -> None:
    user, sent = call(
        lambda c: c.login("dummy", "admin"),
        {"redirect": "/", "user": {"_id": DUMMY_ID, "name": "dummy", "handle": "dummy"}},
    )
    request = only(sent)
    assert (request.method, request.url) == ("POST", f"{BASE}/login")
    assert request.json == {
        "action": "login",
        "ajax": 1,
        "includeUser": 1,
        "email": "dummy",
        "md5": "21232f297a57a5a743894a0e4a801fc3",
    }
    assert (user.id, user.handle) == (DUMMY_ID, "dummy")
    assert password_md5("admin") == "21232f297a57a5a743894a0e4a801fc3"


@pytest.mark.parametrize(
    "reply",
    [
        {"email": "dummy", "wrongPassword": 1, "error": "Your password seems wrong... Try again!"},
        {"email": "qq", "error": "Are you sure? We don't recognize your email address!"},
        {"ajax": "1"},
    ],
)
def test_refused_logins_raise_bad_credentials(reply: dict) -> None:
    with pytest.raises(BadCredentials):
        call(lambda c: c.login("dummy", "nope"), reply)


def test_login_without_an_included_user_asks_for_it() -> None:
    user, sent = call(lambda c: c.login("a@b.c", "pw"), {"redirect": "/"}, {"_id": "u"})
    assert user.id == "u"
    assert sent[1].url == f"{BASE}/api/user"


def test_register_fetches_a_signup_token_first() -> None:
    token_script = Response(200, b'$("#sTk").val(""); <input value="tok123" name="sTk">')
    user, sent = call(
        lambda c: c.register("Test User", "t@u.org", "test-user"),
        token_script,
        {"redirect": "/", "uId": "new", "user": {"_id": "new", "name": "Test User"}},
    )
    token_request, register_request = sent
    assert token_request.url == f"{BASE}/api/signup/rTk/7"
    assert register_request.json["sTk"] == "tok123"
    assert register_request.json["password"] == "test-user"
    assert user.name == "Test User"


def test_register_reports_the_servers_reason() -> None:
    with pytest.raises(BadRequest, match="Please enter a password"):
        call(
            lambda c: c.register("x", "x@y.z", ""),
            Response(200, b'value="t"'),
            {"error": "Please enter a password"},
        )


def test_logged_out_me_raises_auth_required() -> None:
    with pytest.raises(AuthRequired, match="user not logged in"):
        call(lambda c: c.me(), {"error": "user not logged in"})


def test_user_asks_for_counts_and_subscription() -> None:
    user, sent = call(lambda c: c.user("dummy"), {"_id": DUMMY_ID, "nbPosts": 2})
    assert dict(only(sent).params) == {
        "id": "dummy",
        "includeSubscr": "true",
        "isSubscr": "true",
        "countPosts": "true",
        "countLikes": "true",
    }
    assert user.post_count == 2


def test_update_profile_posts_only_given_fields_then_rereads_the_user() -> None:
    user, sent = call(
        lambda c: c.update_profile(bio="hi", location="Paris", links={"home": "https://x.org"}),
        {"_id": DUMMY_ID, "bio": "hi"},
        {"_id": DUMMY_ID, "bio": "hi", "loc": "Paris"},
    )
    update = sent[0]
    assert (update.method, update.json) == (
        "POST",
        {"bio": "hi", "loc": "Paris", "lnk_home": "https://x.org"},
    )
    assert user.location == "Paris"


def test_add_track_sends_the_post_with_a_new_playlist() -> None:
    track, sent = call(
        lambda c: c.add_track(
            "/yt/XdJVWSqb4Ck",
            "Jack Johnson - Lullaby",
            new_playlist="chill",
            context="bk",
            source_url="https://www.youtube.com/watch?v=XdJVWSqb4Ck",
            source_title="Lullaby - YouTube",
        ),
        {"_id": "p1", "eId": "/yt/XdJVWSqb4Ck", "pl": {"id": 0, "name": "chill"}, "isNew": True},
    )
    assert only(sent).json == {
        "action": "insert",
        "eId": "/yt/XdJVWSqb4Ck",
        "name": "Jack Johnson - Lullaby",
        "text": "",
        "ctx": "bk",
        "src": {"id": "https://www.youtube.com/watch?v=XdJVWSqb4Ck", "name": "Lullaby - YouTube"},
        "pl": {"id": "create", "name": "chill"},
    }
    assert track.playlist == PlaylistRef(0, "chill")


def test_a_track_goes_into_one_playlist_at_most() -> None:
    with pytest.raises(ValueError):
        call(lambda c: c.add_track("/yt/x", "x", playlist=PlaylistRef(0, "a"), new_playlist="b"))


def test_edit_track_resends_the_whole_post() -> None:
    track = Track(
        id="p1",
        eid="/yt/x",
        name="new name",
        user_id="u",
        playlist=PlaylistRef(2, "rock"),
        image="https://i/x.jpg",
    )
    _, sent = call(lambda c: c.edit_track(track), {"_id": "p1", "eId": "/yt/x"})
    assert only(sent).json == {
        "action": "insert",
        "_id": "p1",
        "eId": "/yt/x",
        "name": "new name",
        "text": "",
        "img": "https://i/x.jpg",
        "pl": {"id": 2, "name": "rock"},
    }


def test_post_actions_treat_a_bare_bad_request_as_logged_out() -> None:
    with pytest.raises(AuthRequired):
        call(lambda c: c.toggle_love("p1"), Response(400, b"BAD REQUEST"))


def test_count_play_logs_player_errors() -> None:
    _, sent = call(
        lambda c: c.count_play("p1", "/yt/x", error={"code": 150, "source": "YoutubePlayer"}),
        {"result": {}},
    )
    assert only(sent).json == {
        "action": "incrPlayCounter",
        "pId": "p1",
        "eId": "/yt/x",
        "logData": {"err": {"code": 150, "source": "YoutubePlayer"}},
    }


def test_profile_pages_ask_for_json_and_trim_the_extra_item() -> None:
    page, sent = call(lambda c: c.profile_tracks(DUMMY_ID, limit=2, after="p0"), posts("p1", "p2", "p3"))
    assert only(sent).full_url == f"{BASE}/u/{DUMMY_ID}?format=json&limit=2&after=p0"
    assert ([t.id for t in page.tracks], page.has_more) == (["p1", "p2"], True)


def test_feeds_ask_for_one_more_than_the_page() -> None:
    page, sent = call(lambda c: c.stream(user_id="u", limit=2), posts("p1", "p2"))
    assert dict(only(sent).params) == {"format": "json", "limit": "3", "id": "u"}
    assert page.has_more is False


def test_a_missing_playlist_is_not_found() -> None:
    with pytest.raises(NotFound, match="does not exist"):
        call(
            lambda c: c.playlist_tracks("dummy", 9),
            Response(200, b"meh... this playlist does not exist!"),
        )


def test_hot_tracks_pass_genre_and_paging() -> None:
    hot, sent = call(
        lambda c: c.hot_tracks(genre="electro", skip=20, limit=10),
        {"hasMore": False, "tracks": []},
    )
    assert only(sent).full_url == f"{BASE}/hot/electro?format=json&skip=20&limit=10"
    assert hot.next_skip is None


def test_track_reads_the_data_wrapper() -> None:
    track, sent = call(lambda c: c.track("p1"), {"data": {"_id": "p1", "eId": "/yt/x"}})
    assert only(sent).url == f"{BASE}/c/p1"
    assert track.id == "p1"


def test_follow_actions_go_in_the_query_only() -> None:
    _, sent = call(lambda c: c.follow("u2"), {"_id": "f1"})
    request = only(sent)
    assert (request.method, request.params, request.json) == (
        "POST",
        (("action", "insert"), ("tId", "u2")),
        None,
    )
    assert call(lambda c: c.is_following("u2"), {})[0] is False


def test_followers_and_following_read_both_sides_of_a_follow() -> None:
    followers, _ = call(lambda c: c.followers("u1"), [{"uId": "u2", "uNm": "B"}])
    following, _ = call(lambda c: c.following("u1"), [{"tId": "u3", "tNm": "C"}])
    assert (followers[0].id, following[0].id) == ("u2", "u3")


def test_set_order_sends_a_string_id_and_a_real_array() -> None:
    _, sent = call(lambda c: c.reorder_playlist(0, ["p2", "p1"]), {"ok": 1})
    assert only(sent).json == {"action": "setOrder", "id": "0", "order": ["p2", "p1"]}


def test_renaming_a_missing_playlist_is_not_found() -> None:
    with pytest.raises(NotFound):
        call(lambda c: c.rename_playlist(7, "x"), True)


def test_playlists_by_id_repeat_the_id_parameter() -> None:
    playlists, sent = call(
        lambda c: c.playlists_by_id(["a_0", "b_1"]),
        [{"id": "a_0", "plId": "0", "uId": "a", "nbTracks": 1}],
    )
    assert only(sent).params == (("id", "a_0"), ("id", "b_1"))
    assert playlists[0].global_id == "a_0"


def test_upload_sends_multipart_and_reads_the_stored_image() -> None:
    image, sent = call(
        lambda c: c.upload_image("cat.png", b"png", "image/png"),
        {"file": {"mime": "image/png", "path": "upload_data/h_180x.png", "thumbs": {}}},
    )
    content_type, _ = only(sent).encode_body()
    assert content_type.startswith("multipart/form-data")
    assert image.path == "upload_data/h_180x.png"
    with pytest.raises(BadRequest, match="Only images"):
        call(
            lambda c: c.upload_image("a.txt", b"x", "text/plain"),
            {"file": {"error": "Only images are supported for upload, for now."}},
        )


def test_searches_read_each_context() -> None:
    hits, sent = call(
        lambda c: c.search_tracks_to_add("lull"),
        [{"id": "p1", "eId": "/yt/x", "name": "Lullaby", "score": 0}],
    )
    assert dict(only(sent).params) == {"q": "lull", "context": "addTrack"}
    assert hits[0].track.name == "Lullaby"
    mentions, _ = call(lambda c: c.search_mentions("du"), {"hits": [{"_id": "u", "name": "dummy"}]})
    assert mentions[0].name == "dummy"


def test_a_relative_base_url_stays_relative() -> None:
    transport, sent = scripted({"hasMore": False, "tracks": []})
    asyncio.run(OpenwhydClient("./openwhyd/", transport).hot_tracks())
    assert only(sent).url == "./openwhyd/hot"


def walk(client_pages: Callable[[OpenwhydClient], Any], *replies: Any) -> tuple[list, list, list]:
    """Collect a paged walk: the track ids, the requests' params, and the pauses taken."""
    transport, sent = scripted(*replies)
    pauses: list[float] = []

    async def sleep(seconds: float) -> None:
        pauses.append(seconds)

    async def collect() -> list[str]:
        client = OpenwhydClient(BASE, transport, page_delay=0.5, sleep=sleep)
        return [track.id async for track in client_pages(client)]

    ids = asyncio.run(collect())
    return ids, [dict(request.params) for request in sent], pauses


def test_walking_a_profile_follows_after_and_pauses_between_pages() -> None:
    ids, params, pauses = walk(
        lambda c: c.iter_profile_tracks("dummy", page_size=2),
        posts("p5", "p4", "p3"),
        posts("p3", "p2", "p1"),
        posts("p1"),
    )
    assert ids == ["p5", "p4", "p3", "p2", "p1"]
    assert [p.get("after") for p in params] == [None, "p4", "p2"]
    assert pauses == [0.5, 0.5]


def test_walking_a_reordered_playlist_pages_by_order() -> None:
    first = [{"_id": "b", "eId": "/yt/x", "order": 0}, {"_id": "a", "eId": "/yt/x", "order": 1}]
    ids, params, _ = walk(
        lambda c: c.iter_playlist_tracks("dummy", 0, page_size=1),
        first,
        [{"_id": "a", "eId": "/yt/x", "order": 1}],
    )
    assert ids == ["b", "a"]
    assert params[1]["after"] == "0"


def test_walking_stops_when_a_server_ignores_after() -> None:
    stuck = posts(*[f"p{i}" for i in range(21)])
    ids, params, _ = walk(lambda c: c.iter_liked_tracks("dummy"), stuck, stuck)
    assert len(ids) == 2 * 20
    assert [p.get("after") for p in params] == [None, "p19"]


def test_resource_urls_resolve_against_the_service_not_the_page() -> None:
    from app.openwhyd.client import OpenwhydClient

    client = OpenwhydClient("./openwhyd/", transport=None)
    assert client.resource_url("/img/playlist/u_1") == "./openwhyd/img/playlist/u_1"
    assert (
        client.resource_url("https://i.ytimg.com/vi/x/default.jpg") == "https://i.ytimg.com/vi/x/default.jpg"
    )
    assert client.resource_url("//cdn.example/x.png") == "//cdn.example/x.png"
    assert client.resource_url(None) is None
    assert client.user_image_url("a/b") == "./openwhyd/img/user/a%2Fb"


def test_a_playlists_picture_is_openwhyds_and_a_new_upload_changes_its_address() -> None:
    client = OpenwhydClient("./openwhyd", None)
    assert client.playlist_image_url("u1", 3) == "./openwhyd/img/playlist/u1_3"
    assert client.playlist_image_url("u1", 3, 2) == "./openwhyd/img/playlist/u1_3?v=2"
