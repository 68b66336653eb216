"""Posting, reposting, editing and deleting tracks; likes, plays, comments."""

from dataclasses import replace

import pytest
from openwhyd_demo_accounts import ADMIN, DUMMY

from app.api.errors import AuthRequired, BadRequest, Forbidden, NotFound, RateLimited
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.eid import eid_from_url
from app.openwhyd.models import PlaylistRef

LULLABY = eid_from_url("https://youtu.be/XdJVWSqb4Ck")


async def test_a_posted_track_shows_on_the_profile(dummy: OpenwhydClient) -> None:
    track = await dummy.add_track(
        LULLABY,
        "Jack Johnson - Lullaby",
        text="for @admin",
        context="bk",
        source_url="https://www.youtube.com/watch?v=XdJVWSqb4Ck",
        source_title="Lullaby - YouTube",
    )
    assert (track.eid, track.user_id, track.user_name, track.context) == (
        LULLABY,
        DUMMY,
        "dummy",
        "bk",
    )
    assert track.source.url == "https://www.youtube.com/watch?v=XdJVWSqb4Ck"
    assert track.playlist is None
    assert (await dummy.profile_tracks("dummy")).tracks[0] == track


async def test_posting_into_a_new_then_an_existing_playlist(dummy: OpenwhydClient) -> None:
    first = await dummy.add_track(LULLABY, "Lullaby", new_playlist="chill")
    assert first.playlist == PlaylistRef(0, "chill")
    second = await dummy.add_track("/vi/76979871", "Vimeo", playlist=first.playlist)
    assert second.playlist == first.playlist
    [chill] = (await dummy.me()).playlists
    assert (chill.name, chill.track_count) == ("chill", 2)


async def test_a_repost_remembers_the_original(dummy: OpenwhydClient) -> None:
    original = (await dummy.profile_tracks("admin")).tracks[0]
    repost = await dummy.repost(original.id, context="hot")
    assert repost.id != original.id
    assert (repost.eid, repost.name, repost.user_id) == (original.eid, original.name, DUMMY)
    assert (repost.repost_of.post_id, repost.repost_of.user_id) == (original.id, ADMIN)
    assert (await dummy.track(original.id)).repost_count == original.repost_count + 1
    with pytest.raises(NotFound):
        await dummy.repost("a0000000000000000000000a")


async def test_editing_resends_the_whole_post(admin: OpenwhydClient) -> None:
    track = (await admin.playlist_tracks("admin", 0)).tracks[0]
    edited = await admin.edit_track(replace(track, name="Renamed", text="new words"))
    assert (edited.name, edited.text, edited.playlist) == ("Renamed", "new words", track.playlist)
    assert (await admin.track(track.id)).name == "Renamed"


async def test_only_the_owner_edits_or_deletes(admin: OpenwhydClient, dummy: OpenwhydClient) -> None:
    track = (await admin.profile_tracks("admin")).tracks[0]
    with pytest.raises(Forbidden):
        await dummy.edit_track(track)
    with pytest.raises(BadRequest):
        await dummy.delete_track(track.id)
    await admin.delete_track(track.id)
    with pytest.raises(NotFound):
        await admin.track(track.id)


async def test_posting_needs_a_session(visitor: OpenwhydClient) -> None:
    with pytest.raises(AuthRequired):
        await visitor.add_track(LULLABY, "Lullaby")
    with pytest.raises(AuthRequired):
        await visitor.toggle_love("a0000000000000000000000a")


async def test_love_toggles_and_lists_lovers(admin: OpenwhydClient) -> None:
    track = (await admin.profile_tracks("dummy")).tracks[0]
    loved = await admin.toggle_love(track.id)
    assert loved.loved is True
    assert ADMIN in [user.id for user in await admin.lovers(track.id)]
    assert (await admin.track(track.id)).is_loved_by(ADMIN)
    unloved = await admin.toggle_love(track.id)
    assert (unloved.loved, unloved.lover_count) == (False, loved.lover_count - 1)
    assert [track.id for track in (await admin.liked_tracks("admin")).tracks] == []


async def test_reposters_are_listed(admin: OpenwhydClient, dummy: OpenwhydClient) -> None:
    track = (await admin.profile_tracks("admin")).tracks[0]
    await dummy.repost(track.id)
    assert DUMMY in [user.id for user in await admin.reposters(track.id)]


async def test_plays_count_unless_the_player_failed(dummy: OpenwhydClient) -> None:
    track = (await dummy.profile_tracks("admin")).tracks[0]
    await dummy.count_play(track.id, track.eid, duration=3.5)
    await dummy.count_play(track.id, track.eid, error={"code": "timeout", "source": "Playem"})
    assert (await dummy.track(track.id)).play_count == track.play_count + 1


async def test_scrobbling_without_lastfm_says_so(dummy: OpenwhydClient) -> None:
    track = (await dummy.profile_tracks("admin")).tracks[0]
    with pytest.raises(BadRequest, match="unable to scrobble track"):
        await dummy.scrobble(track.id, timestamp=1_700_000_000, duration=180)


async def test_comments_are_added_rate_limited_and_deleted(
    admin: OpenwhydClient, dummy: OpenwhydClient
) -> None:
    track = (await dummy.profile_tracks("admin")).tracks[0]
    comment = await dummy.add_comment(track.id, "  lovely  ")
    assert (comment.text, comment.post_id, comment.user_id) == ("lovely", track.id, DUMMY)
    with pytest.raises(RateLimited):
        await dummy.add_comment(track.id, "again")
    assert comment.id in [c.id for c in (await dummy.track(track.id)).comments]
    with pytest.raises(BadRequest):
        await dummy.add_comment(track.id, "   ")
    await admin.delete_comment(comment.id)
    assert comment.id not in [c.id for c in (await dummy.track(track.id)).comments]
    with pytest.raises(NotFound):
        await admin.delete_comment(comment.id)


async def test_only_authors_delete_comments(admin: OpenwhydClient, dummy: OpenwhydClient) -> None:
    track = (await admin.profile_tracks("dummy")).tracks[0]
    comment = await dummy.add_comment(track.id, "mine")
    with pytest.raises(Forbidden):
        await admin.delete_comment(comment.id)


async def test_a_track_can_be_sent_to_users(admin: OpenwhydClient) -> None:
    track = (await admin.profile_tracks("admin")).tracks[0]
    await admin.send_track(track.id, [DUMMY])
