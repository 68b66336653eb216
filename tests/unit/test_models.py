"""Models read the server's shapes (reference §4) tolerantly and write posts back unchanged."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.openwhyd.models import (
    HotTracks,
    Love,
    Playlist,
    PlaylistRef,
    QuickSearch,
    SearchHit,
    SearchResults,
    Track,
    TrackPage,
    User,
    UserRef,
)

FIXTURES = Path(__file__).resolve().parents[2] / "server" / "openwhyd" / "demo" / "fixtures"


def load(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text())


def test_fixture_posts_survive_a_round_trip() -> None:
    for post in load("post.json"):
        fresh = {key: value for key, value in post.items() if value not in (0, None)}
        assert Track.from_json(post).to_json() == fresh


def test_a_stream_post_brings_its_comments_and_reposts() -> None:
    track = Track.from_json(
        {
            "_id": "6106450aa1de931f401c43be",
            "eId": "/yt/jI3YrVfOksE",
            "uId": "u1",
            "comments": [{"_id": "c1", "uId": "u2", "uNm": "Bob", "pId": "p", "text": "nice"}],
            "reposts": [{"id": "u3", "name": "Carol", "pId": "p2"}],
            "lov": ["u2"],
            "nbP": 3,
        }
    )
    assert track.comments[0].text == "nice"
    assert track.reposted_by == (UserRef(id="u3", name="Carol"),)
    assert track.is_loved_by("u2")
    assert track.play_count == 3
    assert track.posted_at == datetime(2021, 8, 1, 6, 54, 2, tzinfo=UTC)


def test_a_bare_post_gets_defaults_and_legacy_values_are_read() -> None:
    track = Track.from_json(
        {"_id": "p", "eId": "/yt/x", "img": "null", "pl": {"id": "7", "name": "Old"}, "src": None}
    )
    assert (track.text, track.image, track.source, track.lovers) == ("", None, None, ())
    assert track.playlist == PlaylistRef(7, "Old")
    assert Track.from_json({"_id": "p", "eId": "/yt/x", "pl": {"id": "null"}}).playlist is None
    assert PlaylistRef.from_json({"id": "legacy-id", "name": "x"}).id == "legacy-id"
    assert Track.from_json({"_id": "zz", "eId": "/yt/x"}).posted_at is None


def test_a_fixture_user_reads_with_its_playlists() -> None:
    adrien = User.from_json(load("user.json")[0])
    assert (adrien.handle, adrien.location, adrien.links["tw"]) == (
        "adrien",
        "Montreuil / Paris, France",
        "adrienjoly",
    )
    assert adrien.playlists[0] == Playlist(
        id=64, name="🌍 Voyage", user_id="4d94501d1f78ac091dbc9b4d", track_count=4
    )
    assert adrien.playlists[0].global_id == "4d94501d1f78ac091dbc9b4d_64"
    assert adrien.path == "/adrien"
    assert adrien.subscriber_count is None


def test_a_public_profile_has_counts_and_no_private_fields() -> None:
    user = User.from_json(
        {
            "_id": "000000000000000000000002",
            "name": "dummy",
            "nbSubscriptions": 1,
            "nbSubscribers": "2",
            "nbPosts": 3,
            "nbLikes": 0,
            "isSubscribing": True,
        }
    )
    assert (user.subscription_count, user.subscriber_count, user.post_count) == (1, 2, 3)
    assert (user.like_count, user.is_subscribed, user.email) == (0, True, None)
    assert user.path == "/u/000000000000000000000002"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"id": 0, "name": "first", "url": "/u/abc/playlist/0", "nbTracks": 3, "img": "/i"},
            Playlist(id=0, name="first", user_id="abc", track_count=3, image="/i"),
        ),
        (
            {"id": "abc_2", "name": "rock", "uId": "abc", "uNm": "Al", "plId": "2", "nbTracks": 1},
            Playlist(id=2, name="rock", user_id="abc", user_name="Al", track_count=1),
        ),
        ({"id": 1, "name": "new"}, Playlist(id=1, name="new")),
    ],
)
def test_playlists_read_from_each_of_their_shapes(data: dict, expected: Playlist) -> None:
    assert Playlist.from_json(data) == expected


def test_a_playlist_without_owner_has_no_global_id_and_gives_its_post_ref() -> None:
    playlist = Playlist(id=3, name="chill")
    assert playlist.global_id is None
    assert playlist.ref == PlaylistRef(3, "chill")


def test_track_pages_keep_the_extra_item_as_a_has_more_flag() -> None:
    items = [{"_id": str(i), "eId": "/yt/x"} for i in range(21)]
    page = TrackPage.from_json(items, 20)
    assert (len(page.tracks), page.has_more) == (20, True)
    assert TrackPage.from_json(items[:20], 20).has_more is False


def test_hot_tracks_read_their_scores_and_next_skip() -> None:
    hot = HotTracks.from_json(
        {
            "hasMore": {"skip": 20},
            "tracks": [
                {
                    "_id": "61e19a3f078b4c9934e72ce5",
                    "pId": "61e19a3f078b4c9934e72ce5",
                    "eId": "/yt/track_B",
                    "name": "a popular track",
                    "img": None,
                    "uId": None,
                    "uNm": None,
                    "pl": None,
                    "nbR": 3,
                    "nbL": 1,
                    "score": 4,
                    "trackUrl": "//youtube.com/watch?v=track_B",
                }
            ],
        }
    )
    assert hot.next_skip == 20
    first = hot.tracks[0]
    assert (first.track.eid, first.score, first.post_count, first.love_count) == (
        "/yt/track_B",
        4,
        3,
        1,
    )
    assert first.track.repost_count == 0
    assert HotTracks.from_json({"hasMore": False, "tracks": []}).next_skip is None


def test_user_refs_read_lists_follows_and_search_hits() -> None:
    assert UserRef.from_json({"id": "a", "name": "A", "subscribed": False}) == UserRef("a", "A", None, False)
    assert UserRef.from_follower({"uId": "a", "uNm": "A"}) == UserRef("a", "A")
    assert UserRef.from_followed({"tId": "b", "tNm": "B", "isSubscribing": True}) == UserRef(
        "b", "B", None, True
    )


def test_search_results_read_each_context() -> None:
    main = SearchResults.from_json(
        {
            "q": "rock",
            "results": {
                "posts": [{"_id": "p", "eId": "/yt/x", "name": "Rock on", "score": 1}],
                "playlists": [{"id": 0, "name": "rock", "url": "/u/abc/playlist/0"}],
                "users": [{"_id": "u", "name": "Rocky", "isSubscribed": False}],
            },
        }
    )
    assert [main.tracks[0].name, main.playlists[0].global_id, main.users[0].name] == [
        "Rock on",
        "abc_0",
        "Rocky",
    ]
    hit = {"_id": 2, "id": "abc_2", "name": "jazz", "uId": "abc", "uNm": "Al", "idParts": ["abc", "2"]}
    found = SearchResults.from_json({"q": "jazz", "results": {"playlists": [hit]}}).playlists[0]
    assert (found.id, found.user_id, found.global_id, found.user_name) == (2, "abc", "abc_2", "Al")
    quick = QuickSearch.from_json(
        {"q": "a", "results": {"myPosts": [{"id": "p", "eId": "/yt/x", "score": 10}]}}
    )
    assert (quick.mine[0].track.id, quick.mine[0].score, quick.others) == ("p", 10, ())
    hits = SearchHit.list_from_json(
        {"q": "a", "results": {"post": [{"id": "p", "name": "A"}], "user": [{"id": "u"}]}}
    )
    assert [(hit.kind, hit.id) for hit in hits] == [("user", "u"), ("post", "p")]
    assert SearchHit.list_from_json({"q": "x", "results": {}}) == ()


def test_love_reads_the_toggle_answer() -> None:
    assert Love.from_json({"loved": True, "lovers": 2, "post": {}}) == Love(True, 2)
