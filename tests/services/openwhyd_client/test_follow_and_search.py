"""Following users, and searching tracks, playlists and users."""

import pytest
from openwhyd_demo_accounts import ADMIN, DUMMY

from app.api.errors import AuthRequired
from app.openwhyd.client import OpenwhydClient


async def test_follow_then_unfollow(admin: OpenwhydClient) -> None:
    assert await admin.is_following(DUMMY) is False
    await admin.follow(DUMMY)
    assert await admin.is_following(DUMMY) is True
    assert ADMIN in [user.id for user in await admin.followers(DUMMY)]
    assert DUMMY in [user.id for user in await admin.following(ADMIN)]
    await admin.unfollow(DUMMY)
    assert await admin.is_following(DUMMY) is False


async def test_follower_lists_tell_whom_one_follows(admin: OpenwhydClient, dummy: OpenwhydClient) -> None:
    await admin.follow(DUMMY)
    await dummy.follow(ADMIN)
    [follower] = [user for user in await admin.followers(DUMMY) if user.id == ADMIN]
    assert follower.name == "admin"
    seen_by_dummy = {user.id: user.is_subscribed for user in await dummy.following(ADMIN)}
    assert seen_by_dummy[DUMMY] is None


async def test_following_needs_a_session(visitor: OpenwhydClient) -> None:
    with pytest.raises(AuthRequired):
        await visitor.follow(DUMMY)


async def test_follow_lists_page(admin: OpenwhydClient) -> None:
    await admin.follow(DUMMY)
    assert await admin.followers(DUMMY, skip=1000) == []
    assert len(await admin.followers(DUMMY, limit=1)) == 1


async def test_search_finds_tracks_playlists_and_users(visitor: OpenwhydClient) -> None:
    results = await visitor.search("tones")
    assert "Offline tones" in [playlist.name for playlist in results.playlists]
    assert any("Tonearm Tones" in track.name for track in results.tracks)
    users = await visitor.search("adrien")
    assert "Adrien Joly" in [user.name for user in users.users]
    assert (await visitor.search("zzzqqqxxx")).tracks == ()


async def test_adding_tracks_searches_other_users_posts(dummy: OpenwhydClient) -> None:
    hits = await dummy.search_tracks_to_add("chord")
    assert hits and all(hit.track.user_id != DUMMY for hit in hits)
    assert len(hits) <= 5


async def test_quick_search_splits_ones_own_posts(admin: OpenwhydClient, visitor: OpenwhydClient) -> None:
    found = await admin.quick_search("major")
    assert found.mine and all(hit.track.user_id == ADMIN for hit in found.mine)
    assert all(hit.track.user_id != ADMIN for hit in found.others)
    with pytest.raises(AuthRequired):
        await visitor.quick_search("major")


async def test_header_suggestions_mix_kinds(visitor: OpenwhydClient) -> None:
    hits = await visitor.search_suggestions("tones")
    assert {"post", "playlist"} <= {hit.kind for hit in hits}


async def test_mentions_and_profile_search(admin: OpenwhydClient) -> None:
    assert "dummy" in [user.name for user in await admin.search_mentions("dum")]
    tracks = await admin.search_user_tracks(ADMIN, "chord")
    assert tracks and {track.user_id for track in tracks} == {ADMIN}
