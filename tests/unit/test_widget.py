"""The widget's pure part: what an embed URL asks for, where its data is, the tracks it can play."""

import pytest

from app.widget.settings import Settings
from app.widget.sources import HeavyPatch, OpenwhydList, SourceError, choose
from app.widget.tracks import ListError, heading, next_playable, stream_url, tracks_from
from app.widget.urls import is_web_url, on_server, query, quote, under_base

API = "http://127.0.0.1:8000/openwhyd"
ADMIN_ID = "000000000000000000000001"


def test_quote_encodes_utf8_and_every_reserved_character() -> None:
    assert quote("a-b_c.d~") == "a-b_c.d~"
    assert quote("a b/c?d&e=f#") == "a%20b%2Fc%3Fd%26e%3Df%23"
    assert quote("café ♫") == "caf%C3%A9%20%E2%99%AB"
    assert query([("u", "a&b"), ("pl", "1")]) == "?u=a%26b&pl=1"
    assert query([]) == ""


@pytest.mark.parametrize("url", ["http://h", "https://h/x?y=1"])
def test_web_urls(url: str) -> None:
    assert is_web_url(url)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:audio/wav,xx", "//h/x", "/x", "https://", "http://a b"]
)
def test_anything_else_is_not_a_web_url(url: str) -> None:
    assert not is_web_url(url)


def test_audio_paths_are_on_the_server_and_images_under_the_service_root() -> None:
    assert on_server(API, "/openwhyd/audio/c.wav") == "http://127.0.0.1:8000/openwhyd/audio/c.wav"
    assert under_base(API, "/img/playlist/1_0") == "http://127.0.0.1:8000/openwhyd/img/playlist/1_0"
    assert under_base("https://openwhyd.org", "//i.ytimg.com/vi/x/0.jpg") == "https://i.ytimg.com/vi/x/0.jpg"
    assert on_server(API, "https://cdn.example/a.mp3") == "https://cdn.example/a.mp3"
    assert on_server(API, "javascript:alert(1)") is None
    assert under_base(API, "data:image/png;base64,xx") is None


@pytest.mark.parametrize(
    ("params", "url", "location", "title"),
    [
        (
            {"u": "admin", "pl": "0"},
            f"{API}/admin/playlist/0?format=json&limit=100&callback=cb",
            "#/u/admin/playlists/0",
            "Playlist 0",
        ),
        (
            {"u": ADMIN_ID},
            f"{API}/u/{ADMIN_ID}?format=json&limit=100&callback=cb",
            f"#/u/{ADMIN_ID}",
            ADMIN_ID,
        ),
        (
            {"u": "dummy", "likes": ""},
            f"{API}/dummy/likes?format=json&limit=100&callback=cb",
            "#/u/dummy/likes",
            "Liked by dummy",
        ),
        ({"u": "a b/c"}, f"{API}/a%20b%2Fc?format=json&limit=100&callback=cb", "#/u/a%20b%2Fc", "a b/c"),
        ({}, f"{API}/hot?format=json&limit=100&callback=cb", "#/hot", "Hot tracks"),
        ({"hot": "", "theme": "dark"}, f"{API}/hot?format=json&limit=100&callback=cb", "#/hot", "Hot tracks"),
    ],
)
def test_openwhyd_lists(params: dict, url: str, location: str, title: str) -> None:
    source = choose(params)
    assert source.data_url(API + "/", "cb") == url
    assert source.app_location() == location
    assert source.fallback_title() == title


def test_only_library_routes_are_read_by_jsonp() -> None:
    """Openwhyd answers `callback=` on library routes but not on `/hot` (reference §1.5)."""
    assert OpenwhydList("playlist", "admin", "0").uses_jsonp
    assert OpenwhydList("likes", "admin").uses_jsonp
    assert not OpenwhydList("hot").uses_jsonp
    assert OpenwhydList("hot").data_url(API) == f"{API}/hot?format=json&limit=100"


