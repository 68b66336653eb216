"""Track lists: profiles, playlists, likes, feeds, hot tracks, one track; and walking them."""

import urllib.request

import pytest
from openwhyd_demo_accounts import ADMIN, DUMMY

from app.api.errors import AuthRequired, NotFound
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.export import to_links

ADRIEN = "4d94501d1f78ac091dbc9b4d"


async def post_tracks(client: OpenwhydClient, count: int, playlist: str | None = None) -> list[str]:
    """Post `count` tracks, into a new playlist when one is named; their ids, newest first."""
    first = await client.add_track("/yt/track0", "Track 0", new_playlist=playlist)
    ids = [first.id]
    for number in range(1, count):
        track = await client.add_track(f"/yt/track{number}", f"Track {number}", playlist=first.playlist)
        ids.append(track.id)
    return ids[::-1]


async def test_profile_pages_trim_the_extra_item_and_say_there_is_more(
    dummy: OpenwhydClient,
) -> None:
    newest_first = await post_tracks(dummy, 3)
    page = await dummy.profile_tracks("dummy", limit=2)
    assert ([t.id for t in page.tracks], page.has_more) == (newest_first[:2], True)
    rest = await dummy.profile_tracks("dummy", limit=2, after=page.tracks[-1].id)
    assert [t.id for t in rest.tracks][:1] == newest_first[2:3]


async def test_profiles_by_id_follow_the_redirect_to_the_handle(visitor: OpenwhydClient) -> None:
    by_id = await visitor.profile_tracks(ADMIN)
    by_handle = await visitor.profile_tracks("admin")
    assert by_id == by_handle and by_id.tracks


async def test_walking_a_profile_yields_every_track_once_in_order(
    dummy: OpenwhydClient,
) -> None:
    await post_tracks(dummy, 5)
    everything = await dummy.profile_tracks("dummy", limit=1000)
    walked = [track async for track in dummy.iter_profile_tracks("dummy", page_size=2)]
    assert walked == list(everything.tracks)
    assert len(walked) == 6


async def test_my_tracks_are_the_logged_in_users(dummy: OpenwhydClient, visitor: OpenwhydClient) -> None:
    assert (await dummy.my_tracks()).tracks == (await dummy.profile_tracks("dummy")).tracks
    with pytest.raises(AuthRequired):
        await visitor.my_tracks()


async def test_a_reordered_playlist_is_walked_in_its_order(dummy: OpenwhydClient) -> None:
    newest_first = await post_tracks(dummy, 5, "mix")
    order = [newest_first[i] for i in (2, 0, 4, 1, 3)]
    await dummy.reorder_playlist(0, order)
    page = await dummy.playlist_tracks("dummy", 0, limit=2)
    assert ([t.id for t in page.tracks], page.has_more) == (order[:2], True)
    walked = [t.id async for t in dummy.iter_playlist_tracks(DUMMY, 0, page_size=2)]
    assert walked == order


async def test_an_unordered_playlist_is_newest_first(dummy: OpenwhydClient) -> None:
    newest_first = await post_tracks(dummy, 3, "fresh")
    walked = [t.id async for t in dummy.iter_playlist_tracks("dummy", 0, page_size=2)]
    assert walked == newest_first


async def test_missing_users_and_playlists_are_not_found(visitor: OpenwhydClient) -> None:
    with pytest.raises(NotFound):
        await visitor.profile_tracks("nobody")
    with pytest.raises(NotFound):
        await visitor.profile_tracks("a0000000000000000000000a")
    with pytest.raises(NotFound):
        await visitor.playlist_tracks("admin", 42)


async def test_likes_list_what_a_user_loved(admin: OpenwhydClient) -> None:
    track = (await admin.profile_tracks("dummy")).tracks[0]
    await admin.toggle_love(track.id)
    liked = await admin.liked_tracks("admin")
    assert [t.id for t in liked.tracks] == [track.id]
    assert [t.id async for t in admin.iter_liked_tracks(ADMIN)] == [track.id]


async def test_playlists_list_in_creation_order(dummy: OpenwhydClient) -> None:
    await dummy.create_playlist("first")
    await dummy.create_playlist("second")
    playlists = await dummy.user_playlists("dummy")
    assert [(p.id, p.name, p.user_id) for p in playlists] == [
        (0, "first", DUMMY),
        (1, "second", DUMMY),
    ]


async def test_the_stream_needs_a_session_or_an_id(visitor: OpenwhydClient, admin: OpenwhydClient) -> None:
    with pytest.raises(AuthRequired):
        await visitor.stream()
    await admin.follow(DUMMY)
    mine = await admin.stream(limit=50)
    assert {t.user_id for t in mine.tracks} == {ADMIN, DUMMY}
    assert (await visitor.stream(user_id=ADMIN, limit=50)).tracks == mine.tracks


async def test_feeds_carry_comments_and_page_exactly(visitor: OpenwhydClient) -> None:
    everyone = await visitor.all_tracks(limit=3)
    assert (len(everyone.tracks), everyone.has_more) == (3, True)
    commented = [t for t in (await visitor.all_tracks(limit=100)).tracks if t.comments]
    assert commented[0].comments[0].text == "so pure!"


async def test_hot_tracks_rank_and_page(visitor: OpenwhydClient) -> None:
    first = await visitor.hot_tracks(limit=2)
    assert len(first.tracks) == 2 and first.next_skip == 2
    scores = [hot.score for hot in first.tracks]
    assert scores == sorted(scores, reverse=True)
    assert (await visitor.hot_tracks(genre="electro", limit=2)) == first
    second = await visitor.hot_tracks(skip=1, limit=1)
    assert second.tracks[0] == first.tracks[1]


async def test_one_track_comes_with_its_comments(visitor: OpenwhydClient) -> None:
    track = (await visitor.playlist_tracks("admin", 0)).tracks[0]
    detailed = await visitor.track(track.id)
    assert (detailed.id, detailed.eid) == (track.id, track.eid)
    with pytest.raises(NotFound):
        await visitor.track("a0000000000000000000000a")


async def test_the_links_export_matches_the_servers(visitor: OpenwhydClient) -> None:
    tracks = [t async for t in visitor.iter_profile_tracks(ADRIEN)]
    url = f"{visitor.base_url}/adrien?format=links&limit=1000"
    with urllib.request.urlopen(url) as answer:
        assert to_links(tracks) == answer.read().decode()