def test_a_heavy_patch() -> None:
    source = choose({"patch": "demo/sine", "u": "ignored"})
    assert isinstance(source, HeavyPatch)
    assert source.info_url("http://h/heavy") == "http://h/heavy/a/patches/demo/sine"
    assert source.build_url("http://h/heavy/") == "http://h/heavy/h/demo/sine/latest/web/local/"
    assert source.app_location() == "#/heavy/p/demo/sine"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"patch": "sine"}, "patch=owner/name"),
        ({"patch": "a/b/c"}, "patch=owner/name"),
        ({"pl": "0"}, "u=<handle or id>"),
        ({"likes": ""}, "u=<handle or id>"),
        ({"u": "admin", "pl": "x"}, "A playlist is a number"),
        ({"u": "admin", "pl": "-1"}, "A playlist is a number"),
    ],
)
def test_parameters_that_name_nothing(params: dict, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        choose(params)


def test_settings() -> None:
    settings = Settings({"u": "admin", "theme": "dark", "autoplay": "", "api": " https://openwhyd.org "})
    assert (settings.theme, settings.autoplay, settings.api) == ("dark", True, "https://openwhyd.org")
    settings = Settings({"theme": "pink", "autoplay": "0"})
    assert (settings.theme, settings.autoplay, settings.api) == ("", False, "./openwhyd")
    assert settings.source.kind == "hot"


def post(name: str, eid: str, **more: object) -> dict:
    return {"_id": f"id-{name}", "name": name, "eId": eid, "uNm": "admin", **more}


def test_tracks_from_posts_say_what_plays_here() -> None:
    posts = [
        post("tone", "/fi//openwhyd/audio/c.wav", pl={"id": 0, "name": "Offline tones"}, img="/img/post/x"),
        post("video", "/yt/XdJVWSqb4Ck", img="javascript:alert(1)"),
        post("bandcamp", "/bc/artist/song#https://t4.bcbits.com/stream/abc/mp3-128/1"),
        {"eId": "/fi/https://cdn.example/a.mp3"},
        "not a post",
    ]
    tracks = tracks_from(posts, API)
    assert [track.name for track in tracks] == ["tone", "video", "bandcamp", "Untitled"]
    assert [track.stream for track in tracks] == [
        "http://127.0.0.1:8000/openwhyd/audio/c.wav",
        None,
        "https://t4.bcbits.com/stream/abc/mp3-128/1",
        "https://cdn.example/a.mp3",
    ]
    assert [track.image for track in tracks] == [f"{API}/img/post/x", None, None, None]
    assert tracks[1].link == "#/t/id-video"
    assert heading(choose({"u": "admin", "pl": "0"}), tracks) == ("Offline tones", "by admin")
    assert heading(choose({"u": "admin"}), tracks) == ("admin", "")
    assert heading(choose({"u": "admin", "likes": ""}), tracks) == ("Liked by admin", "")
    assert heading(choose({"u": "admin", "pl": "3"}), []) == ("Playlist 3", "")


def test_hot_tracks_come_wrapped_and_lists_are_cut_to_length() -> None:
    reply = {"hasMore": {"skip": 150}, "tracks": [post(str(n), "/yt/abc") for n in range(150)]}
    assert len(tracks_from(reply, API)) == 100


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("meh... this playlist does not exist!", "This playlist does not exist."),
        ({"errorCode": "USER_NOT_FOUND", "error": "User not found..."}, "User not found..."),
        ({"error": 3}, "This list could not be read."),
        (42, "This list could not be read."),
    ],
)
def test_refusals(reply: object, message: str) -> None:
    with pytest.raises(ListError, match=message):
        tracks_from(reply, API)


def test_stream_urls_only_for_sources_an_audio_element_plays() -> None:
    assert stream_url("/bc/artist/song", API) is None
    assert stream_url("/bc/artist/song#javascript:alert(1)", API) is None
    assert stream_url("/sc/artist/song#https://api.soundcloud.com/tracks/1", API) is None
    assert stream_url("", API) is None


def test_next_playable_skips_what_cannot_play() -> None:
    tracks = tracks_from(
        [
            post("a", "/yt/a"),
            post("b", "/fi/https://h/b.mp3"),
            post("c", "/yt/c"),
            post("d", "/fi/https://h/d.mp3"),
            post("e", "/yt/e"),
        ],
        API,
    )
    assert next_playable(tracks, -1, 1) == 1
    assert next_playable(tracks, 1, 1) == 3
    assert next_playable(tracks, 3, 1) is None
    assert next_playable(tracks, 3, -1) == 1
    assert next_playable(tracks, 1, -1) is None
